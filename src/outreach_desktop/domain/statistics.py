"""What the outreach work achieves, counted: the figures of a period per approach, month or staff.

API (stable; the GUI page, the CLI, the report and the CSV use only this and
`statistics_table`):

- Input records (plain tuples, read in bulk by `services.statistics`):
  `AppointmentFacts` — one per appointment whose day lies in the period, with what the vault
  knows of it (outcome, staff, follow-ups, real time, home-visit letters and calls, the
  protocol's success rating, the checklist's success answers); `AnonymousFacts` — one per
  anonymous counselling (no client, no content).
- `compute(appointments, anonymous, period, by, settings)` → `Statistics`: `total` (`Figures`)
  and `groups` (key → `Figures`, in `order`). `by` is a `Grouping`: none, approach, month, staff
  (an appointment of two staff members counts for each of them, once in the total).
- `Figures`: plain counts (ints) and sums of minutes; rates are properties
  (`follow_up_rate`, `follow_up_kept_rate`, `entered_share`, `at_door_share`) and None where
  there is nothing to divide by.

Pure: no storage, no clock; the period and the timeline settings are passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from outreach_desktop.domain.home_visit import (
    DEFAULT_SETTINGS,
    LetterKind,
    TimelineSettings,
    letter_window,
)
from outreach_desktop.domain.labels import QT_TRANSLATE_NOOP
from outreach_desktop.domain.protocols import SuccessRating
from outreach_desktop.domain.statistics_period import Period, month_key, months_in
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

S = AppointmentStatus
# The outcomes counted, in the order the table shows them; "carried out" = held (done, or a home
# visit held in the surroundings).
OUTCOME_ORDER = (S.DONE, S.HELD_NEARBY, S.ENDED_AT_DOOR, S.NOT_MET, S.BROKEN_OFF, S.POSTPONED,
                 S.CANCELLED)  # fmt: skip
CARRIED_OUT = frozenset((S.DONE, S.HELD_NEARBY))
# A home visit that took place at all: inside, in the surroundings, or at the door.
VISIT_TOOK_PLACE = frozenset((S.DONE, S.HELD_NEARBY, S.ENDED_AT_DOOR))


class Grouping(StrEnum):
    NONE = "none"
    APPROACH = "approach"
    MONTH = "month"
    STAFF = "staff"

    @property
    def label_de(self) -> str:
        return {
            Grouping.NONE: QT_TRANSLATE_NOOP("Labels", "Gesamt"),
            Grouping.APPROACH: QT_TRANSLATE_NOOP("Labels", "Handlungsansatz"),
            Grouping.MONTH: QT_TRANSLATE_NOOP("Labels", "Monat"),
            Grouping.STAFF: QT_TRANSLATE_NOOP("Labels", "Mitarbeitende"),
        }[self]


class AppointmentFacts(NamedTuple):
    """One appointment as the statistics sees it: no name, no place, no text."""

    approach: Approach
    day: date  # the appointment's day (its start)
    status: AppointmentStatus
    staff_ids: tuple[str, ...] = ()
    anonymous: bool = False  # no client (anonymous Walk and Talk)
    first_meeting: bool = False
    follow_ups: tuple[AppointmentStatus, ...] = ()  # statuses of its planned follow-ups
    planned_min: int = 0
    buffer_min: int = 0
    real_min: int | None = None  # really begun to outcome (conduct), where recorded
    entered_home: bool = False
    failed_calls: int = 0  # failed phone attempts on or before the visit's day
    announcement_on: date | None = None
    reminder_on: date | None = None
    agreed_by_phone: bool = False
    success: SuccessRating | None = None  # its memory protocol's rating, if there is one
    measures: tuple[tuple[str, bool], ...] = ()  # success items of the checklist: id, answer
    occasion: str = ""  # home visit: the checklist's "Anlass" choice id


class AnonymousFacts(NamedTuple):
    day: date
    approach: Approach
    duration_min: int
    staff_ids: tuple[str, ...] = ()


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Figures:
    """The counts of one group (or of the whole period)."""

    appointments: int = 0  # every appointment of the period, whatever its state
    open: int = 0  # planned or in progress: no outcome yet
    outcomes: dict[AppointmentStatus, int] = field(
        default_factory=lambda: dict.fromkeys(OUTCOME_ORDER, 0)
    )
    first_meetings: int = 0
    anonymous_appointments: int = 0
    anonymous_counselling: int = 0  # records of anonymous counselling (no appointment)
    anonymous_minutes: int = 0
    carried_out: int = 0
    follow_up_planned: int = 0  # carried out, with at least one follow-up appointment
    follow_up_kept: int = 0  # carried out, with a follow-up that was carried out too
    success: dict[SuccessRating, int] = field(
        default_factory=lambda: dict.fromkeys(SuccessRating, 0)
    )
    measures: dict[str, list[int]] = field(default_factory=dict)  # key → [yes, no]
    timed: int = 0  # appointments with a real begin and end
    real_minutes: int = 0  # their real begin–end plus their buffer
    planned_minutes: int = 0  # the same appointments as planned (duration plus buffer)
    home_visits: int = 0  # home visits that took place (inside, surroundings, door)
    entered: int = 0
    at_door: int = 0
    failed_calls: int = 0  # before the visits of the period (all home visits)
    visits_after_failed_calls: int = 0
    letters: dict[LetterKind, list[int]] = field(
        default_factory=lambda: {kind: [0, 0] for kind in LetterKind}
    )  # kind → [sent, sent in time]

    @property
    def follow_up_rate(self) -> float | None:
        return _ratio(self.follow_up_planned, self.carried_out)

    @property
    def follow_up_kept_rate(self) -> float | None:
        return _ratio(self.follow_up_kept, self.carried_out)

    @property
    def entered_share(self) -> float | None:
        return _ratio(self.entered, self.home_visits)

    @property
    def at_door_share(self) -> float | None:
        return _ratio(self.at_door, self.home_visits)


_COUNTS = tuple(f.name for f in fields(Figures) if f.type in ("int", int))


@dataclass(frozen=True)
class Statistics:
    period: Period
    by: Grouping
    total: Figures
    groups: dict[str, Figures]  # key → figures; keys in `order`
    order: tuple[str, ...]


def measure_key(item_id: str, occasion: str = "") -> str:
    """Key of a success item's counts; a home visit's also per its occasion ("item@occasion")."""
    return f"{item_id}@{occasion}" if occasion else item_id


def _count_measures(fig: Figures, fact: AppointmentFacts) -> None:
    for item_id, answer in fact.measures:
        keys = [item_id]
        if fact.occasion:
            keys.append(measure_key(item_id, fact.occasion))
        for key in keys:
            fig.measures.setdefault(key, [0, 0])[0 if answer else 1] += 1


@lru_cache(maxsize=4096)
def due_date(kind: LetterKind, visit_day: date, settings: TimelineSettings) -> date:
    return letter_window(kind, visit_day, settings).due


def _count_home_visit(fig: Figures, fact: AppointmentFacts, settings: TimelineSettings) -> None:
    fig.failed_calls += fact.failed_calls
    fig.visits_after_failed_calls += fact.failed_calls > 0
    if fact.status in VISIT_TOOK_PLACE:
        fig.home_visits += 1
        # a home visit is "done" only inside the home (conduct.outcome_problems: NOT_INSIDE,
        # WENT_INSIDE): the outcome says where it took place
        fig.entered += fact.status is S.DONE
        fig.at_door += fact.status is S.ENDED_AT_DOOR
    for kind, sent in ((LetterKind.ANNOUNCEMENT, fact.announcement_on),
                       (LetterKind.REMINDER, fact.reminder_on)):  # fmt: skip
        if sent is not None:
            counts = fig.letters[kind]
            counts[0] += 1
            counts[1] += sent <= due_date(kind, fact.day, settings)


def add_appointment(fig: Figures, fact: AppointmentFacts, settings: TimelineSettings) -> None:
    """Count one appointment into `fig`."""
    fig.appointments += 1
    status = fact.status
    if status in fig.outcomes:
        fig.outcomes[status] += 1
    else:
        fig.open += 1
    fig.first_meetings += fact.first_meeting
    fig.anonymous_appointments += fact.anonymous
    if status in CARRIED_OUT:
        fig.carried_out += 1
        if fact.follow_ups:
            fig.follow_up_planned += 1
            fig.follow_up_kept += any(s in CARRIED_OUT for s in fact.follow_ups)
    if fact.success is not None:
        fig.success[fact.success] += 1
    if fact.measures:
        _count_measures(fig, fact)
    if fact.real_min is not None:
        fig.timed += 1
        fig.real_minutes += fact.real_min + fact.buffer_min
        fig.planned_minutes += fact.planned_min + fact.buffer_min
    if fact.approach is Approach.HOME_VISIT:
        _count_home_visit(fig, fact, settings)


def add_anonymous(fig: Figures, fact: AnonymousFacts) -> None:
    fig.anonymous_counselling += 1
    fig.anonymous_minutes += fact.duration_min


Keys = Callable[[AppointmentFacts | AnonymousFacts], Iterable[str]]


def group_keys(by: Grouping) -> Keys:
    """Which groups a record counts in."""
    if by is Grouping.APPROACH:
        return lambda f: (f.approach.value,)
    if by is Grouping.MONTH:
        return lambda f: (month_key(f.day),)
    if by is Grouping.STAFF:
        return lambda f: dict.fromkeys(f.staff_ids)  # each person once, in order
    return lambda f: ()


def default_order(by: Grouping, period: Period, seen: Iterable[str]) -> tuple[str, ...]:
    """Groups in the table's order: approaches as the agency lists them, every month of the
    period (empty ones too), staff in the order the caller's `seen` gives."""
    if by is Grouping.APPROACH:
        return tuple(a.value for a in Approach)
    if by is Grouping.MONTH:
        return tuple(months_in(period))
    return tuple(dict.fromkeys(seen))


