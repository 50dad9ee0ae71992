"""Conducting an appointment ("Durchführung"): the hard rules and the outcomes.

Hard rules hold whatever the checklist files say (an agency may reword items, not drop these):
no entering the home without written consent, no continuing with other persons present without
their presence consented and documented, no talk with a third party in the client's absence
without a release. Ending or breaking off is always possible: the offer is voluntary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import ChecklistStatus, Transition
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.errors import Checker, DomainError
from outreach_desktop.domain.labels import QT_TRANSLATE_NOOP
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

HARD_RULES: dict[Transition, tuple[ConsentKind, str]] = {
    Transition.ENTER_HOME: (
        ConsentKind.HOME_VISIT,
        "Ohne schriftliche Einverständniserklärung geht es nicht in die Wohnung. "
        "Der Hausbesuch kann an der Tür stattfinden und dort enden.",
    ),
    Transition.OTHERS_PRESENT: (
        ConsentKind.PRESENCE,
        "Weitere Personen dürfen nur anwesend sein, wenn die Kundin oder der Kunde eingewilligt "
        "hat und das dokumentiert ist.",
    ),
    Transition.THIRD_PARTY_ALONE: (
        ConsentKind.CONFIDENTIALITY_RELEASE,
        "Ohne Schweigepflichtentbindung, die diese Stelle nennt, kein Gespräch mit Dritten in "
        "Abwesenheit der Kundin oder des Kunden.",
    ),
}


class BrokenOffBy(StrEnum):
    CLIENT = "client"
    STAFF = "staff"

    @property
    def label_de(self) -> str:
        return {
            BrokenOffBy.CLIENT: QT_TRANSLATE_NOOP("Labels", "Kundin/Kunde"),
            BrokenOffBy.STAFF: QT_TRANSLATE_NOOP("Labels", "Mitarbeitende"),
        }[self]


class RuleBlocked(DomainError):
    """A step is not allowed now; `reasons` says why, in German."""

    def __init__(self, transition: Transition, reasons: list[str]) -> None:
        self.transition, self.reasons = transition, reasons
        super().__init__(f"Nicht möglich: {transition.label_de}. " + " ".join(reasons))


@dataclass(kw_only=True)
class Conduct:
    """What happened on site, each step with its time."""

    appointment_id: str
    started_at: datetime | None = None
    entered_home_at: datetime | None = None
    others_present_at: datetime | None = None
    third_party_alone_at: datetime | None = None
    outcome: AppointmentStatus | None = None
    outcome_at: datetime | None = None
    broken_off_by: BrokenOffBy | None = None
    outcome_reason: str = ""


# The data-protection checklist's on-site question "Sind weitere Personen anwesend?"; its answer
# is a fact the outcome rule needs (a test checks the built-in checklist has it).
OTHERS_PRESENT_FACT = "dp.others_present"

ACCOMPANIMENT_RULE = (
    ConsentKind.ACCOMPANIMENT,
    "Begleitet wird nur mit ausdrücklichem Einverständnis der Kundin oder des Kunden.",
)

FINISHED = {
    AppointmentStatus.DONE: "Der Termin ist bereits durchgeführt.",
    AppointmentStatus.ENDED_AT_DOOR: "Der Hausbesuch wurde bereits an der Tür beendet.",
    AppointmentStatus.BROKEN_OFF: "Der Termin wurde abgebrochen.",
    AppointmentStatus.NOT_MET: "Die Kundin oder der Kunde wurde nicht angetroffen.",
    AppointmentStatus.POSTPONED: "Der Termin wurde verschoben.",
    AppointmentStatus.CANCELLED: "Der Termin wurde abgesagt.",
}


def _hard_rule(appointment: Appointment, transition: Transition) -> tuple[ConsentKind, str] | None:
    if transition is Transition.START and appointment.approach is Approach.ACCOMPANIMENT:
        return ACCOMPANIMENT_RULE
    return HARD_RULES.get(transition)


def blocking_reasons(
    appointment: Appointment,
    conduct: Conduct,
    transition: Transition,
    status: ChecklistStatus,
    consents: set[ConsentKind],
) -> list[str]:
    """Why `transition` is not allowed now; empty means allowed."""
    reasons: list[str] = []
    if transition is Transition.CLOSE:
        if conduct.outcome is None and not appointment.status.is_outcome:
            reasons.append("Der Termin hat noch kein Ergebnis.")
    elif conduct.outcome is not None or appointment.status.is_outcome:
        return [FINISHED.get(appointment.status, "Der Termin ist bereits abgeschlossen.")]
    elif transition is Transition.START:
        if conduct.started_at is not None:
            reasons.append("Der Termin hat bereits begonnen.")
    elif conduct.started_at is None:
        reasons.append("Der Termin hat noch nicht begonnen.")
    if transition is Transition.ENTER_HOME and appointment.approach is not Approach.HOME_VISIT:
        reasons.append("Nur bei einem Hausbesuch.")
    if transition is Transition.THIRD_PARTY_ALONE and not appointment.third_party_id:
        reasons.append("Für diesen Termin ist keine dritte Stelle eingetragen.")
    hard = _hard_rule(appointment, transition)
    if hard is not None and hard[0] not in consents:
        reasons.append(hard[1])
    for blocker in status.blockers(transition):
        if hard is not None and blocker.item.consent is hard[0]:
            continue  # already explained by the hard rule
        reasons.append(f"Offen: {blocker.item.label_de}.")
    return reasons


def apply_transition(
    appointment: Appointment,
    conduct: Conduct,
    transition: Transition,
    status: ChecklistStatus,
    consents: set[ConsentKind],
    now: datetime,
) -> None:
    """Record the step or raise RuleBlocked."""
    reasons = blocking_reasons(appointment, conduct, transition, status, consents)
    if reasons:
        raise RuleBlocked(transition, reasons)
    if transition is Transition.START:
        conduct.started_at = now
        appointment.status = AppointmentStatus.IN_PROGRESS
    elif transition is Transition.ENTER_HOME:
        conduct.entered_home_at = now
    elif transition is Transition.OTHERS_PRESENT:
        conduct.others_present_at = now
    elif transition is Transition.THIRD_PARTY_ALONE:
        conduct.third_party_alone_at = now


def finish(
    appointment: Appointment,
    conduct: Conduct,
    outcome: AppointmentStatus,
    now: datetime,
    *,
    broken_off_by: BrokenOffBy | None = None,
    reason: str = "",
    facts: Mapping[str, bool] | None = None,
) -> None:
    """Set the outcome. Ending at the door, breaking off, not meeting, postponing and cancelling
    are always possible; "durchgeführt" needs a started appointment (and for a home visit one
    that went inside — otherwise it ended at the door)."""
    check = Checker()
    if not outcome.is_outcome:
        check.fail("outcome", "Ergebnis", "Bitte ein Ergebnis wählen.")
    if conduct.outcome is not None or appointment.status.is_outcome:
        check.fail("outcome", "Ergebnis", "Der Termin hat bereits ein Ergebnis.")
    started = conduct.started_at is not None
    if outcome in (AppointmentStatus.NOT_MET, AppointmentStatus.CANCELLED) and started:
        check.fail(
            "outcome",
            "Ergebnis",
            "Der Termin hat schon begonnen: bitte „durchgeführt“ oder „abgebrochen“ wählen.",
        )
    if outcome is AppointmentStatus.NOT_MET and now.date() < appointment.start.date():
        check.fail("outcome", "Ergebnis", "„Nicht angetroffen“ geht erst am Tag des Termins.")
    if outcome is AppointmentStatus.ENDED_AT_DOOR and conduct.entered_home_at is not None:
        check.fail("outcome", "Ergebnis", "Der Hausbesuch fand in der Wohnung statt.")
    if (
        outcome is AppointmentStatus.DONE
        and (facts or {}).get(OTHERS_PRESENT_FACT)
        and conduct.others_present_at is None
    ):
        check.fail(
            "outcome",
            "Ergebnis",
            "Weitere Personen sind anwesend, ihre Anwesenheit ist aber nicht mit Einverständnis "
            "dokumentiert. So ist „durchgeführt“ nicht möglich; der Termin kann abgebrochen "
            "werden.",
        )
    if outcome is AppointmentStatus.DONE and conduct.started_at is None:
        check.fail("outcome", "Ergebnis", "Der Termin wurde nicht begonnen.")
    if (
        outcome is AppointmentStatus.DONE
        and appointment.approach is Approach.HOME_VISIT
        and conduct.entered_home_at is None
    ):
        check.fail(
            "outcome",
            "Ergebnis",
            "Der Hausbesuch fand nicht in der Wohnung statt: bitte „an der Tür beendet“ wählen.",
        )
    if (
        outcome is AppointmentStatus.ENDED_AT_DOOR
        and appointment.approach is not Approach.HOME_VISIT
    ):
        check.fail("outcome", "Ergebnis", "„An der Tür beendet“ gibt es nur beim Hausbesuch.")
    if outcome is AppointmentStatus.BROKEN_OFF:
        if broken_off_by is None:
            check.fail("broken_off_by", "Abgebrochen von", "Bitte angeben, wer abgebrochen hat.")
        if not reason.strip():
            check.fail("outcome_reason", "Grund", "Bitte kurz den Grund nennen.")
    check.limit_text(reason, "outcome_reason", "Grund", 1000)
    check.raise_if_any()
    conduct.outcome = outcome
    conduct.outcome_at = now
    conduct.broken_off_by = broken_off_by if outcome is AppointmentStatus.BROKEN_OFF else None
    conduct.outcome_reason = reason.strip()
    appointment.status = outcome
