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


Later = str  # an appointment listed further down, by id: read when it is shown (`with_progress`)
Letter = tuple[AppointmentView, LetterWindow]
LaterLetter = tuple[str, LetterWindow]  # a letter due further down: its appointment by id


@dataclass(frozen=True)
class TodayOverview:
    """What Heute lists. With `today_overview(…, first=n)` each list holds its first n entries
    read and the rest as ids (`Later`), made ready by `with_progress`/`as_views` when shown."""

    today: list[Entry | Later]
    upcoming: list[Entry | Later]
    letters_due: list[Letter | LaterLetter]
    follow_up_open: list[Entry | Later]  # outcomes whose follow-up is not closed, however old
    overdue: list[AppointmentView]
    without_protocol: list[AppointmentView | Later] = field(default_factory=list)
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


OPEN = [AppointmentStatus.PLANNED, AppointmentStatus.IN_PROGRESS]  # not yet an outcome
OUTCOMES_WITH_FOLLOW_UP = [
    AppointmentStatus.DONE,
    AppointmentStatus.HELD_NEARBY,
    AppointmentStatus.ENDED_AT_DOOR,
    AppointmentStatus.BROKEN_OFF,
]


def _views(session: Session, ids: Sequence[str]) -> dict[str, AppointmentView]:
    """The views of these appointments by id, read in bulk (gone ones missing)."""
    return {v.appointment.id: v for v in session.appointments.views_of(ids)}


def with_progress(
    session: Session, items: Sequence[Entry | Later], today: date, phase: Phase | None = None
) -> list[Entry]:
    """`items` ready to show: their views and progress (of `phase` for those given by id),
    what is not read yet read in bulk — a list shows its first rows so and the next ones as
    they are shown."""
    views = _views(session, [i for i in items if isinstance(i, str)])
    entries = [Entry(views[i], phase=phase) if isinstance(i, str) else i for i in items
               if not isinstance(i, str) or i in views]  # fmt: skip
    known = [e.view.appointment for e in entries if not e.evaluated]  # just read: not again
    states = session.workflow.states([a.id for a in known], today, known) if known else {}

    def evaluated(e: Entry) -> Entry:
        if e.evaluated:
            return e
        done, total = states[e.view.appointment.id].progress(e.phase)
        return Entry(e.view, done, total, e.phase)

    return [evaluated(e) for e in entries]


def as_views(session: Session, items: Sequence[AppointmentView | Later]) -> list[AppointmentView]:
    """`items` as views, those given by id read in bulk (gone ones left out)."""
    views = _views(session, [i for i in items if isinstance(i, str)])
    return [i if not isinstance(i, str) else views[i] for i in items
            if not isinstance(i, str) or i in views]  # fmt: skip


def today_overview(session: Session, today: date, first: int | None = None) -> TodayOverview:
    """What Heute lists. Each list's first `first` entries are read with their progress (all
    when None); the rest stay ids until shown: reading thousands of listed appointments and
    their checklists would take seconds."""
    appointments = session.appointments
    start = datetime.combine(today, time.min)
    tomorrow = start + timedelta(days=1)
    gone = (AppointmentStatus.CANCELLED, AppointmentStatus.POSTPONED)
    on_day = appointments.ids_between(start, tomorrow, [s for s in AppointmentStatus
                                                        if s not in gone])  # fmt: skip
    coming = appointments.ids_between(tomorrow, tomorrow + timedelta(days=UPCOMING_DAYS), OPEN)
    recent = appointments.open_follow_up_ids(OUTCOMES_WITH_FOLLOW_UP, tomorrow)
    todays, upcoming, follow_up_open = _heads_read(
        session, today, first, [(on_day, None), (coming, None),
                                ([i for i, _client in recent], Phase.FOLLOW_UP)],
    )  # fmt: skip
    return TodayOverview(
        todays,
        upcoming,
        _letters(session, today, first),
        follow_up_open,
        _overdue(session, start),
        _without_protocol(session, recent, first),
        _drafts(session),
    )


def _heads_read(
    session: Session, today: date, first: int | None, lists: list[tuple[list[str], Phase | None]]
) -> list[list[Entry | Later]]:
    """Each list of ids with its first `first` (all when None) read with their progress, in one
    bulk read for all the lists; the rest stay ids."""
    cut = [ids if first is None else ids[:first] for ids, _phase in lists]
    views = _views(session, [i for head in cut for i in head])
    entries = [Entry(views[i], phase=phase) for head, (_ids, phase) in zip(cut, lists, strict=True)
               for i in head if i in views]  # fmt: skip
    read = iter(with_progress(session, entries, today))
    return [
        [*(next(read) for i in head if i in views), *ids[len(head) :]]
        for head, (ids, _phase) in zip(cut, lists, strict=True)
    ]


def _letters(session: Session, today: date, first: int | None) -> list[Letter | LaterLetter]:
    due = session.workflow.letters_due_ids(today)
    n = len(due) if first is None else first
    return [*letters_as_views(session, due[:n]), *due[n:]]


def letters_as_views(session: Session, items: Sequence[Letter | LaterLetter]) -> list[Letter]:
    """Letters due with their appointments' views, those given by id read in bulk."""
    views = _views(session, [i for i, _w in items if isinstance(i, str)])
    return [(views[i] if isinstance(i, str) else i, w) for i, w in items
            if not isinstance(i, str) or i in views]  # fmt: skip


def _overdue(session: Session, start: datetime) -> list[AppointmentView]:
    appointments = session.appointments
    return appointments.views(
        appointments.by_status(OPEN, start - timedelta(days=OVERDUE_DAYS), start)
    )


def _without_protocol(
    session: Session, recent: list[tuple[str, bool]], first: int | None
) -> list[AppointmentView | Later]:
    """Open follow-ups with a client, neither a memory protocol nor documented at the MAP."""
    ids = [i for i, _client in recent]
    documented = session.protocols.appointments_with_protocol(ids)
    documented |= session.workflow.documented_at_map(ids)
    missing = [i for i, client in recent if client and i not in documented]
    n = len(missing) if first is None else first
    return [*as_views(session, missing[:n]), *missing[n:]]


def _drafts(session: Session) -> list[DraftEntry]:
    open_drafts = session.protocols.drafts()
    names = {c.id: c.display_name for c in session.clients.many(p.client_id for p in open_drafts
                                                                 if p.client_id)}  # fmt: skip
    return [
        DraftEntry(p.id, p.met_at, p.approach, names.get(p.client_id or "", ""), p.topics)
        for p in open_drafts
    ]