def merged(figures: Iterable[Figures]) -> Figures:
    """The field-wise sum of `figures` (of records counted once each)."""
    total = Figures()
    for fig in figures:
        for name in _COUNTS:
            setattr(total, name, getattr(total, name) + getattr(fig, name))
        for status, n in fig.outcomes.items():
            total.outcomes[status] += n
        for rating, n in fig.success.items():
            total.success[rating] += n
        for key, (yes, no) in fig.measures.items():
            counts = total.measures.setdefault(key, [0, 0])
            counts[0], counts[1] = counts[0] + yes, counts[1] + no
        for kind, (sent, in_time) in fig.letters.items():
            counts = total.letters[kind]
            counts[0], counts[1] = counts[0] + sent, counts[1] + in_time
    return total


def assembled(
    period: Period, by: Grouping, total: Figures, groups: dict[str, Figures]
) -> Statistics:
    """The statistics of counted `groups`: every group the period shows (empty ones too) in
    their order, then any other seen, sorted."""
    order = default_order(by, period, sorted(groups))
    for key in order:
        groups.setdefault(key, Figures())
    order += tuple(k for k in sorted(groups) if k not in order)
    return Statistics(period, by, total, {k: groups[k] for k in order}, order)


def compute(
    appointments: Iterable[AppointmentFacts],
    anonymous: Iterable[AnonymousFacts],
    period: Period,
    by: Grouping = Grouping.NONE,
    settings: TimelineSettings = DEFAULT_SETTINGS,
) -> Statistics:
    """The figures of `period`: records outside it are left out (callers may pass more)."""
    total, groups = Figures(), dict[str, Figures]()
    keys = group_keys(by)
    # approaches and months divide the records: the total is the sum of the groups
    partition = by in (Grouping.APPROACH, Grouping.MONTH)
    first, last = period.first, period.last
    for fact in appointments:
        if not first <= fact.day <= last:
            continue
        if not partition:
            add_appointment(total, fact, settings)
        for key in keys(fact):
            fig = groups.get(key)
            if fig is None:
                fig = groups[key] = Figures()
            add_appointment(fig, fact, settings)
    for anon in anonymous:
        if not first <= anon.day <= last:
            continue
        if not partition:
            add_anonymous(total, anon)
        for key in keys(anon):
            add_anonymous(groups.setdefault(key, Figures()), anon)
    return assembled(period, by, merged(groups.values()) if partition else total, groups)
