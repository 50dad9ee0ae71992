"""Talks with a third party in the client's absence ("Gespräch mit Dritten"), and the one rule
that allows them: a release from confidentiality (Schweigepflichtentbindung) that was given, was
not revoked by then, was in force on the day and names that third party (instruction §5, for
every approach, also after the appointment).

The log keeps the least that documents such a talk: when, with whom, under which release, and
an optional short note. What was said belongs in the memory protocol, not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent, ConsentKind
from outreach_desktop.domain.date_window import check_date
from outreach_desktop.domain.errors import Checker, DomainError
from outreach_desktop.domain.records import new_id
from outreach_desktop.domain.text_safety import clean_line

MAX_NOTE = limits.TALK_NOTE

NO_RELEASE = "Bitte die Schweigepflichtentbindung angeben, auf der das Gespräch beruht."
NOT_A_RELEASE = "Diese Einwilligung ist keine Schweigepflichtentbindung."
OTHER_PARTY = (
    "Die Schweigepflichtentbindung nennt eine andere dritte Stelle: für ein Gespräch mit dieser "
    "Stelle braucht es eine eigene Schweigepflichtentbindung."
)
OTHER_CLIENT = "Die Schweigepflichtentbindung gehört zu einer anderen Kundin/einem anderen Kunden."
NOT_VALID = (
    "Am {day} lag keine gültige Schweigepflichtentbindung vor (nicht erteilt, widerrufen, noch "
    "nicht oder nicht mehr gültig): ohne sie kein Gespräch mit Dritten in Abwesenheit der "
    "Kundin/des Kunden."
)
IN_FUTURE = (
    "Ein Gespräch wird erfasst, wenn es stattgefunden hat: der Zeitpunkt liegt in der Zukunft."
)


@dataclass(frozen=True, kw_only=True)
class ThirdPartyTalk:
    """One talk with a third party about the client, in the client's absence."""

    client_id: str
    third_party_id: str
    release_id: str  # the Schweigepflichtentbindung it relied on
    at: datetime  # when the talk took place (local time)
    note: str = ""
    appointment_id: str | None = None  # the appointment it belongs to, if any
    id: str = field(default_factory=new_id)

    def summary_de(self, third_party: str) -> str:
        """One line of the log (German)."""
        line = f"{self.at.strftime('%d.%m.%Y %H:%M')}: Gespräch mit {third_party}"
        return f"{line} – {self.note}" if self.note else line


def talk_refusal(release: Consent | None, third_party_id: str, at: datetime) -> str:
    """Why a talk with `third_party_id` at `at` is not allowed under `release` ("" if it is)."""
    if release is None:
        return NO_RELEASE
    if release.kind is not ConsentKind.CONFIDENTIALITY_RELEASE:
        return NOT_A_RELEASE
    if release.third_party_id != third_party_id:
        return OTHER_PARTY
    if not release.is_valid_on(at.date()):
        return NOT_VALID.format(day=at.strftime("%d.%m.%Y"))
    return ""


def log_talk(
    release: Consent | None,
    *,
    third_party_id: str,
    at: datetime,
    now: datetime,
    note: str = "",
    appointment: Appointment | None = None,
) -> ThirdPartyTalk:
    """The log entry of a talk that took place; raise ValidationError (time, note) or
    DomainError (no valid release naming that third party) and keep nothing."""
    if release is None:
        raise DomainError(NO_RELEASE)
    check = Checker()
    if not third_party_id:
        check.fail("third_party_id", "Dritte Stelle", "Bitte die dritte Stelle angeben.")
    check_date(check, at, "at", "Zeitpunkt")
    if at > now:
        check.fail("at", "Zeitpunkt", IN_FUTURE)
    check.limit_text(note, "note", "Notiz", MAX_NOTE)
    check.raise_if_any()
    refusal = talk_refusal(release, third_party_id, at)
    if refusal:
        raise DomainError(refusal)
    if appointment is not None and appointment.client_id != release.client_id:
        raise DomainError(OTHER_CLIENT)
    return ThirdPartyTalk(
        client_id=release.client_id,
        third_party_id=third_party_id,
        release_id=release.id,
        at=at.replace(second=0, microsecond=0),
        note=clean_line(note).strip(),
        appointment_id=appointment.id if appointment else None,
    )
