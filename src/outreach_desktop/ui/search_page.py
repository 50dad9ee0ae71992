"""Suche: full-text search over clients, appointments and protocols (FTS5 inside the encrypted
vault), ranked, with the matching words marked; Enter opens the hit."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.search import Hit
from outreach_desktop.services.session import Session
from outreach_desktop.ui.formats import format_date, format_datetime
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import show_error
from outreach_desktop.ui.widgets.html_delegate import HTML_ROLE, HtmlDelegate

translate = QCoreApplication.translate
MARK = '<span style="background-color:#ffe58a; color:#000; font-weight:bold">'


def kind_label(kind: str) -> str:
    return {
        "client": translate("SearchPage", "Client"),
        "appointment": translate("SearchPage", "Appointment"),
        "protocol": translate("SearchPage", "Memory protocol"),
    }.get(kind, kind)


class SearchPage(QWidget):
    changed = Signal()

    def __init__(
        self,
        session: Session,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.now = session, now
        heading = QLabel("<h2>" + self.tr("Search") + "</h2>")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search clients, appointments and protocols…"))
        self.search.setAccessibleName(self.tr("Full-text search"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.itemActivated.connect(self._open)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._enter)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.results)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addWidget(self.stack, 1)
        self.refresh()

    def refresh(self) -> None:
        self._debounce.stop()
        query = self.search.text().strip()
        self.results.clear()
        hits: list[Hit] = []
        if query:
            try:
                hits = self.session.protocols.search(query)
            except UserError as exc:
                show_error(self, exc)
        for hit in hits:
            self.results.addItem(self._item(hit))
        self.stack.setCurrentWidget(self.results if hits else self.empty)
        self.empty.setText(
            "" if hits else self.tr("Nothing found for “{query}”.").format(query=query) if query
            else self.tr("Type a name, a place or words from a protocol. Matches are "
                         "marked.")
        )  # fmt: skip

    def _item(self, hit: Hit) -> QListWidgetItem:
        """Head: kind, date and title (matches marked); below it the text around the matches."""
        prefix, title = kind_label(hit.kind) + ": ", hit.title
        marked = hit.title_marked(MARK, "</span>", html.escape)
        if hit.kind == "appointment":
            a = self.session.appointments.find(hit.ref)
            if a is not None:
                prefix += f"{format_datetime(a.start)} · {label_of(a.approach)}"
                prefix += " · " if hit.title else ""
        elif hit.kind == "protocol":
            p = self.session.protocols.find(hit.ref)
            if p is not None:
                state = self.tr("finalized") if p.is_final else self.tr("draft")
                prefix += f"{format_date(p.met_at.date())} ({state}) · "
        body = hit.snippet.replace("\n", " ")
        item = QListWidgetItem(f"{prefix}{title}\n{body}")
        item.setData(HTML_ROLE, f"<b>{html.escape(prefix)}{marked}</b><br>"
                     + hit.marked(MARK, "</span>", html.escape).replace("\n", " "))  # fmt: skip
        item.setData(Qt.ItemDataRole.UserRole, (hit.kind, hit.ref))
        return item

    def clear(self) -> None:
        self.search.clear()
        self.results.clear()

    def _enter(self) -> None:
        self.refresh()
        if self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(0)

    def _open(self, item: QListWidgetItem) -> None:
        kind, ref = item.data(Qt.ItemDataRole.UserRole)
        try:
            if kind == "protocol":
                from outreach_desktop.ui.protocol_editor import ProtocolEditor

                ProtocolEditor(self.session, ref, self.now, self).run()
            elif kind == "appointment":
                from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog

                AppointmentWorkDialog(self.session, ref, self.now, self).run()
            else:
                from outreach_desktop.ui.people_dialogs import ClientDialog

                ClientDialog(self.session, self.session.clients.get(ref), self).run()
        except UserError as exc:
            show_error(self, exc)
        if not self.session.is_locked:
            self.refresh()
