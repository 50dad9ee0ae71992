"""Conducting an appointment ("Durchführung"): the hard rules and the outcomes.

Hard rules hold whatever the checklist files say (an agency may reword items, not drop these):
no entering the home without written consent, no continuing with other persons present without
their presence consented and documented, no talk with a third party in the client's absence
without a release. Ending or breaking off is always possible: the offer is voluntary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from outreach_desktop.domain import field_limits as limits
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
        "Der Hausbesuch kann an der Tür oder im Umfeld (Garten, Treppenhaus) stattfinden.",
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

    def taken_at(self, step: Transition) -> datetime | None:
        """When `step` was taken; None if not (yet), and always for closing the follow-up."""
        return {
            Transition.START: self.started_at,
            Transition.ENTER_HOME: self.entered_home_at,
            Transition.OTHERS_PRESENT: self.others_present_at,
            Transition.THIRD_PARTY_ALONE: self.third_party_alone_at,
        }.get(step)


def real_minutes(conduct: Conduct) -> int | None:
    """How long the appointment really took (begun to outcome), if both are recorded."""
    if conduct.started_at is None or conduct.outcome_at is None:
        return None
    return minutes_between(conduct.started_at, conduct.outcome_at)


def minutes_between(begin: datetime, end: datetime) -> int:
    """Whole minutes from `begin` to `end` (never negative): the real time of an appointment."""
    return max(0, round((end - begin).total_seconds() / 60))


# The data-protection checklist's on-site question "Sind weitere Personen anwesend?"; its answer
# is a fact the outcome rule needs (a test checks the built-in checklist has it).
OTHERS_PRESENT_FACT = "dp.others_present"

ACCOMPANIMENT_RULE = (
    ConsentKind.ACCOMPANIMENT,
    "Begleitet wird nur mit ausdrücklichem Einverständnis der Kundin oder des Kunden.",
)

FINISHED = {
    AppointmentStatus.DONE: "Der Termin ist bereits durchgeführt.",
    AppointmentStatus.HELD_NEARBY: "Der Hausbesuch wurde bereits im Umfeld durchgeführt.",
    AppointmentStatus.ENDED_AT_DOOR: "Der Hausbesuch wurde bereits an der Tür beendet.",
    AppointmentStatus.BROKEN_OFF: "Der Termin wurde abgebrochen.",
    AppointmentStatus.NOT_MET: "Die Kundin oder der Kunde wurde nicht angetroffen.",
    AppointmentStatus.POSTPONED: "Der Termin wurde verschoben.",
    AppointmentStatus.CANCELLED: "Der Termin wurde abgesagt.",
}

OUTCOMES = tuple(status for status in AppointmentStatus if status.is_outcome)
# Outcomes only a home visit has: held outside the home (garden, stairwell) or at its door.
HOME_VISIT_ONLY = (AppointmentStatus.HELD_NEARBY, AppointmentStatus.ENDED_AT_DOOR)
# Outcomes where the counselling took place (so it had to begin, and others present count).
HELD = (AppointmentStatus.DONE, AppointmentStatus.HELD_NEARBY)

_TAKEN = {Transition.START: "Der Termin hat bereits begonnen."}
_NOT_OFFERED = {
    Transition.ENTER_HOME: "Nur bei einem Hausbesuch.",
    Transition.THIRD_PARTY_ALONE: "Für diesen Termin ist keine dritte Stelle eingetragen.",
}


class ReasonCode(StrEnum):
    """Why a step or an outcome is not possible now; stable, for tests and UI logic."""

    FINISHED = "finished"  # the appointment already has an outcome
    NO_OUTCOME = "no-outcome"  # the follow-up cannot be closed before there is an outcome
    ALREADY_TAKEN = "already-taken"  # the step is recorded (for "start": it has begun)
    NOT_STARTED = "not-started"
    NOT_OFFERED = "not-offered"  # this appointment has no such step or outcome
    CONSENT_MISSING = "consent-missing"  # a hard rule's consent is not given
    CHECKLIST_OPEN = "checklist-open"  # a required checklist item blocks the step
    NOT_AN_OUTCOME = "not-an-outcome"
    STARTED = "started"  # not met or cancelled, but it has begun
    BEFORE_THE_DAY = "before-the-day"  # not met before the appointment's day
    WENT_INSIDE = "went-inside"  # at the door or nearby, but the home visit went inside
    NOT_INSIDE = "not-inside"  # a home visit done without going inside
    OTHERS_UNDOCUMENTED = "others-undocumented"  # others present without documented consent


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    message: str  # German sentence for the user


def is_finished(appointment: Appointment, conduct: Conduct) -> bool:
    """The appointment has an outcome: no more steps, no second outcome, no relocation."""
    return conduct.outcome is not None or appointment.status.is_outcome


def offered_steps(appointment: Appointment) -> tuple[Transition, ...]:
    """The steps of the conduct flow this appointment has, in order: going into the home only on
    a home visit, talking to a third party without the client only where one is entered, closing
    the follow-up last."""
    steps = [Transition.START]
    if appointment.approach is Approach.HOME_VISIT:
        steps.append(Transition.ENTER_HOME)
    steps.append(Transition.OTHERS_PRESENT)
    if appointment.third_party_id:
        steps.append(Transition.THIRD_PARTY_ALONE)
    steps.append(Transition.CLOSE)
    return tuple(steps)


def offered_outcomes(appointment: Appointment) -> tuple[AppointmentStatus, ...]:
    """Held in the surroundings and ended at the door exist only for a home visit (the visit
    goes "in den Haushalt und das Umfeld", GA §4.1); the other outcomes for every one."""
    home = appointment.approach is Approach.HOME_VISIT
    return tuple(o for o in OUTCOMES if home or o not in HOME_VISIT_ONLY)


def _hard_rule(appointment: Appointment, transition: Transition) -> tuple[ConsentKind, str] | None:
    if transition is Transition.START and appointment.approach is Approach.ACCOMPANIMENT:
        return ACCOMPANIMENT_RULE
    return HARD_RULES.get(transition)


def _flow_reasons(
    appointment: Appointment, conduct: Conduct, transition: Transition
) -> list[Reason]:
    """Where the flow stands: finished, not begun, this step already taken."""
    finished = is_finished(appointment, conduct)
    if transition is Transition.CLOSE:
        if finished:
            return []
        return [Reason(ReasonCode.NO_OUTCOME, "Der Termin hat noch kein Ergebnis.")]
    if finished:
        message = FINISHED.get(appointment.status, "Der Termin ist bereits abgeschlossen.")
        return [Reason(ReasonCode.FINISHED, message)]
    if conduct.taken_at(transition) is not None:
        message = _TAKEN.get(transition, "Dieser Schritt ist bereits erfasst.")
        return [Reason(ReasonCode.ALREADY_TAKEN, message)]
    if transition is not Transition.START and conduct.started_at is None:
        return [Reason(ReasonCode.NOT_STARTED, "Der Termin hat noch nicht begonnen.")]
    return []


def step_reasons(
    appointment: Appointment,
    conduct: Conduct,
    transition: Transition,
    status: ChecklistStatus,
    consents: set[ConsentKind],
) -> list[Reason]:
    """Why `transition` is not allowed now; empty means allowed. `consents` are those valid on
    the day in question."""
    reasons = _flow_reasons(appointment, conduct, transition)
    if reasons and reasons[0].code is ReasonCode.FINISHED:
        return reasons
    if transition not in offered_steps(appointment):
        reasons.append(Reason(ReasonCode.NOT_OFFERED, _NOT_OFFERED[transition]))
    hard = _hard_rule(appointment, transition)
    if hard is not None and hard[0] not in consents:
        reasons.append(Reason(ReasonCode.CONSENT_MISSING, hard[1]))
    for blocker in status.blockers(transition):
        if hard is not None and blocker.item.consent is hard[0]:
            continue  # already explained by the hard rule
        reasons.append(Reason(ReasonCode.CHECKLIST_OPEN, f"Offen: {blocker.item.label_de}."))
    return reasons


def outcome_reasons(
    appointment: Appointment,
    conduct: Conduct,
    outcome: AppointmentStatus,
    today: date,
    facts: Mapping[str, bool],
) -> list[Reason]:
    """Why `outcome` cannot be set now; empty means it can. Ending at the door, breaking off, not
    meeting, postponing and cancelling are always possible; "durchgeführt" needs a started
    appointment (and for a home visit one that went inside — otherwise it was held in the
    surroundings or ended at the door). `facts`: the checklist's yes/no answers by item id
    (OTHERS_PRESENT_FACT)."""
    return [Reason(code, message) for code, message in outcome_problems(
        appointment, conduct, outcome, today, facts, check_finished=True)]  # fmt: skip


def outcome_problems(
    appointment: Appointment,
    conduct: Conduct,
    outcome: AppointmentStatus,
    today: date,
    facts: Mapping[str, bool],
    *,
    check_finished: bool,
) -> list[tuple[ReasonCode, str]]:
    R, S = ReasonCode, AppointmentStatus
    started, inside = conduct.started_at is not None, conduct.entered_home_at is not None
    done, home = outcome is S.DONE, appointment.approach is Approach.HOME_VISIT
    held = outcome in HELD
    checks = (
        (not outcome.is_outcome, R.NOT_AN_OUTCOME, "Bitte ein Ergebnis wählen."),
        (check_finished and is_finished(appointment, conduct), R.FINISHED,
         "Der Termin hat bereits ein Ergebnis."),
        (outcome in (S.NOT_MET, S.CANCELLED) and started, R.STARTED,
         "Der Termin hat schon begonnen: bitte „durchgeführt“ oder „abgebrochen“ wählen."),
        (outcome is S.NOT_MET and today < appointment.start.date(), R.BEFORE_THE_DAY,
         "„Nicht angetroffen“ geht erst am Tag des Termins."),
        (outcome in HOME_VISIT_ONLY and inside, R.WENT_INSIDE,
         "Der Hausbesuch fand in der Wohnung statt: bitte „durchgeführt“ wählen."),
        (held and facts.get(OTHERS_PRESENT_FACT, False) and conduct.others_present_at is None,
         R.OTHERS_UNDOCUMENTED,
         "Weitere Personen sind anwesend, ihre Anwesenheit ist aber nicht mit Einverständnis "
         "dokumentiert. So ist „durchgeführt“ nicht möglich; der Termin kann abgebrochen werden."),
        (held and not started, R.NOT_STARTED, "Der Termin wurde nicht begonnen."),
        (done and home and not inside, R.NOT_INSIDE,
         "Der Hausbesuch fand nicht in der Wohnung statt: bitte „im Umfeld durchgeführt“ "
         "oder „an der Tür beendet“ wählen."),
        (outcome.is_outcome and outcome not in offered_outcomes(appointment), R.NOT_OFFERED,
         f"„{outcome.label_de}“ gibt es nur beim Hausbesuch."),
    )  # fmt: skip
    return [(code, message) for failed, code, message in checks if failed]


@dataclass(frozen=True)
class StepOption:
    """A step this appointment offers: when it was taken, or why it is not possible now."""

    transition: Transition
    taken_at: datetime | None
    reasons: tuple[Reason, ...]

    @property
    def allowed(self) -> bool:
        return not self.reasons

    @property
    def messages(self) -> list[str]:
        return [r.message for r in self.reasons]


@dataclass(frozen=True)
class ConductOptions:
    """What the conduct of an appointment offers now; the GUI and the CLI both show this."""

    finished: bool
    steps: tuple[StepOption, ...]  # `offered_steps`, in order
    outcomes: tuple[AppointmentStatus, ...]  # `offered_outcomes`; none once finished

    def step(self, transition: Transition) -> StepOption | None:
        return next((s for s in self.steps if s.transition is transition), None)


def conduct_options(
    appointment: Appointment,
    conduct: Conduct,
    status: ChecklistStatus,
    consents: set[ConsentKind],
) -> ConductOptions:
    """The steps and outcomes of this appointment, each step with its reasons (`step_reasons`).
    `consents` are those valid on the day in question: the only way the day enters the rule."""
    steps = tuple(
        StepOption(
            step,
            conduct.taken_at(step),
            tuple(step_reasons(appointment, conduct, step, status, consents)),
        )
        for step in offered_steps(appointment)
    )
    finished = is_finished(appointment, conduct)
    outcomes = () if finished else offered_outcomes(appointment)
    return ConductOptions(finished, steps, outcomes)


def apply_transition(
    appointment: Appointment,
    conduct: Conduct,
    transition: Transition,
    status: ChecklistStatus,
    consents: set[ConsentKind],
    now: datetime,
) -> None:
    """Record the step or raise RuleBlocked."""
    reasons = step_reasons(appointment, conduct, transition, status, consents)
    if reasons:
        raise RuleBlocked(transition, [r.message for r in reasons])
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
    """Set the outcome if `outcome_reasons` allow it. Breaking off names who broke off (the
    instruction's voluntariness on either side, §§2.2, 3.2, 4.2); a reason is offered, never
    required: breaking off needs none."""
    check = Checker()
    for blocked in outcome_reasons(appointment, conduct, outcome, now.date(), facts or {}):
        check.fail("outcome", "Ergebnis", blocked.message)
    if outcome is AppointmentStatus.BROKEN_OFF and broken_off_by is None:
        check.fail("broken_off_by", "Abgebrochen von", "Bitte angeben, wer abgebrochen hat.")
    check.limit_text(reason, "outcome_reason", "Grund", limits.OUTCOME_REASON)
    check.raise_if_any()
    conduct.outcome = outcome
    conduct.outcome_at = now
    conduct.broken_off_by = broken_off_by if outcome is AppointmentStatus.BROKEN_OFF else None
    conduct.outcome_reason = reason.strip()
    appointment.status = outcome
