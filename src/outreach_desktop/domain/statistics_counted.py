"""The figures from counted records: appointments that share every fact the figures count by,
as one row with their number (`CountedAppointments`), so that a large vault is counted from a
few thousand rows the database grouped instead of one tuple per appointment.

API (stable): `compute_counted(counted, anonymous, period, by)` → `Statistics`, the same
figures `statistics.compute` gives for the records the rows count; `of_approach(counted,
approach)` keeps one approach's rows; `counted(facts, staff,
settings)` turns per-record facts into the rows (what the storage's grouped read does), the
bridge the property test crosses. `Counted` holds the two kinds of rows: appointments (with
their home-visit letters, sent and sent in time) and measures.

The rows of `counted` are those of the period (the reader keeps to it); the rules are the
per-record ones (`statistics.add_appointment`), applied to a row's facts times its `number`.
Whether a letter was in time (`statistics.due_date`) is decided per visit day before counting:
the reader compares each letter with the due date the domain gives for its visit's day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from outreach_desktop.domain.home_visit import DEFAULT_SETTINGS, LetterKind, TimelineSettings
from outreach_desktop.domain.protocols import SuccessRating
from outreach_desktop.domain.statistics import (
    CARRIED_OUT,
    VISIT_TOOK_PLACE,
    AnonymousFacts,
    AppointmentFacts,
    Figures,
    Grouping,
    Statistics,
    add_anonymous,
    assembled,
    due_date,
    measure_key,
    merged,
)
from outreach_desktop.domain.statistics_period import Period, month_key
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

S = AppointmentStatus


class Where(NamedTuple):
    """The group keys of a row: approach, month ("2026-03"), staff (who took part; empty when
    not grouped by staff)."""

    approach: Approach
    month: str
    staff_ids: tuple[str, ...] = ()


class CountedAppointments(NamedTuple):
    """`number` appointments with the same facts; `timed` of them with a real time, whose
    real minutes (plus buffer) and planned minutes (plus buffer) are summed; of home visits,
    how many had an announcement or reminder sent, and how many of those in time."""

    where: Where
    status: AppointmentStatus
    anonymous: bool
    first_meeting: bool
    follow_ups: frozenset[AppointmentStatus]  # the statuses of their follow-ups
    success: SuccessRating | None
    failed_calls: int  # each one's failed calls before the visit
    number: int
    timed: int = 0
    real_minutes: int = 0
    planned_minutes: int = 0
    announced: int = 0
    announced_in_time: int = 0
    reminded: int = 0
    reminded_in_time: int = 0


class CountedMeasures(NamedTuple):
    """`number` appointments answering success item `item_id` with `answer` (at `occasion`)."""

    where: Where
    item_id: str
    answer: bool
    occasion: str
    number: int


class Counted(NamedTuple):
    appointments: list[CountedAppointments]
    measures: list[CountedMeasures]


def add_counted(fig: Figures, row: CountedAppointments) -> None:
    """Count `row.number` appointments into `fig` (the rules of `statistics.add_appointment`)."""
    n, status = row.number, row.status
    fig.appointments += n
    if status in fig.outcomes:
        fig.outcomes[status] += n
    else:
        fig.open += n
    fig.first_meetings += n * row.first_meeting
    fig.anonymous_appointments += n * row.anonymous
    if status in CARRIED_OUT:
        fig.carried_out += n
        if row.follow_ups:
            fig.follow_up_planned += n
            fig.follow_up_kept += n * any(s in CARRIED_OUT for s in row.follow_ups)
    if row.success is not None:
        fig.success[row.success] += n
    fig.timed += row.timed
    fig.real_minutes += row.real_minutes
    fig.planned_minutes += row.planned_minutes
    if row.where.approach is Approach.HOME_VISIT:
        fig.failed_calls += n * row.failed_calls
        fig.visits_after_failed_calls += n * (row.failed_calls > 0)
        announced, reminded = fig.letters[LetterKind.ANNOUNCEMENT], fig.letters[LetterKind.REMINDER]
        announced[0] += row.announced
        announced[1] += row.announced_in_time
        reminded[0] += row.reminded
        reminded[1] += row.reminded_in_time
        if status in VISIT_TOOK_PLACE:
            fig.home_visits += n
            fig.entered += n * (status is S.DONE)
            fig.at_door += n * (status is S.ENDED_AT_DOOR)


def add_measures(fig: Figures, row: CountedMeasures) -> None:
    keys = [row.item_id]
    if row.occasion:
        keys.append(measure_key(row.item_id, row.occasion))
    for key in keys:
        fig.measures.setdefault(key, [0, 0])[0 if row.answer else 1] += row.number


def _keys(by: Grouping, where: Where) -> Iterable[str]:
    if by is Grouping.APPROACH:
        return (where.approach.value,)
    if by is Grouping.MONTH:
        return (where.month,)
    if by is Grouping.STAFF:
        return dict.fromkeys(where.staff_ids)
    return ()


def compute_counted(
    rows: Counted,
    anonymous: Iterable[AnonymousFacts],
    period: Period,
    by: Grouping = Grouping.NONE,
) -> Statistics:
    """The figures of `period` from counted rows (all of the period) and anonymous records."""
    total, groups = Figures(), dict[str, Figures]()
    partition = by in (Grouping.APPROACH, Grouping.MONTH)

    def figures(where: Where) -> list[Figures]:
        found = [groups.get(k) or groups.setdefault(k, Figures()) for k in _keys(by, where)]
        return found if partition else [total, *found]

    for row in rows.appointments:
        for fig in figures(row.where):
            add_counted(fig, row)
    for measures in rows.measures:
        for fig in figures(measures.where):
            add_measures(fig, measures)
    for anon in anonymous:
        if period.first <= anon.day <= period.last:
            for fig in figures(Where(anon.approach, month_key(anon.day), anon.staff_ids)):
                add_anonymous(fig, anon)
    return assembled(period, by, merged(groups.values()) if partition else total, groups)


def of_approach(rows: Counted, approach: Approach | None) -> Counted:
    """Only the rows of `approach` (all of them for None)."""
    if approach is None:
        return rows
    return Counted([r for r in rows.appointments if r.where.approach is approach],
                   [r for r in rows.measures if r.where.approach is approach])  # fmt: skip


def _letter_sums(fact: AppointmentFacts, settings: TimelineSettings) -> list[int]:
    """[announced, in time, reminded, in time] of one appointment (home visits only)."""
    sums = [0, 0, 0, 0]
    if fact.approach is Approach.HOME_VISIT:
        for at, kind, sent in ((0, LetterKind.ANNOUNCEMENT, fact.announcement_on),
                               (2, LetterKind.REMINDER, fact.reminder_on)):  # fmt: skip
            if sent is not None:
                sums[at] += 1
                sums[at + 1] += sent <= due_date(kind, fact.day, settings)
    return sums


def counted(
    facts: Iterable[AppointmentFacts],
    staff: bool = True,
    settings: TimelineSettings = DEFAULT_SETTINGS,
) -> Counted:
    """Per-record facts as counted rows (what the grouped read gives): the reference bridge."""
    appointments: dict[tuple[object, ...], list[int]] = {}
    measures: Counter[CountedMeasures] = Counter()
    for fact in facts:
        where = Where(fact.approach, month_key(fact.day), fact.staff_ids if staff else ())
        calls = fact.failed_calls if fact.approach is Approach.HOME_VISIT else 0
        key = (where, fact.status, fact.anonymous, fact.first_meeting, frozenset(fact.follow_ups),
               fact.success, calls)  # fmt: skip
        sums = appointments.setdefault(key, [0] * 8)
        sums[0] += 1
        if fact.real_min is not None:
            sums[1] += 1
            sums[2] += fact.real_min + fact.buffer_min
            sums[3] += fact.planned_min + fact.buffer_min
        for at, n in enumerate(_letter_sums(fact, settings), start=4):
            sums[at] += n
        for item_id, answer in fact.measures:
            measures[CountedMeasures(where, item_id, answer, fact.occasion, 0)] += 1
    return Counted(
        [CountedAppointments(*key, *sums) for key, sums in appointments.items()],  # type: ignore[arg-type]
        [row._replace(number=n) for row, n in measures.items()],
    )
