"""Correcting a mis-clicked outcome ("Ergebnis korrigieren").

An outcome can be corrected until the appointment's memory protocol is finalized; after that the
protocol is the record and corrections are its addenda. A correction is never silent: it is kept
(old value, new value, when, why) and shown in the appointment's history. The new outcome must
be possible by the same rules as when it is set the first time (`conduct.outcome_reasons`), on
the conduct as it was recorded; when the appointment ended stays what it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.conduct import BrokenOffBy, Conduct, outcome_problems
from outreach_desktop.domain.errors import Checker, DomainError
from outreach_desktop.domain.vocabulary import AppointmentStatus

MAX_REASON = limits.CORRECTION_REASON

AFTER_FINAL = (
    "Das Protokoll zu diesem Termin ist abgeschlossen: das Ergebnis kann nicht mehr korrigiert "
    "werden. Eine Korrektur wird als Nachtrag zum Protokoll erfasst."
)
NO_OUTCOME = "Der Termin hat noch kein Ergebnis, das korrigiert werden könnte."


@dataclass(frozen=True)
class OutcomeCorrection:
    """One correction of an appointment's outcome, as kept in its history."""

    appointment_id: str
    old: AppointmentStatus
    new: AppointmentStatus
    at: datetime  # when the correction was made (local time)
    reason: str

    @property
    def summary_de(self) -> str:
        """One line of the appointment's history (German)."""
        when = self.at.strftime("%d.%m.%Y %H:%M")
        return (
            f"{when}: Ergebnis korrigiert von „{self.old.label_de}“ auf „{self.new.label_de}“. "
            f"Grund: {self.reason}"
        )


def correction_refusal(conduct: Conduct, appointment: Appointment, protocol_final: bool) -> str:
    """Why the outcome cannot be corrected at all now ("" if it can)."""
    if conduct.outcome is None and not appointment.status.is_outcome:
        return NO_OUTCOME
    if protocol_final:
        return AFTER_FINAL
    return ""


def correct_outcome(
    appointment: Appointment,
    conduct: Conduct,
    new: AppointmentStatus,
    now: datetime,
    *,
    reason: str,
    protocol_final: bool,
    broken_off_by: BrokenOffBy | None = None,
    outcome_reason: str = "",
    facts: Mapping[str, bool] | None = None,
) -> OutcomeCorrection:
    """Change the outcome of `appointment`/`conduct` in place and return the correction to keep;
    raise DomainError (finalized, no outcome) or ValidationError (the new outcome's rules, a
    missing reason) and change nothing."""
    refusal = correction_refusal(conduct, appointment, protocol_final)
    if refusal:
        raise DomainError(refusal)
    old = conduct.outcome or appointment.status
    check = Checker()
    if new is old:
        check.fail("outcome", "Ergebnis", f"Das Ergebnis ist bereits „{old.label_de}“.")
    if not reason.strip():
        check.fail("reason", "Grund der Korrektur", "Bitte kurz sagen, warum korrigiert wird.")
    check.limit_text(reason, "reason", "Grund der Korrektur", MAX_REASON)
    check.limit_text(outcome_reason, "outcome_reason", "Grund", MAX_REASON)
    for _code, message in outcome_problems(
        appointment, conduct, new, now.date(), facts or {}, check_finished=False
    ):
        check.fail("outcome", "Ergebnis", message)
    if new is AppointmentStatus.BROKEN_OFF and broken_off_by is None:
        check.fail("broken_off_by", "Abgebrochen von", "Bitte angeben, wer abgebrochen hat.")
    check.raise_if_any()
    conduct.outcome = new
    conduct.outcome_at = conduct.outcome_at or now  # when it ended stays what it was
    conduct.broken_off_by = broken_off_by if new is AppointmentStatus.BROKEN_OFF else None
    conduct.outcome_reason = outcome_reason.strip()
    appointment.status = new
    return OutcomeCorrection(appointment.id, old, new, now, reason.strip())
