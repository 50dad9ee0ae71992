"""A letter never goes out without a way to answer: which of the sender's contact details a
printed letter or form lacks, each named with the place in the program where it is set.

One rule for GUI, CLI and services: the GUI asks "Trotzdem drucken / Zurück", the CLI warns on
stderr. A warning, not a block: a caseworker may still print and write the number by hand."""

from __future__ import annotations

from dataclasses import dataclass

from outreach_desktop.domain.documents import Letterhead, PersonRef

LETTERHEAD_SETTINGS = "Einstellungen › Briefkopf"


@dataclass(frozen=True)
class MissingContact:
    code: str  # stable: "agency_name", "address", "phone"
    label: str  # what is missing, in German
    where: str  # where it is set

    @property
    def message(self) -> str:
        return f"{self.label} fehlt – einzutragen unter {self.where}."


def missing_contact(head: Letterhead, caseworker: PersonRef | None) -> tuple[MissingContact, ...]:
    """The sender's details a client needs to answer, in the order they are printed: the
    letterhead (the agency's name), its postal address, and a phone number (the caseworker's
    own, else the agency's)."""
    missing: list[MissingContact] = []
    if not head.agency_name.strip():
        missing.append(MissingContact(
            "agency_name", "Briefkopf: Name der Dienststelle",
            f"{LETTERHEAD_SETTINGS} › Name der Dienststelle",
        ))  # fmt: skip
    if not head.street.strip() or not head.postcode_city.strip():
        missing.append(MissingContact(
            "address", "Anschrift der Dienststelle (Straße, PLZ und Ort)",
            f"{LETTERHEAD_SETTINGS} › Straße / PLZ und Ort",
        ))  # fmt: skip
    own_phone = caseworker.phone.strip() if caseworker is not None else ""
    if not own_phone and not head.phone.strip():
        missing.append(MissingContact(
            "phone", "Telefonnummer für Rückfragen",
            f"{LETTERHEAD_SETTINGS} › Telefon (oder die eigene Nummer unter Mitarbeitende)",
        ))  # fmt: skip
    return tuple(missing)


def contact_warning(missing: tuple[MissingContact, ...]) -> str:
    """One German text for a dialog or stderr; empty when nothing is missing."""
    if not missing:
        return ""
    lines = "\n".join(f"• {m.message}" for m in missing)
    return f"Ohne diese Angaben kann die Kundin oder der Kunde nicht antworten:\n{lines}"
