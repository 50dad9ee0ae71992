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
from outreach_desktop.ui.contracts import Page
from outreach_desktop.ui.evaluation_page import EvaluationPage
from outreach_desktop.ui.handover_page import HandoverPage
from outreach_desktop.ui.inbox_page import InboxPage
from outreach_desktop.ui.people_pages import ClientsPage, StaffPage, ThirdPartiesPage
from outreach_desktop.ui.protocols_page import ProtocolsPage
from outreach_desktop.ui.search_page import SearchPage
from outreach_desktop.ui.settings_page import SettingsPage
from outreach_desktop.ui.today_page import TodayPage


def page_keys(number: int) -> str:
    """The shortcut of the page in row `number` (from 1): Ctrl+1 … Ctrl+9, the tenth Ctrl+0."""
    return f"Ctrl+{number % 10}"


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
        # the exchange's page: a laptop hands over, the office station receives
        office = session.identity.role() == "office"
        self.handover_page: HandoverPage | InboxPage = (
            InboxPage(session, now) if office else HandoverPage(session, now)
        )
        self.settings_page = SettingsPage(session, settings)
        self.evaluation_page = EvaluationPage(session, today)
        self.stack = QStackedWidget()
        widgets: list[QWidget] = [
            self.today_page, self.appointments_page, self.clients_page, self.protocols_page,
            self.search_page, self.third_parties_page, self.staff_page, self.handover_page,
            self.settings_page, self.evaluation_page,
        ]  # fmt: skip
        for widget in widgets:
            self.stack.addWidget(widget)
        self.pages: list[tuple[str, Page]] = [
            (self.tr("Today"), self.today_page),
            (self.tr("Appointments"), self.appointments_page),
            (self.tr("Clients"), self.clients_page),
            (self.tr("Protocols"), self.protocols_page),
            (self.tr("Search"), self.search_page),
            (self.tr("Third parties"), self.third_parties_page),
            (self.tr("Staff"), self.staff_page),
            (self.tr("Inbox") if office else self.tr("Handover"), self.handover_page),
            (self.tr("Settings"), self.settings_page),
            (self.tr("Evaluation"), self.evaluation_page),  # the tenth: Ctrl+0
        ]
        self.nav = self._navigation()
        find_all = QShortcut(QKeySequence("Ctrl+Shift+F"), self)  # search everything, anywhere
        find_all.setContext(Qt.ShortcutContext.WindowShortcut)
        find_all.activated.connect(self.search_everywhere)
        self.nav.currentRowChanged.connect(self._page_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.show_page(0)

    def _navigation(self) -> QListWidget:
        """The list of pages on the left; Ctrl+1 … Ctrl+9 and Ctrl+0 choose them from anywhere."""
        nav = QListWidget()
        nav.setAccessibleName(self.tr("Navigation"))
        nav.setFixedWidth(220)
        nav.setStyleSheet(
            "QListWidget { font-size: 11pt; border: none; background: palette(base); }"
            "QListWidget::item { padding: 9px 12px; }"
        )
        for number, (title, _page) in enumerate(self.pages, start=1):
            nav.addItem(title)
            item = nav.item(number - 1)
            keys = page_keys(number)
            item.setToolTip(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=number - 1: self.show_page(n))
        return nav

    def clear(self) -> None:
        """Drop every shown record at once (deletion of the widgets follows later)."""
        for _title, page in self.pages:
            page.clear()

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def search_everywhere(self) -> None:
        self.show_page(self.stack.indexOf(self.search_page))
        self.search_page.search.selectAll()
        self.search_page.search.setFocus()

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def _page_changed(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)  # the pages stand in the stack in the same order
        page = self.pages[index][1]
        page.refresh()
        page.setFocus()  # a page with a search field hands the focus on to it
