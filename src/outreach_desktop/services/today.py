"""What the "Heute" screen shows: today's and upcoming appointments with checklist progress,
letters due, follow-ups still open, and appointments past their time without an outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from outreach_desktop.domain.checklists import Phase
from outreach_desktop.domain.home_visit import LetterWindow
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.appointments import AppointmentView
from outreach_desktop.services.session import Session

UPCOMING_DAYS = 14
OVERDUE_DAYS = 60


@dataclass(frozen=True)
class Entry:
    view: AppointmentView
    done: int  # required checklist points done (all phases, or the follow-up phase)
    total: int


@dataclass(frozen=True)
class TodayOverview:
    today: list[Entry]
    upcoming: list[Entry]
    letters_due: list[tuple[AppointmentView, LetterWindow]]
    follow_up_open: list[Entry]  # outcomes whose follow-up is not closed, however old
    overdue: list[AppointmentView]
    without_protocol: list[AppointmentView] = field(default_factory=list)
    drafts: list[DraftEntry] = field(default_factory=list)  # protocols not yet finalized

    @property
    def is_empty(self) -> bool:
        return not (self.today or self.upcoming or self.letters_due or self.follow_up_open
                    or self.overdue or self.without_protocol or self.drafts)  # fmt: skip


@dataclass(frozen=True)
class DraftEntry:
    protocol_id: str
    met_at: datetime
    approach: Approach
    client_name: str
    topics: str


OUTCOMES_WITH_FOLLOW_UP = [
    AppointmentStatus.DONE,
    AppointmentStatus.HELD_NEARBY,
    AppointmentStatus.ENDED_AT_DOOR,
    AppointmentStatus.BROKEN_OFF,
]


def today_overview(session: Session, today: date) -> TodayOverview:
    workflow, appointments = session.workflow, session.appointments
    start = datetime.combine(today, time.min)
    tomorrow = start + timedelta(days=1)

    gone = (AppointmentStatus.CANCELLED, AppointmentStatus.POSTPONED)
    on_day = [v for v in appointments.on_day(today) if v.appointment.status not in gone]
    coming = [
        v
        for v in appointments.upcoming(tomorrow, UPCOMING_DAYS)
        if not v.appointment.status.is_outcome
    ]
    recent = appointments.views(appointments.open_follow_ups(OUTCOMES_WITH_FOLLOW_UP, tomorrow))
    states = workflow.states((v.appointment.id for v in [*on_day, *coming, *recent]), today)

    def entry(view: AppointmentView, phase: Phase | None = None) -> Entry:
        done, total = states[view.appointment.id].progress(phase)
        return Entry(view, done, total)

    todays = [entry(v) for v in on_day]
    upcoming = [entry(v) for v in coming]
    follow_up_open = [entry(v, Phase.FOLLOW_UP) for v in recent]  # until closed
    at_map = {
        v.appointment.id for v in recent
        if states[v.appointment.id].conduct.map_documented_at is not None
    }  # fmt: skip
    due = workflow.letters_due(today)
    due_views = appointments.views([a for a, _w in due])
    letters = [(view, window) for view, (_a, window) in zip(due_views, due, strict=True)]
    overdue = appointments.views(
        appointments.by_status(
            [AppointmentStatus.PLANNED, AppointmentStatus.IN_PROGRESS],
            start - timedelta(days=OVERDUE_DAYS),
            start,
        )
    )
    with_protocol = session.protocols.appointments_with_protocol(v.appointment.id for v in recent)
    without_protocol = [
        v for v in recent
        if v.appointment.id not in with_protocol and v.appointment.id not in at_map
        and v.appointment.client_id is not None
    ]  # fmt: skip
    open_drafts = session.protocols.drafts()
    names = {c.id: c.display_name for c in session.clients.many(p.client_id for p in open_drafts
                                                                 if p.client_id)}  # fmt: skip
    drafts = [
        DraftEntry(p.id, p.met_at, p.approach, names.get(p.client_id or "", ""), p.topics)
        for p in open_drafts
    ]
    return TodayOverview(
        todays, upcoming, letters, follow_up_open, overdue, without_protocol, drafts
    )
