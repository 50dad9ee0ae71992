"""The sync log as both stations show it (BSI SYS.3.1.A10: a log of the exchange a person can
check): one line per export, import, receipt, purge, join, trust and decided conflict, newest
first — the laptop on its Übergabe page, the office from its Posteingang. No personal data: the
log holds ids, counts and short sentences without names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.services.session import Session
from outreach_desktop.services.sync_log import SyncLogLine, counts_text
from outreach_desktop.ui.widgets.common import button

SHOWN = 200  # the newest lines; `outreach-desktop sync log` prints them all


def log_line(line: SyncLogLine) -> str:
    """ "28.11.2026 14:00 · Export · erfolgreich · Gedächtnisprotokolle 2 · …" """
    parts = [line.local_time.strftime("%d.%m.%Y %H:%M"), line.action_label, line.result_label]
    counts = counts_text(line.counts)
    return " · ".join([*parts, *(x for x in (counts, line.detail) if x)])


def log_list(name: str) -> QListWidget:
    """A list for the log's lines, named `name`; a long line wraps instead of scrolling."""
    lines = QListWidget()
    lines.setAccessibleName(name)
    lines.setWordWrap(True)
    lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    lines.setResizeMode(QListWidget.ResizeMode.Adjust)
    lines.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
    return lines


def fill_log(lines: QListWidget, session: Session) -> None:
    lines.clear()
    for line in session.sync_log.lines(limit=SHOWN):
        lines.addItem(log_line(line))


class SyncLogDialog(QDialog):
    """The office's sync log, opened from the Posteingang."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handover log"))
        intro = QLabel(self.tr(
            "Every bundle read, every receipt written and every conflict decided, newest first. "
            "The log holds no personal data: ids, counts and results only."
        ))  # fmt: skip
        intro.setWordWrap(True)
        self.lines = log_list(self.tr("Handover log"))
        fill_log(self.lines, session)
        if self.lines.count():
            self.lines.setCurrentRow(0)
        close = button(self.tr("&Close"), self.accept)
        close.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(close, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.lines, 1)
        layout.addWidget(buttons)
        self.resize(980, 520)
        self.lines.setFocus()

    def texts(self) -> list[str]:
        return [self.lines.item(n).text() for n in range(self.lines.count())]
