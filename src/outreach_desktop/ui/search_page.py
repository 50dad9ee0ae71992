"""Suche: full-text search over clients, appointments and protocols (FTS5 inside the encrypted
vault), ranked, with the matching words marked; Enter opens the hit."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.domain.search import Hit
from outreach_desktop.services.protocols import RANK_LIMIT
from outreach_desktop.services.session import Session
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.formats import format_count, format_date, format_datetime
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import show_error
from outreach_desktop.ui.widgets.common import debounce
from outreach_desktop.ui.widgets.html_delegate import HTML_ROLE, HtmlDelegate

translate = QCoreApplication.translate
MARK = '<span style="background-color:#ffe58a; color:#000; font-weight:bold">'


class Found(NamedTuple):
    hit: Hit
    appointment: Appointment | None  # for a hit in an appointment
    protocol: Protocol | None  # for a hit in a protocol


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
        self.setFocusProxy(self.search)  # the workspace focuses the page: typing searches
        self.busy = Busy(self, lambda: not session.is_locked)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.itemActivated.connect(self._open)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self._debounce = debounce(self, 200, self.refresh)
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
        self.capped = QLabel()  # a very common word: not all its matches were ranked
        self.capped.setWordWrap(True)
        self.capped.hide()
        layout.addWidget(self.capped)
        self.refresh()

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Search in the background and show the hits; `then` runs once they are shown.
        A newer search (the next keystroke) replaces one still running."""
        self._debounce.stop()
        query = self.search.text().strip()
        if not query:  # nothing to search for: the hint at once
            self.busy.drop_pending()
            self._show(query, ([], False), then)
            return
        self.busy.run(
            lambda: self._find(query), lambda found: self._show(query, found, then),
            self._search_failed, latest=True,
        )  # fmt: skip

    def _find(self, query: str) -> tuple[list[Found], bool]:
        """In the worker: the hits with the appointment or protocol each one names, and
        whether the words matched more entries than are ranked."""
        s, found = self.session, []
        hits, capped = s.protocols.search_capped(query)
        refs = {
            kind: [h.ref for h in hits if h.kind == kind] for kind in ("appointment", "protocol")
        }
        appointments = {a.id: a for a in s.appointments.many(refs["appointment"])}
        protocols = {p.id: p for p in s.protocols.many(refs["protocol"])}
        for hit in hits:
            found.append(Found(hit, appointments.get(hit.ref), protocols.get(hit.ref)))
        return found, capped

    def _search_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._show(self.search.text().strip(), ([], False), None)

    def _show(
        self, query: str, result: tuple[list[Found], bool], then: Callable[[], None] | None
    ) -> None:
        found, capped = result
        self.capped.setText(
            self.tr(
                "More than {n} entries match: the best of the newest {n} are shown. "
                "More words narrow the search."
            ).format(n=format_count(RANK_LIMIT))
        )
        self.capped.setVisible(capped)
        self.results.clear()
        for one in found:
            self.results.addItem(self._item(one))
        self.stack.setCurrentWidget(self.results if found else self.empty)
        self.empty.setText(
            "" if found else self.tr("Nothing found for “{query}”.").format(query=query) if query
            else self.tr("Type a name, a place or words from a protocol. Matches are "
                         "marked.")
        )  # fmt: skip
        if then is not None:
            then()

    def _item(self, found: Found) -> QListWidgetItem:
        """Head: kind, date and title (matches marked); below it the text around the matches."""
        hit, a, p = found
        prefix, title = kind_label(hit.kind) + ": ", hit.title
        marked = hit.title_marked(MARK, "</span>", html.escape)
        if a is not None:
            prefix += f"{format_datetime(a.start)} · {label_of(a.approach)}"
            prefix += " · " if hit.title else ""
        elif p is not None:
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
        self.busy.drop_pending()
        self.results.clear()

    def _enter(self) -> None:
        self.refresh(then=self._to_first_hit)

    def _to_first_hit(self) -> None:
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
