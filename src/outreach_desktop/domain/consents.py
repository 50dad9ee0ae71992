"""Consent kinds and the question the workflow rules ask: is there a valid consent of kind K
for this appointment? Consent records themselves (forms, signatures, revocation) come with the
consents capability; until then the storage answers from an empty table and the rules block."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.date_window import check_date
from outreach_desktop.domain.errors import Checker, DomainError, FieldError, ValidationError
from outreach_desktop.domain.labels import QT_TRANSLATE_NOOP
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.text import search_key
from outreach_desktop.domain.text_safety import clean_fields
from outreach_desktop.domain.vocabulary import Approach


class ConsentKind(StrEnum):
    HOME_VISIT = "home-visit"  # Einverständniserklärung zum Hausbesuch
    CONFIDENTIALITY_RELEASE = "confidentiality-release"  # Schweigepflichtentbindung
    PRESENCE = "presence"  # Einverständnis zur Anwesenheit weiterer Personen
    ACCOMPANIMENT = "accompaniment"  # Einverständnis zur Begleitung
    HANDOVER = "handover"  # Information an die Hauptbetreuung

    @property
    def label_de(self) -> str:
        return {
            ConsentKind.HOME_VISIT: QT_TRANSLATE_NOOP(
                "Labels", "Einverständniserklärung zum Hausbesuch"
            ),
            ConsentKind.CONFIDENTIALITY_RELEASE: QT_TRANSLATE_NOOP(
                "Labels", "Schweigepflichtentbindung"
            ),
            ConsentKind.PRESENCE: QT_TRANSLATE_NOOP(
                "Labels", "Einverständnis zur Anwesenheit weiterer Personen"
            ),
            ConsentKind.ACCOMPANIMENT: QT_TRANSLATE_NOOP("Labels", "Einverständnis zur Begleitung"),
            ConsentKind.HANDOVER: QT_TRANSLATE_NOOP(
                "Labels", "Einverständnis zur Information der Hauptbetreuung"
            ),
        }[self]


class ConsentLookup(Protocol):
    def has_valid_consent(self, appointment: Appointment, kind: ConsentKind, on: date) -> bool:
        """True if a consent of `kind` covers `appointment` on day `on` (signed or documented
        orally, not expired, not revoked; a release must name the appointment's third party)."""
        ...

    def valid_kinds(self, appointment: Appointment, on: date) -> set[ConsentKind]:
        """Every kind `has_valid_consent` would answer True for (one look at the records)."""
        ...

    def records(self, appointment: Appointment) -> list[Consent]:
        """The client's consents that name this appointment or none, in any state."""
        ...

    def preloaded(self, client_ids: Iterable[str]) -> AbstractContextManager[None]:
        """Inside the block, the records of these clients are read once, in bulk (Heute)."""
        ...


class NoConsents:
    """A lookup that knows no consent: every consent-bound rule blocks."""

    def has_valid_consent(self, appointment: Appointment, kind: ConsentKind, on: date) -> bool:
        return False

    def valid_kinds(self, appointment: Appointment, on: date) -> set[ConsentKind]:
        return set()

    def records(self, appointment: Appointment) -> list[Consent]:
        return []

    def preloaded(self, client_ids: Iterable[str]) -> AbstractContextManager[None]:
        return nullcontext()


class ConsentState(StrEnum):
    PREPARED = "prepared"
    PRINTED = "printed"
    SIGNED = "signed"  # on paper, on screen, or given orally and documented
    REFUSED = "refused"
    REVOKED = "revoked"

    @property
    def label_de(self) -> str:
        return {
            ConsentState.PREPARED: QT_TRANSLATE_NOOP("Labels", "Vorbereitet"),
            ConsentState.PRINTED: QT_TRANSLATE_NOOP("Labels", "Gedruckt"),
            ConsentState.SIGNED: QT_TRANSLATE_NOOP("Labels", "Erteilt"),
            ConsentState.REFUSED: QT_TRANSLATE_NOOP("Labels", "Abgelehnt"),
            ConsentState.REVOKED: QT_TRANSLATE_NOOP("Labels", "Widerrufen"),
        }[self]


class GivenHow(StrEnum):
    PAPER = "paper"  # signed on paper
    SCREEN = "screen"  # signed on screen
    ORAL = "oral"  # given orally, documented by whom, when, witness

    @property
    def label_de(self) -> str:
        return {
            GivenHow.PAPER: QT_TRANSLATE_NOOP("Labels", "auf Papier unterschrieben"),
            GivenHow.SCREEN: QT_TRANSLATE_NOOP("Labels", "auf dem Bildschirm unterschrieben"),
            GivenHow.ORAL: QT_TRANSLATE_NOOP("Labels", "mündlich erteilt"),
        }[self]


class AccompanimentScope(StrEnum):
    TO_DOOR = "to-door"
    IN_CONVERSATION = "in-conversation"  # the exception, with a reason


WRITTEN_ONLY = frozenset({ConsentKind.HOME_VISIT})  # no oral form
# Given for one appointment; the others (release, handover) cover the client's appointments.
PER_APPOINTMENT = frozenset(
    {ConsentKind.HOME_VISIT, ConsentKind.PRESENCE, ConsentKind.ACCOMPANIMENT}
)
# The consents each approach may need.
KINDS_FOR_APPROACH = {
    Approach.WALK_AND_TALK: (ConsentKind.PRESENCE, ConsentKind.CONFIDENTIALITY_RELEASE,
                             ConsentKind.HANDOVER),
    Approach.ACCOMPANIMENT: (ConsentKind.ACCOMPANIMENT, ConsentKind.CONFIDENTIALITY_RELEASE,
                             ConsentKind.PRESENCE, ConsentKind.HANDOVER),
    Approach.HOME_VISIT: (ConsentKind.HOME_VISIT, ConsentKind.PRESENCE,
                          ConsentKind.CONFIDENTIALITY_RELEASE, ConsentKind.HANDOVER),
}  # fmt: skip


@dataclass(frozen=True)
class ConsentEvent:
    at: datetime
    event: str  # prepared, printed, signed, refused, revoked, pdf-saved
    detail: str = ""


@dataclass(kw_only=True)
class Consent(Record):
    """A consent of a client. Revoking never deletes: the history stays."""

    client_id: str
    kind: ConsentKind
    appointment_id: str | None = None
    third_party_id: str | None = None  # release: the third party it names
    purpose: str = ""  # release
    topics: str = ""  # release
    valid_until: date | None = None  # release
    others_present: list[tuple[str, str]] = field(default_factory=list)  # presence: name, role
    scope: AccompanimentScope | None = None  # accompaniment
    participation_reason: str = ""  # accompaniment in the conversation: why
    main_caseworker_id: str | None = None  # handover
    state: ConsentState = ConsentState.PREPARED
    given_how: GivenHow | None = None
    given_at: datetime | None = None
    oral_documented_by: str | None = None  # staff id
    oral_witness: str = ""
    language: str = ""  # second language of the printed form ("" = the client's)
    form_version: str = ""
    refused_at: datetime | None = None
    revoked_at: datetime | None = None
    revoked_how: str = ""
    signature_png: bytes | None = None  # the image only: no timing or pressure data
    signed_pdf: bytes | None = None  # the signed form, kept inside the vault
    events: list[ConsentEvent] = field(default_factory=list)

    def validate(self) -> None:
        clean_fields(self, "others_present", "oral_witness")
        check = Checker()
        kind = self.kind
        if kind in PER_APPOINTMENT and not self.appointment_id:
            check.fail("appointment_id", "Termin", "Diese Einwilligung gilt für einen Termin.")
        if kind is ConsentKind.CONFIDENTIALITY_RELEASE:
            if not self.third_party_id:
                check.fail("third_party_id", "Dritte", "Bitte die Stelle nennen.")
            check.require_text(self.purpose, "purpose", "Zweck", limits.CONSENT_PURPOSE)
            if self.valid_until is None:
                check.fail("valid_until", "Gültig bis", "Bitte angeben, bis wann sie gilt.")
        # The persons as the caseworker writes them ("Schwester (Irina)", "zwei Kinder"); a role
        # is optional: the least that documents the consent (instruction §5).
        unnamed = any(not name.strip() for name, _role in self.others_present)
        if (kind is ConsentKind.PRESENCE and not self.others_present) or unnamed:
            check.fail("others_present", "Anwesende", "Bitte die anwesenden Personen nennen.")
        if kind is ConsentKind.ACCOMPANIMENT:
            if self.scope is None:
                check.fail("scope", "Umfang", "Bis zur Tür oder Teilnahme am Gespräch?")
            elif self.scope is AccompanimentScope.IN_CONVERSATION:
                check.require_text(self.participation_reason, "participation_reason", "Grund",
                                   limits.CONSENT_PARTICIPATION_REASON)  # fmt: skip
        if kind is ConsentKind.HANDOVER and not self.main_caseworker_id:
            check.fail("main_caseworker_id", "Hauptbetreuung", "Bitte die Hauptbetreuung nennen.")
        if self.given_how is GivenHow.ORAL:
            if kind in WRITTEN_ONLY:
                check.fail("given_how", "Form", "Diese Einwilligung muss schriftlich sein.")
            if not self.oral_documented_by:
                check.fail("oral_documented_by", "Dokumentiert von", "Bitte angeben.")
        self._limit_texts(check)
        check_date(check, self.valid_until, "valid_until", "Gültig bis")
        check_date(check, self.given_at, "given_at", "Erteilt am")
        check.raise_if_any()

    def _limit_texts(self, check: Checker) -> None:
        for name, label, max_len in (
            ("purpose", "Zweck", limits.CONSENT_PURPOSE),
            ("topics", "Themen", limits.CONSENT_TOPICS),
            ("participation_reason", "Grund", limits.CONSENT_PARTICIPATION_REASON),
            ("oral_witness", "Zeugin/Zeuge", limits.CONSENT_ORAL_WITNESS),
            ("form_version", "Formularfassung", limits.CONSENT_FORM_VERSION),
            ("revoked_how", "Widerruf: wie", limits.CONSENT_REVOKED_HOW),
        ):
            if name not in check.fields:  # require_text may have said it already
                check.limit_text(getattr(self, name), name, label, max_len)
        for name, role in self.others_present:
            check.limit_text(name, "others_present", "Anwesende: Name", limits.CONSENT_PERSON_NAME)
            check.limit_text(role, "others_present", "Anwesende: Rolle", limits.CONSENT_PERSON_ROLE)
        for event in self.events:
            check.limit_text(event.detail, "events", "Verlauf", limits.CONSENT_EVENT_DETAIL)

    @property
    def search_text(self) -> str:
        return search_key(self.kind.label_de, self.purpose, self.topics)

    # ---- validity ----------------------------------------------------------------------------
    def is_valid_on(self, on: date) -> bool:
        """Given in a valid form and in force on day `on`: a consent revoked later still
        covered what happened before (a revocation on that very day counts against it)."""
        revoked_by_then = self.revoked_at is not None and self.revoked_at.date() <= on
        if self.state not in (ConsentState.SIGNED, ConsentState.REVOKED) or revoked_by_then:
            return False
        if self.state is ConsentState.REVOKED and self.revoked_at is None:
            return False
        if self.kind in WRITTEN_ONLY and self.given_how is GivenHow.ORAL:
            return False
        if self.given_at is not None and on < self.given_at.date():
            return False
        return self.valid_until is None or on <= self.valid_until

    def is_valid_for(self, appointment: Appointment, on: date) -> bool:
        """Does this consent cover `appointment` on day `on`?"""
        if not self.is_valid_on(on) or self.client_id != appointment.client_id:
            return False
        if self.kind in PER_APPOINTMENT and self.appointment_id != appointment.id:
            return False
        if self.appointment_id not in (None, appointment.id) and self.kind not in PER_APPOINTMENT:
            return False
        if self.kind is ConsentKind.CONFIDENTIALITY_RELEASE:
            return self.names_third_party_of(appointment)
        return True

    def names_third_party_of(self, appointment: Appointment) -> bool:
        """A release names a third party and, where the appointment names one (an
        accompaniment), that one; a Walk and Talk or a home visit names none, so the third
        party is the release's own (instruction §5: a talk with a named third party in the
        client's absence, whatever the approach)."""
        if not self.third_party_id:
            return False
        return appointment.third_party_id in (None, self.third_party_id)

    # ---- state changes -----------------------------------------------------------------------
    def _event(self, at: datetime, event: str, detail: str = "") -> None:
        self.events.append(ConsentEvent(at, event, detail))

    def _require_open(self, action: str) -> None:
        if self.state in (ConsentState.REVOKED, ConsentState.REFUSED):
            raise DomainError(
                f"Die Einwilligung ist {self.state.label_de.lower()}: {action} geht nicht mehr."
            )

    def record_saved(self, now: datetime, form_version: str) -> None:
        """A PDF of the form was saved outside the vault (noted, changes nothing else)."""
        self._event(now, "pdf-saved", form_version)

    def record_print(self, now: datetime, form_version: str) -> None:
        """A print of the form; a given consent keeps the wording it was given on."""
        if self.state is ConsentState.SIGNED:
            self._event(now, "printed", self.form_version)
            return
        self._require_open("Drucken")
        self.form_version = form_version
        if self.state is ConsentState.PREPARED:
            self.state = ConsentState.PRINTED
        self._event(now, "printed", form_version)

    def sign(
        self,
        how: GivenHow,
        at: datetime,
        *,
        documented_by: str | None = None,
        witness: str = "",
        signature_png: bytes | None = None,
    ) -> None:
        self._require_open("Erteilen")
        if self.state is ConsentState.SIGNED:
            raise DomainError("Die Einwilligung ist bereits erteilt.")
        if how is GivenHow.SCREEN and not signature_png:
            raise DomainError("Es fehlt die Unterschrift.")
        self.given_how, self.given_at = how, at
        self.oral_documented_by = documented_by if how is GivenHow.ORAL else None
        self.oral_witness = witness.strip() if how is GivenHow.ORAL else ""
        self.signature_png = signature_png if how is GivenHow.SCREEN else None
        self.validate()
        self.state = ConsentState.SIGNED
        self._event(at, "signed", how.value)

    def refuse(self, at: datetime, note: str = "") -> None:
        self._require_open("Ablehnen")
        if self.state is ConsentState.SIGNED:
            raise DomainError("Eine erteilte Einwilligung wird widerrufen, nicht abgelehnt.")
        self.state, self.refused_at = ConsentState.REFUSED, at
        self._event(at, "refused", note.strip())

    def revoke(self, at: datetime, how: str) -> None:
        """Always possible for a consent that was given; nothing is deleted."""
        if self.state is not ConsentState.SIGNED:
            raise DomainError("Widerrufen werden kann nur eine erteilte Einwilligung.")
        if not how.strip():
            raise ValidationError([FieldError("revoked_how", "Widerruf", "Bitte angeben, wie.")])
        self.state, self.revoked_at, self.revoked_how = ConsentState.REVOKED, at, how.strip()
        self._event(at, "revoked", how.strip())
