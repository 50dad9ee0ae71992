"""What the planning and conduct screens show for one appointment (`WorkflowService.state`)."""

from __future__ import annotations

from dataclasses import dataclass

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Checklist, ChecklistStatus, Phase
from outreach_desktop.domain.conduct import Conduct, ConductOptions, conduct_options
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.home_visit_timeline import TimelineStatus
from outreach_desktop.storage.workflow_repo import StoredCall


@dataclass(frozen=True)
class AppointmentState:
    """Everything the planning and conduct screens show for one appointment."""

    appointment: Appointment
    checklists: list[Checklist]
    status: ChecklistStatus
    conduct: Conduct
    facts: dict[str, bool]
    consents: set[ConsentKind]
    calls: list[StoredCall]
    timeline: TimelineStatus | None  # home visits only (with its own warnings)
    warnings: list[str]  # planning warnings besides the timeline's

    def progress(self, phase: Phase | None = None) -> tuple[int, int]:
        return self.status.progress(phase)

    @property
    def options(self) -> ConductOptions:
        """The steps and outcomes the conduct offers now (`conduct.conduct_options`)."""
        return conduct_options(self.appointment, self.conduct, self.status, self.consents)


def yes_no_answers(s: AppointmentState) -> dict[str, bool]:
    """The checklist's yes/no answers by item id: the facts the outcome rules ask."""
    return {
        status.item.id: status.answer.value is True
        for status in s.status.items
        if status.answer is not None and isinstance(status.answer.value, bool)
    }
