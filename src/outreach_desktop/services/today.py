"""What the "Heute" screen shows: today's and upcoming appointments with checklist progress,
letters due, follow-ups still open, and appointments past their time without an outcome."""

from __future__ import annotations

from collections.abc import Sequence
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
    """An appointment listed with its progress: required checklist points done of all (all
    phases, or the follow-up phase); None for both until evaluated (`with_progress`)."""

    view: AppointmentView
    done: int | None = None
    total: int | None = None
    phase: Phase | None = None  # the phase the progress counts

    @property
    def evaluated(self) -> bool:
        return self.total is not None


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


def with_progress(session: Session, entries: Sequence[Entry], today: date) -> list[Entry]:
    """`entries` with their progress, the ones not yet evaluated read in bulk: a list shows
    its first rows evaluated and evaluates more as they are shown."""
    wanted = [e.view.appointment.id for e in entries if not e.evaluated]
    states = session.workflow.states(wanted, today) if wanted else {}

    def evaluated(e: Entry) -> Entry:
        if e.evaluated:
            return e
        done, total = states[e.view.appointment.id].progress(e.phase)
        return Entry(e.view, done, total, e.phase)

    return [evaluated(e) for e in entries]


def today_overview(session: Session, today: date, first: int | None = None) -> TodayOverview:
    """What Heute lists. Each list's first `first` entries come with their progress (all when
    None); the rest are evaluated as they are shown (`with_progress`): reading the checklists
    of thousands of listed appointments would take seconds."""
    appointments = session.appointments
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
    lists = [
        [Entry(v) for v in on_day],
        [Entry(v) for v in coming],
        [Entry(v, phase=Phase.FOLLOW_UP) for v in recent],  # until closed
    ]
    heads = [entries if first is None else entries[:first] for entries in lists]
    evaluated = iter(with_progress(session, [e for head in heads for e in head], today))
    todays, upcoming, follow_up_open = (
        [*(next(evaluated) for _ in head), *entries[len(head) :]]
        for head, entries in zip(heads, lists, strict=True)
    )  # one bulk read for the heads of the three lists
    return TodayOverview(
        todays, upcoming, _letters(session, today), follow_up_open,
        _overdue(session, start), _without_protocol(session, recent), _drafts(session),
    )  # fmt: skip


def _letters(session: Session, today: date) -> list[tuple[AppointmentView, LetterWindow]]:
    due = session.workflow.letters_due(today)
    due_views = session.appointments.views([a for a, _w in due])
    return [(view, window) for view, (_a, window) in zip(due_views, due, strict=True)]


def _overdue(session: Session, start: datetime) -> list[AppointmentView]:
    appointments = session.appointments
    return appointments.views(
        appointments.by_status(
            [AppointmentStatus.PLANNED, AppointmentStatus.IN_PROGRESS],
            start - timedelta(days=OVERDUE_DAYS),
            start,
        )
    )


def _without_protocol(session: Session, recent: list[AppointmentView]) -> list[AppointmentView]:
    """Open follow-ups with a client, neither a memory protocol nor documented at the MAP."""
    ids = [v.appointment.id for v in recent]
    documented = session.protocols.appointments_with_protocol(ids)
    documented |= session.workflow.documented_at_map(ids)
    return [
        v for v in recent
        if v.appointment.id not in documented and v.appointment.client_id is not None
    ]  # fmt: skip


def _drafts(session: Session) -> list[DraftEntry]:
    open_drafts = session.protocols.drafts()
    names = {c.id: c.display_name for c in session.clients.many(p.client_id for p in open_drafts
                                                                 if p.client_id)}  # fmt: skip
    return [
        DraftEntry(p.id, p.met_at, p.approach, names.get(p.client_id or "", ""), p.topics)
        for p in open_drafts
    ]
