"""The unlocked workspace: navigation on the left, one page per area. Built per session and
thrown away on lock, so no view keeps data of a locked vault."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from outreach_desktop.services.session import Session
from outreach_desktop.services.settings import Settings
from outreach_desktop.ui.appointments_page import AppointmentsPage
from outreach_desktop.ui.people_pages import ClientsPage, StaffPage, ThirdPartiesPage
from outreach_desktop.ui.protocols_page import ProtocolsPage
from outreach_desktop.ui.search_page import SearchPage
from outreach_desktop.ui.settings_page import SettingsPage
from outreach_desktop.ui.today_page import TodayPage


class Workspace(QWidget):
    def __init__(
        self,
        session: Session,
        settings: Settings,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.today_page = TodayPage(session, today, now)
        self.appointments_page = AppointmentsPage(session, now)
        self.clients_page = ClientsPage(session)
        self.protocols_page = ProtocolsPage(session, now)
        self.search_page = SearchPage(session, now)
        self.third_parties_page = ThirdPartiesPage(session)
        self.staff_page = StaffPage(session)
        self.settings_page = SettingsPage(session, settings)
        self.pages = [
            (self.tr("Today"), self.today_page),
            (self.tr("Appointments"), self.appointments_page),
            (self.tr("Clients"), self.clients_page),
            (self.tr("Protocols"), self.protocols_page),
            (self.tr("Search"), self.search_page),
            (self.tr("Third parties"), self.third_parties_page),
            (self.tr("Staff"), self.staff_page),
            (self.tr("Settings"), self.settings_page),
        ]
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(220)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; border: none; background: palette(base); }"
            "QListWidget::item { padding: 9px 12px; }"
        )
        self.stack = QStackedWidget()
        for number, (title, page) in enumerate(self.pages, start=1):
            self.nav.addItem(title)
            item = self.nav.item(number - 1)
            item.setToolTip(
                QKeySequence(f"Ctrl+{number}").toString(QKeySequence.SequenceFormat.NativeText)
            )
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            self.stack.addWidget(page)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=number - 1: self.show_page(n))
        find_all = QShortcut(QKeySequence("Ctrl+Shift+F"), self)  # search everything, anywhere
        find_all.setContext(Qt.ShortcutContext.WindowShortcut)
        find_all.activated.connect(self.search_everywhere)
        self.nav.currentRowChanged.connect(self._page_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.show_page(0)

    def clear(self) -> None:
        """Drop every shown record at once (deletion of the widgets follows later)."""
        for _title, page in self.pages:
            page.clear()  # type: ignore[attr-defined]

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def search_everywhere(self) -> None:
        self.show_page([page for _t, page in self.pages].index(self.search_page))
        self.search_page.search.selectAll()
        self.search_page.search.setFocus()

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def _page_changed(self, index: int) -> None:
        if index < 0:
            return
        page = self.pages[index][1]
        self.stack.setCurrentWidget(page)
        page.refresh()  # type: ignore[attr-defined]
        focus = getattr(page, "search", None) or page
        focus.setFocus()
