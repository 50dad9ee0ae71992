"""The "Transfer (VerBIS)" tab: every field of the protocol as the office reads it, each with
a copy button for pasting into VerBIS, and one button to copy all. Copied text is marked
sensitive and cleared from the clipboard after 30 seconds."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from outreach_desktop.services.protocol_views import ProtocolView
from outreach_desktop.ui.clipboard import sensitive_clipboard
from outreach_desktop.ui.widgets.common import style_error


class HandoverView(QWidget):
    """`copied` carries the status line after a copy."""

    copied = Signal(str)

    def show_view(self, v: ProtocolView) -> None:
        rows = v.rows()
        rows += [(self.tr("Addendum {when}").format(when=a.label), a.text) for a in v.addenda]
        self.show_rows(
            rows, self.tr("Draft – not finalized yet.") if not v.protocol.is_final else ""
        )

    def show_rows(self, rows: list[tuple[str, str]], warning: str = "") -> None:
        """Any labelled texts, each with its copy button (the office's other record kinds)."""
        old = self.layout()
        if old is not None:
            QWidget().setLayout(old)  # drop the old rows
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(16)
        note = QLabel(warning)
        style_error(note, bold=True)
        copy_all = QPushButton(self.tr("Copy a&ll"))
        copy_all.setAccessibleName(self.tr("Copy all fields"))
        copy_all.setAutoDefault(False)
        everything = "\n\n".join(f"{label}:\n{text}" for label, text in rows)
        copy_all.clicked.connect(lambda: self._copy(everything, self.tr("all fields")))
        grid.addWidget(note, 0, 0, 1, 2)
        grid.addWidget(copy_all, 0, 2)
        for index, (label, text) in enumerate(rows, start=1):
            self._add_row(grid, index, label, text)
        grid.setColumnStretch(1, 1)

    def _add_row(self, grid: QGridLayout, index: int, label: str, text: str) -> None:
        caption = QLabel(f"<b>{escape(label)}</b>")
        value = QLabel(text)
        value.setTextFormat(Qt.TextFormat.PlainText)  # shown exactly as it is copied
        value.setWordWrap(True)
        copy = QPushButton(self.tr("Copy"))
        copy.setAccessibleName(self.tr("Copy {field}").format(field=label))
        copy.setAutoDefault(False)
        copy.clicked.connect(lambda _c=False, t=text, f=label: self._copy(t, f))
        # caption and text start on the line of the button's caption, however tall the text
        inset = max(0, (copy.sizeHint().height() - value.fontMetrics().height()) // 2)
        for part in (caption, value):
            part.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            part.setContentsMargins(0, inset, 0, 0)
        grid.addWidget(caption, index, 0)
        grid.addWidget(value, index, 1)
        grid.addWidget(copy, index, 2, Qt.AlignmentFlag.AlignTop)

    def _copy(self, text: str, what: str) -> None:
        sensitive_clipboard().copy(text)
        self.copied.emit(
            self.tr("Copied: {what} – removed from the clipboard after 30 seconds.").format(
                what=what
            )
        )
