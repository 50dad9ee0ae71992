"""Edit dialogs for clients, staff and third parties."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import Department, Language, ThirdPartyKind
from outreach_desktop.services.session import Session
from outreach_desktop.ui.form_dialog import FormDialog, enum_combo, text_area


class ClientDialog(FormDialog):
    def __init__(self, session: Session, client: Client | None, parent: QWidget | None) -> None:
        super().__init__(parent, self.tr("New client") if client is None else self.tr("Client"))
        self.session = session
        self.client = copy.deepcopy(client) if client else Client(display_name="")
        c = self.client
        self.name = self.line(
            "display_name", self.tr("&Name"), c.display_name, max_len=limits.CLIENT_NAME
        )
        self.number = self.line(
            "customer_number",
            self.tr("C&ustomer number"),
            c.customer_number,
            self.tr("Three digits, a letter, six digits, e.g. 123A456789"),
            max_len=limits.CUSTOMER_NUMBER,
        )
        self.address = text_area(c.address, max_len=limits.CLIENT_ADDRESS)
        self.add_field("address", self.tr("&Address"), self.address)
        self.phone = self.line("phone", self.tr("&Phone"), c.phone, max_len=limits.CLIENT_PHONE)
        self.language = enum_combo(Language, c.preferred_language)
        self.add_field("preferred_language", self.tr("Preferred &language"), self.language)
        self.reach = text_area(c.reachability_notes, max_len=limits.CLIENT_REACHABILITY_NOTES)
        self.add_field(
            "reachability_notes",
            self.tr("&Reachability"),
            self.reach,
            self.tr("When and how the client can be reached"),
        )
        self.own = QCheckBox()
        self.own.setChecked(c.in_own_caseload)
        self.add_field("in_own_caseload", self.tr("In my own &caseload"), self.own)
        self.main = QComboBox()
        self.main.addItem(self.tr("— none —"), None)
        for s in session.staff.all():
            self.main.addItem(s.name, s.id)
            if s.id == c.main_caseworker_id:
                self.main.setCurrentIndex(self.main.count() - 1)
        self.add_field("main_caseworker_id", self.tr("&Main caseworker"), self.main)
        self.own.toggled.connect(lambda own: self.main.setEnabled(not own))
        self.main.setEnabled(not c.in_own_caseload)

    def save(self) -> Client:
        c = self.client
        c.display_name = self.name.text().strip()
        c.customer_number = self.number.text()
        c.address = self.address.toPlainText().strip()
        c.phone = self.phone.text().strip()
        c.preferred_language = self.language.value()
        c.reachability_notes = self.reach.toPlainText().strip()
        c.in_own_caseload = self.own.isChecked()
        c.main_caseworker_id = None if c.in_own_caseload else self.main.currentData()
        return self.session.clients.save(c)


class StaffDialog(FormDialog):
    def __init__(self, session: Session, staff: Staff | None, parent: QWidget | None) -> None:
        super().__init__(
            parent, self.tr("New colleague") if staff is None else self.tr("Colleague")
        )
        self.session = session
        self.staff = copy.deepcopy(staff) if staff else Staff(name="")
        s = self.staff
        self.name = self.line("name", self.tr("&Name"), s.name, max_len=limits.STAFF_NAME)
        self.department = enum_combo(Department, s.department)
        self.add_field("department", self.tr("&Department"), self.department)
        self.phone = self.line("phone", self.tr("&Phone"), s.phone, max_len=limits.STAFF_PHONE)
        self.leader = QCheckBox()
        self.leader.setChecked(s.is_team_leader)
        self.add_field("is_team_leader", self.tr("&Team leader"), self.leader)

    def save(self) -> Staff:
        s = self.staff
        s.name = self.name.text().strip()
        s.department = self.department.value()
        s.phone = self.phone.text().strip()
        s.is_team_leader = self.leader.isChecked()
        return self.session.staff.save(s)


class ThirdPartyDialog(FormDialog):
    def __init__(self, session: Session, party: ThirdParty | None, parent: QWidget | None) -> None:
        super().__init__(
            parent, self.tr("New third party") if party is None else self.tr("Third party")
        )
        self.session = session
        self.party = copy.deepcopy(party) if party else ThirdParty(name="")
        t = self.party
        self.name = self.line("name", self.tr("&Name"), t.name, max_len=limits.THIRD_PARTY_NAME)
        self.kind = enum_combo(ThirdPartyKind, t.kind)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.address = text_area(t.address, max_len=limits.THIRD_PARTY_ADDRESS)
        self.add_field("address", self.tr("&Address"), self.address)
        self.contact = text_area(t.contact, 2, max_len=limits.THIRD_PARTY_CONTACT)
        self.add_field(
            "contact", self.tr("&Contact"), self.contact, self.tr("Contact person, phone, e-mail")
        )

    def save(self) -> ThirdParty:
        t = self.party
        t.name = self.name.text().strip()
        t.kind = self.kind.value()
        t.address = self.address.toPlainText().strip()
        t.contact = self.contact.toPlainText().strip()
        return self.session.third_parties.save(t)
