"""What `checklist show` shows of an appointment, as named fields: its checklists by phase, the
steps of the conduct flow with what blocks them, the conduct so far and, for home visits, the
timeline with its call attempts. The JSON and the text output are both rendered from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from outreach_desktop.cli.common import german_day
from outreach_desktop.domain.checklists import Checklist, Item, ItemKind, ItemStatus, Phase
from outreach_desktop.domain.conduct import Conduct, StepOption
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.home_visit_timeline import TimelineStatus
from outreach_desktop.services.appointments import AppointmentView
from outreach_desktop.services.session import Session
from outreach_desktop.services.workflow import AppointmentState

if TYPE_CHECKING:  # the type of `AppointmentState.calls`; the CLI itself reads no storage
    from outreach_desktop.storage.workflow_repo import StoredCall


@dataclass(frozen=True)
class ItemView:
    status: ItemStatus  # the item, its state and its answer
    display: str | None  # the answer as the caseworker reads it
    answered_by_name: str | None
    answered_checklist_version: int | None
    blocking: bool  # open, and blocks its step now

    @property
    def item(self) -> Item:
        return self.status.item


@dataclass(frozen=True)
class PhaseView:
    phase: Phase
    done: int
    total: int
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class ChecklistView:
    appointment: AppointmentView
    today: date
    checklists: tuple[Checklist, ...]
    done: int
    total: int
    phases: tuple[PhaseView, ...]
    steps: tuple[StepOption, ...]  # what `conduct.conduct_options` offers
    conduct: Conduct
    consents: tuple[ConsentKind, ...]  # valid today, by their value
    timeline: TimelineStatus | None  # home visits only
    calls: tuple[StoredCall, ...]  # each call attempt with its id
    warnings: tuple[str, ...]  # planning warnings besides the timeline's


def _display(item: Item, value: Any, staff: dict[str, str]) -> str:
    """The answer as the caseworker reads it."""
    if isinstance(value, bool):
        return "Ja" if value else "Nein"
    if isinstance(value, list):  # the appointment's staff (a pre-filled fact item)
        return ", ".join(staff.get(i, i) for i in value)
    if not isinstance(value, str):
        return str(value)
    if item.kind is ItemKind.PERSON:
        return staff.get(value, value)
    if item.kind is ItemKind.DATE:
        try:
            return german_day(date.fromisoformat(value))
        except ValueError:
            return value
    if item.kind is ItemKind.CHOICE:
        return next((c.label_de for c in item.choices if c.id == value), value)
    return value.replace("\n", " ")


def _item_view(
    state: AppointmentState, s: ItemStatus, staff: dict[str, str], versions: dict[str, int]
) -> ItemView:
    answer, blocks = s.answer, s.item.blocks
    by = answer.answered_by if answer is not None else None
    return ItemView(
        status=s,
        display=None if answer is None else _display(s.item, answer.value, staff),
        answered_by_name=staff.get(by, by) if by else None,
        answered_checklist_version=versions.get(s.item.id),
        blocking=blocks is not None and s in state.status.blockers(blocks),
    )


def checklist_view(session: Session, appointment_id: str, today: date) -> ChecklistView:
    wf = session.workflow
    state = wf.state(appointment_id, today)
    staff = session.staff.names()
    versions = {k: v.checklist_version for k, v in wf.answers(appointment_id).items()}
    done, total = state.progress()
    phases = tuple(
        PhaseView(
            phase,
            *state.progress(phase),
            tuple(
                _item_view(state, s, staff, versions)
                for s in state.status.items
                if s.item.phase is phase
            ),
        )
        for phase in Phase
    )
    return ChecklistView(
        appointment=session.appointments.views([state.appointment])[0],
        today=today,
        checklists=tuple(state.checklists),
        done=done,
        total=total,
        phases=phases,
        steps=state.options.steps,
        conduct=state.conduct,
        consents=tuple(sorted(state.consents, key=lambda k: k.value)),
        timeline=state.timeline,
        calls=tuple(state.calls),
        warnings=tuple(state.warnings),
    )
