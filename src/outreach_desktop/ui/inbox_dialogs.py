"""The Posteingang's small dialogs: a new laptop's fingerprint to compare before its bundle is
read, the result of reading bundles (a German line per file), and the reason for a rejection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.field_limits import ACKNOWLEDGEMENT_REASON
from outreach_desktop.services.inbox import ImportResult
from outreach_desktop.ui.widgets.common import ERROR_COLOR, buddy_label, plain
from outreach_desktop.ui.widgets.text_limit import TextLimit

PROBLEMS = ("refused", "failed")


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _push(text: str) -> QPushButton:
    push = QPushButton(text)
    push.setAccessibleName(plain(text))
    push.setAutoDefault(False)
    return push


class FingerprintDialog(QDialog):
    """A laptop the office does not know: its fingerprint, large, to compare with the one the
    caseworker reads from the laptop. Accepted only on the explicit button; Cancel is the
    default, so Enter never trusts a device."""

    def __init__(
        self, fingerprint: str, device: str, files: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New device"))
        self.fingerprint = fingerprint
        names = ", ".join(self.tr("“{name}”").format(name=name) for name in files)
        intro = _wrapped(
            self.tr(
                "The bundle {files} comes from a laptop this office station does not know yet "
                "(device {device}). Its fingerprint:"
            ).format(files=names, device=device)
        )
        self.shown = QLabel("  ".join(fingerprint.split("-")))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 2.2)
        font.setWeight(QFont.Weight.Bold)
        self.shown.setFont(font)
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shown.setAccessibleName(self.tr("Fingerprint of the device"))
        self.shown.setAccessibleDescription(" ".join(fingerprint))  # read letter by letter
        self.shown.setStyleSheet("padding: 12px; border: 1px solid palette(mid);")
        how = _wrapped(
            self.tr(
                "Ask the caseworker to read out the device key their laptop shows (Settings → "
                "Agency: “Device key”) and compare it group by group. Accept the device only "
                "if every character is the same; otherwise cancel, and the file is not read."
            )
        )
        self.accept_button = _push(self.tr("&Accept device and import"))
        self.cancel_button = _push(self.tr("Cancel"))
        self.accept_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.shown)
        layout.addWidget(how)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())
        self.cancel_button.setFocus()


class ImportResultsDialog(QDialog):
    """One line per file, as the service said it; refused files in the error colour."""

    def __init__(self, results: list[ImportResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bundles read"))
        self.summary = _wrapped(self._summary(results))
        self.lines = QListWidget()
        self.lines.setAccessibleName(self.tr("Result per file"))
        self.lines.setWordWrap(True)  # a long line wraps within the width, never scrolls
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lines.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.lines.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.lines.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        for result in results:
            item = QListWidgetItem(("✗ " if result.status in PROBLEMS else "✓ ") + result.line)
            if result.status in PROBLEMS:
                item.setForeground(QColor(ERROR_COLOR))
            elif result.status == "cancelled":
                item.setText("– " + result.line)
            self.lines.addItem(item)
        close = _push(self.tr("&Close"))
        close.clicked.connect(self.accept)
        buttons = QDialogButtonBox()
        buttons.addButton(close, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 1)
        layout.addWidget(buttons)
        self.resize(900, 380)
        self.lines.setFocus()
        if self.lines.count():
            self.lines.setCurrentRow(0)

    def texts(self) -> list[str]:
        return [self.lines.item(n).text() for n in range(self.lines.count())]

    def _summary(self, results: list[ImportResult]) -> str:
        ok = sum(1 for r in results if r.ok)
        problems = sum(1 for r in results if r.status in PROBLEMS)
        stopped = sum(1 for r in results if r.status == "cancelled")
        lines = [self.tr("Read: {ok} of {total} files.").format(ok=ok, total=len(results))]
        if problems:
            lines.append(
                self.tr("Not read: {n} – the reason is given beside each file.").format(n=problems)
            )
        if stopped:
            lines.append(self.tr("Stopped before reading: {n}.").format(n=stopped))
        return "\n".join(lines)


class RejectDialog(QDialog):
    """The reason a record is not entered (required): the laptop learns it with the receipt."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reject entry"))
        intro = _wrapped(
            self.tr(
                "“{title}” is not entered. The laptop learns why with the next receipt, so the "
                "caseworker can correct it; a corrected version comes in anew."
            ).format(title=title)
        )
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason for the rejection"))
        self.reason.setTabChangesFocus(True)
        counter = TextLimit(self.reason, ACKNOWLEDGEMENT_REASON).counter
        label = buddy_label(self.tr("&Reason (required)"), self.reason)
        self.reject_button = _push(self.tr("Re&ject"))
        self.reject_button.setEnabled(False)
        cancel = _push(self.tr("Cancel"))
        self.reject_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        self.reason.textChanged.connect(lambda: self.reject_button.setEnabled(bool(self.text())))
        buttons = QDialogButtonBox()
        buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.reason, 1)
        layout.addWidget(counter)
        layout.addWidget(buttons)
        self.resize(520, 300)
        self.reason.setFocus()

    def text(self) -> str:
        return self.reason.toPlainText().strip()
