"""Memory protocols (Gedächtnisprotokolle) and anonymous counselling.

A protocol is a draft until it is finalized; after that it never changes — corrections are
addenda (who, when, text) kept beside the original. Anonymous counselling keeps no client and no
content at all: only the day, the approach, the duration and the staff, for the statistics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.date_window import check_date
from outreach_desktop.domain.errors import Checker, DomainError
from outreach_desktop.domain.labels import QT_TRANSLATE_NOOP
from outreach_desktop.domain.main_caseworker import MainCaseworkerContact, main_caseworker_problem
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.text import search_key
from outreach_desktop.domain.text_safety import clean_fields
from outreach_desktop.domain.vocabulary import Approach

MAX_FIELD = limits.PROTOCOL_TEXT
TEXT_FIELDS = (
    ("place", "Ort"),
    ("topics", "Themen"),
    ("course", "Gesprächsverlauf"),
    ("agreements", "Absprachen (mündlich)"),
    ("next_steps", "Nächste Schritte"),
    ("new_need", "Neuer Handlungsbedarf"),
    ("strategy_change", "Anpassung der Handlungsstrategie"),
    ("non_appearance_reasons", "Gründe für Nichterscheinen/Nichterreichbarkeit"),
    ("reachability", "Sicherung der Erreichbarkeit"),
    ("reflection", "Gemeinsame Reflexion"),
    ("success_notes", "Erfolg: Begründung"),
)
# What the writer changes in a draft; people, links, signatures and addenda have their own steps.
EDITABLE = (
    *(name for name, _label in TEXT_FIELDS),
    "duration_min", "success", "to_verbis", "benefit_relevant", "inform_network",
    "to_main_caseworker",
)  # fmt: skip


class SuccessRating(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    OPEN = "open"

    @property
    def label_de(self) -> str:
        return {
            SuccessRating.YES: QT_TRANSLATE_NOOP("Labels", "erreicht"),
            SuccessRating.PARTLY: QT_TRANSLATE_NOOP("Labels", "teilweise erreicht"),
            SuccessRating.NO: QT_TRANSLATE_NOOP("Labels", "nicht erreicht"),
            SuccessRating.OPEN: QT_TRANSLATE_NOOP("Labels", "noch offen"),
        }[self]


SUCCESS_MEASURE_DE = {
    Approach.WALK_AND_TALK: "Gespräch mit sonst nicht erreichbarer Kundin/nicht erreichbarem "
    "Kunden geführt und Vertrauensbasis geschaffen (messbar über Folgetermine)",
    Approach.ACCOMPANIMENT: "Nachhaltige Anbindung an die dritte Stelle oder ein Ergebnis, das ein "
    "anderes oder besseres Vorgehen in der Beratung ermöglicht",
    Approach.HOME_VISIT: "Arbeitsbündnis; Gründe für Nichterscheinen/Nichterreichbarkeit "
    "besprochen und Erreichbarkeit sichergestellt",
}


class Finalized(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "Das Protokoll ist abgeschlossen und kann nicht mehr geändert werden. "
            "Korrekturen werden als Nachtrag erfasst."
        )


@dataclass(frozen=True)
class Addendum:
    at: datetime
    by: str  # staff id
    text: str


@dataclass(frozen=True)
class OtherPresent:
    name: str
    role: str
    consent_id: str | None = None  # the presence consent that covers them


@dataclass(kw_only=True)
class Protocol(Record):
    """A memory protocol, linked to an appointment or standalone (spontaneous Walk and Talk)."""

    approach: Approach
    met_at: datetime  # when the meeting happened (local time)
    written_at: datetime | None = None  # when the protocol was begun (local time)
    duration_min: int = 60
    appointment_id: str | None = None
    client_id: str | None = None
    staff_ids: list[str] = field(default_factory=list)
    others_present: list[OtherPresent] = field(default_factory=list)
    place: str = ""
    topics: str = ""
    course: str = ""
    agreements: str = ""
    next_steps: str = ""
    new_need: str = ""
    strategy_change: str = ""
    non_appearance_reasons: str = ""
    reachability: str = ""
    reflection: str = ""
    success: SuccessRating = SuccessRating.OPEN
    success_notes: str = ""
    to_verbis: bool = True  # entry in VerBIS needed
    benefit_relevant: bool = False  # → e-Akte, inform Leistungsgewährung
    inform_network: bool = False
    to_main_caseworker: bool = False  # refused unless a valid handover consent exists
    follow_up_id: str | None = None
    finalized_at: datetime | None = None
    finalized_by: str | None = None
    countersigned_by: str | None = None  # home visit: the second staff member
    countersigned_at: datetime | None = None
    addenda: list[Addendum] = field(default_factory=list)

    @property
    def is_final(self) -> bool:
        return self.finalized_at is not None

    @property
    def search_text(self) -> str:
        return search_key(self.place, self.topics)

    def validate(self, before: Protocol | None = None) -> None:
        """The rules of every save. With `before` (the stored version) a text is held to its
        limit only where it changed: a draft stored before the limit still saves unchanged."""
        if not self.is_final:  # a finalized protocol never changes, not even invisibly
            clean_fields(self, "place", "others_present")
        check = Checker()
        for name, label in TEXT_FIELDS:
            value = getattr(self, name)
            if before is None or value != getattr(before, name):
                check.limit_text(value, name, label, MAX_FIELD)
        if self.client_id is None and self.appointment_id is None:
            check.fail("client_id", "Kundin/Kunde", "Bitte Kundin oder Kunden bzw. Termin angeben.")
        check_date(check, self.met_at, "met_at", "Gespräch am")
        if not 1 <= self.duration_min <= 8 * 60:
            check.fail("duration_min", "Dauer", "Zwischen 1 und 480 Minuten.")
        if not self.staff_ids:
            check.fail("staff_ids", "Mitarbeitende", "Mindestens eine Person.")
        for person in self.others_present:
            if not person.name.strip():
                check.fail("others_present", "Weitere Anwesende", "Bitte Namen angeben.")
                break
            check.limit_text(person.name, "others_present", "Weitere Anwesende: Name",
                             limits.OTHER_PRESENT_NAME)  # fmt: skip
            check.limit_text(person.role, "others_present", "Weitere Anwesende: Rolle",
                             limits.OTHER_PRESENT_ROLE)  # fmt: skip
        check.raise_if_any()

    def require_draft(self) -> None:
        if self.is_final:
            raise Finalized()

    def finalize_check(self, has_handover_consent: bool) -> None:
        """What must hold before the protocol is closed for good."""
        check = Checker()
        if not (self.course.strip() or self.topics.strip()):
            check.fail("course", "Gesprächsverlauf", "Bitte Themen oder Verlauf festhalten.")
        for name, label in TEXT_FIELDS:  # a draft keeps whatever was typed; the record is bounded
            check.limit_text(getattr(self, name), name, label, MAX_FIELD)
        handover = main_caseworker_problem(MainCaseworkerContact.INFORMATION, has_handover_consent)
        if self.to_main_caseworker and handover:
            check.fail("to_main_caseworker", "Information an die Hauptbetreuung", handover)
        if self.others_present and any(p.consent_id is None for p in self.others_present):
            check.fail(
                "others_present", "Weitere Anwesende",
                "Für jede weitere Person muss das Einverständnis dokumentiert sein.",
            )  # fmt: skip
        check.raise_if_any()


def check_addendum(text: str) -> None:
    """An addendum's text: not empty, at most `ADDENDUM_TEXT` characters."""
    check = Checker()
    check.require_text(text, "addendum", "Nachtrag", limits.ADDENDUM_TEXT)
    check.raise_if_any()


@dataclass(kw_only=True)
class AnonymousCounselling(Record):
    """Anonymous counselling: nothing but day, approach, duration and staff. There is no field
    for a client or for content, here or in the database."""

    day: date
    approach: Approach
    duration_min: int
    staff_ids: list[str] = field(default_factory=list)

    def validate(self) -> None:
        check = Checker()
        check_date(check, self.day, "day", "Tag")
        if not 1 <= self.duration_min <= 8 * 60:
            check.fail("duration_min", "Dauer", "Zwischen 1 und 480 Minuten.")
        if not self.staff_ids:
            check.fail("staff_ids", "Mitarbeitende", "Mindestens eine Person.")
        check.raise_if_any()


@dataclass(frozen=True)
class ProtocolListing:
    """A protocol as the Protokolle list shows it: one row, without its texts."""

    id: str
    met_at: datetime
    approach: Approach
    client_name: str
    topics: str
    is_final: bool
    addenda: int
