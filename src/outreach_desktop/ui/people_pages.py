"""The lists of clients, third parties and staff."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.services.session import Session
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.list_page import ListPage
from outreach_desktop.ui.people_dialogs import ClientDialog, StaffDialog, ThirdPartyDialog
from outreach_desktop.ui.table_model import Column, More

translate = QCoreApplication.translate
PAGE = 100  # clients read at a time as you type (the table asks for more as it scrolls)


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


class ClientsPage(ListPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column[Client](translate("ListColumns", "Name"), lambda c: c.display_name),
                Column[Client](
                    translate("ListColumns", "Customer number"), lambda c: c.customer_number
                ),
                Column[Client](translate("ListColumns", "Phone"), lambda c: c.phone),
                Column[Client](
                    translate("ListColumns", "Address"),
                    lambda c: _first_line(c.address),
                    stretch=True,
                ),
            ],
            parent,
        )
        self.session = session
        self.set_texts(
            self.tr("Clients"),
            self.tr("No clients yet.\nCreate the first one with “New” (Ctrl+N)."),
        )

    def fetch(self, query: str, limit: int) -> list[Any]:
        """The first page as you type; the rest as the table scrolls."""
        return self.session.clients.search(query, min(PAGE, limit))

    def more(self, query: str) -> More[Any] | None:
        def next_page(offset: int) -> list[Any]:
            if offset % PAGE:  # the last page was not full: nothing more to ask for
                return []
            return self.session.clients.search(query, PAGE, offset)

        return next_page

    def editor(self, record: Any | None) -> ClientDialog:
        return ClientDialog(self.session, record, self)

    def remove(self, record: Any) -> None:
        self.session.clients.delete(record.id)

    def describe(self, record: Any) -> str:
        return str(record.display_name)


class ThirdPartiesPage(ListPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column[ThirdParty](translate("ListColumns", "Name"), lambda t: t.name),
                Column[ThirdParty](translate("ListColumns", "Kind"), lambda t: label_of(t.kind)),
                Column[ThirdParty](
                    translate("ListColumns", "Address"), lambda t: _first_line(t.address)
                ),
                Column[ThirdParty](
                    translate("ListColumns", "Contact"),
                    lambda t: _first_line(t.contact),
                    stretch=True,
                ),
            ],
            parent,
        )
        self.session = session
        self.set_texts(
            self.tr("Third parties"),
            self.tr(
                "No third parties yet: authorities, schools, training providers, social services…\n"
                "Create one with “New” (Ctrl+N)."
            ),
        )

    def fetch(self, query: str, limit: int) -> list[Any]:
        return self.session.third_parties.search(query, limit)

    def editor(self, record: Any | None) -> ThirdPartyDialog:
        return ThirdPartyDialog(self.session, record, self)

    def remove(self, record: Any) -> None:
        self.session.third_parties.delete(record.id)

    def describe(self, record: Any) -> str:
        return str(record.name)


class StaffPage(ListPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        yes = translate("ListColumns", "yes")
        super().__init__(
            [
                Column[Staff](translate("ListColumns", "Name"), lambda s: s.name),
                Column[Staff](
                    translate("ListColumns", "Department"), lambda s: label_of(s.department)
                ),
                Column[Staff](translate("ListColumns", "Phone"), lambda s: s.phone),
                Column[Staff](
                    translate("ListColumns", "Team leader"),
                    lambda s: yes if s.is_team_leader else "",
                    stretch=True,
                ),
            ],
            parent,
        )
        self.session = session
        self.set_texts(
            self.tr("Staff"),
            self.tr("No colleagues yet. Create one with “New” (Ctrl+N)."),
        )

    def fetch(self, query: str, limit: int) -> list[Any]:
        return self.session.staff.search(query, limit)

    def editor(self, record: Any | None) -> StaffDialog:
        return StaffDialog(self.session, record, self)

    def remove(self, record: Any) -> None:
        self.session.staff.delete(record.id)

    def describe(self, record: Any) -> str:
        return str(record.name)
