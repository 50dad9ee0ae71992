"""Clients, staff and third parties: the people and organisations an appointment involves."""

from __future__ import annotations

import re
from dataclasses import dataclass

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.errors import Checker
from outreach_desktop.domain.field_limits import too_long
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.text import search_key
from outreach_desktop.domain.text_safety import clean_fields
from outreach_desktop.domain.vocabulary import Department, Language, ThirdPartyKind

# Kundennummer of the Bundesagentur: three digits, one letter, six digits (e.g. 123A456789).
_CUSTOMER_NUMBER = re.compile(r"^\d{3}[A-Z]\d{6}$", re.ASCII)
_PHONE = re.compile(r"^[0-9+()/ .\-]{3,40}$")


def normalize_customer_number(value: str) -> str:
    return re.sub(r"\s+", "", value).upper()


def _check_phone(check: Checker, phone: str, field: str = "phone") -> None:
    if len(phone) > limits.CLIENT_PHONE:
        check.fail(field, "Telefon", too_long(limits.CLIENT_PHONE, len(phone)))
    elif phone.strip() and not _PHONE.match(phone.strip()):
        check.fail(field, "Telefon", "Nur Ziffern, Leerzeichen und + ( ) / - erlaubt.")


@dataclass(kw_only=True)
class Client(Record):
    """A Kundin or Kunde. Their data is Sozialdaten: it never leaves the vault in plaintext."""

    display_name: str
    customer_number: str = ""
    address: str = ""
    phone: str = ""
    preferred_language: Language = Language.GERMAN
    reachability_notes: str = ""
    main_caseworker_id: str | None = None
    in_own_caseload: bool = True

    def validate(self) -> None:
        clean_fields(self, "display_name", "customer_number", "phone")
        check = Checker()
        check.require_text(self.display_name, "display_name", "Name", limits.CLIENT_NAME)
        number = normalize_customer_number(self.customer_number)
        if number and not _CUSTOMER_NUMBER.match(number):
            check.fail(
                "customer_number",
                "Kundennummer",
                "Erwartet werden drei Ziffern, ein Buchstabe und sechs Ziffern (z. B. 123A456789).",
            )
        check.limit_text(self.address, "address", "Anschrift", limits.CLIENT_ADDRESS)
        _check_phone(check, self.phone)
        check.limit_text(self.reachability_notes, "reachability_notes", "Erreichbarkeit",
                         limits.CLIENT_REACHABILITY_NOTES)  # fmt: skip
        if not self.in_own_caseload and not self.main_caseworker_id:
            check.fail(
                "main_caseworker_id",
                "Hauptbetreuung",
                "Bitte angeben, wer die Kundin oder den Kunden hauptsächlich betreut.",
            )
        check.raise_if_any()
        self.customer_number = number

    @property
    def search_text(self) -> str:
        return search_key(self.display_name, self.customer_number, self.phone, self.address)


@dataclass(kw_only=True)
class Staff(Record):
    """The vault owner and colleagues (M&I or Leistungsgewährung)."""

    name: str
    department: Department = Department.MARKET_AND_INTEGRATION
    phone: str = ""
    is_team_leader: bool = False
    is_owner: bool = False

    def validate(self) -> None:
        clean_fields(self, "name", "phone")
        check = Checker()
        check.require_text(self.name, "name", "Name", limits.STAFF_NAME)
        _check_phone(check, self.phone)
        check.raise_if_any()

    @property
    def search_text(self) -> str:
        return search_key(self.name, self.phone)


@dataclass(kw_only=True)
class ThirdParty(Record):
    """An authority, school, training provider, ... a client may be accompanied to."""

    name: str
    kind: ThirdPartyKind = ThirdPartyKind.OTHER
    address: str = ""
    contact: str = ""

    def validate(self) -> None:
        clean_fields(self, "name")
        check = Checker()
        check.require_text(self.name, "name", "Name", limits.THIRD_PARTY_NAME)
        check.limit_text(self.address, "address", "Anschrift", limits.THIRD_PARTY_ADDRESS)
        check.limit_text(self.contact, "contact", "Kontakt", limits.THIRD_PARTY_CONTACT)
        check.raise_if_any()

    @property
    def search_text(self) -> str:
        return search_key(self.name, self.kind.label_de, self.address, self.contact)
