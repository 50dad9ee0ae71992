"""Use cases around an appointment's outcome beyond setting it: postponing with (or without) a
new date, and correcting a mis-clicked outcome until the protocol is finalized, each correction
kept in the appointment's history."""

from __future__ import annotations

from datetime import datetime

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.conduct import BrokenOffBy, Conduct, finish
from outreach_desktop.domain.errors import FieldError, ValidationError
from outreach_desktop.domain.outcome_corrections import (
    OutcomeCorrection,
    correct_outcome,
    correction_refusal,
)
from outreach_desktop.domain.vocabulary import AppointmentStatus
from outreach_desktop.services.workflow import AppointmentState, WorkflowService, yes_no_answers
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.workflow_repo import WorkflowRepository


class OutcomeService:
    def __init__(
        self,
        workflow: WorkflowService,
        appointments: AppointmentRepository,
        repo: WorkflowRepository,
    ) -> None:
        self._workflow = workflow
        self._appointments = appointments
        self._repo = repo

    def postpone(
        self,
        appointment_id: str,
        now: datetime,
        new_start: datetime | None,
        *,
        reason: str = "",
        new_appointment_id: str | None = None,
    ) -> Appointment | None:
        """End the appointment as postponed; with a new date, plan it as a follow-up linked to
        this one (same client, approach, staff, place), in the same transaction. Without one
        (not known yet) only the outcome is recorded. Returns the new appointment, if any."""
        s = self._workflow.state(appointment_id, now.date())
        a, conduct = s.appointment, s.conduct
        if new_start is not None and new_start <= now:
            raise ValidationError(
                [FieldError("new_start", "Neuer Termin", "Der neue Termin liegt nicht in der "
                            "Zukunft. Bitte ein späteres Datum wählen.")]
            )  # fmt: skip
        finish(a, conduct, AppointmentStatus.POSTPONED, now, reason=reason,
               facts=yes_no_answers(s))  # fmt: skip
        new = a.follow_up(new_start, None, new_appointment_id) if new_start else None
        with self._repo.db.transaction():
            self._appointments.save(a)
            self._repo.save_conduct(conduct)
            if new is not None:
                new = self._appointments.save(new)
        return new

    def conduct(self, appointment_id: str) -> Conduct:
        """What was recorded on site (an empty record where nothing was, e.g. at the office)."""
        return self._repo.conduct(appointment_id)

    def refusal(self, appointment_id: str) -> str:
        """Why the outcome cannot be corrected now ("" if it can): no outcome yet, or the
        protocol is finalized (German)."""
        a = self._appointments.get(appointment_id)
        conduct = self._repo.conduct(a.id)
        return correction_refusal(conduct, a, self._repo.has_final_protocol(a.id))

    def correct(
        self,
        appointment_id: str,
        new: AppointmentStatus,
        now: datetime,
        *,
        reason: str,
        broken_off_by: BrokenOffBy | None = None,
        outcome_reason: str = "",
        correction_id: str | None = None,
    ) -> AppointmentState:
        """Correct the outcome: checked by the rules of setting it, kept with old and new value,
        time and reason; refused after the protocol is finalized. `correction_id` fixes the
        id of the kept correction (demo data)."""
        s = self._workflow.state(appointment_id, now.date())
        a, conduct = s.appointment, s.conduct
        correction = correct_outcome(
            a, conduct, new, now, reason=reason,
            protocol_final=self._repo.has_final_protocol(a.id), broken_off_by=broken_off_by,
            outcome_reason=outcome_reason, facts=yes_no_answers(s),
        )  # fmt: skip
        with self._repo.db.transaction():
            self._appointments.save(a)
            self._repo.save_conduct(conduct)
            self._repo.add_correction(correction, correction_id)
        return self._workflow.state(appointment_id, now.date())

    def history(self, appointment_id: str) -> list[OutcomeCorrection]:
        """The corrections of the appointment's outcome, oldest first."""
        return self._repo.corrections(appointment_id)
