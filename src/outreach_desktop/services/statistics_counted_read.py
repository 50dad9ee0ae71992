"""Reading the statistics counted: the period's appointments as the database grouped them
(`StatisticsRepository.counted`, `counted_measures`: GROUP BY in SQL over the facts the triggers
keep), turned into the domain's counted rows (`domain.statistics_counted`). A few thousand
tuples for a hundred thousand appointments; the figures are the per-record path's
(`services.statistics_read`), tested equal on a real vault.

Whether a letter was in time is the domain's rule (`statistics.due_date`): the due dates of the
days that have home visits with letters are handed to the query, which compares each letter's
day with its visit's."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date, timedelta

from outreach_desktop.domain.home_visit import LetterKind, TimelineSettings
from outreach_desktop.domain.protocols import SuccessRating
from outreach_desktop.domain.statistics import AnonymousFacts, due_date
from outreach_desktop.domain.statistics_counted import (
    Counted,
    CountedAppointments,
    CountedMeasures,
    Where,
)
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.storage.statistics_repo import StatisticsRepository

_APPROACH = {a.value: a for a in Approach}
_STATUS = {s.value: s for s in AppointmentStatus}
_RATING: dict[str | None, SuccessRating | None] = {r.value: r for r in SuccessRating}
_RATING[None] = None
_BOOLEAN = {"true": True, "false": False}  # JSON, as the workflow stores a yes/no answer


def due_dates(repo: StatisticsRepository, period: Period, settings: TimelineSettings) -> str:
    """JSON {visit day: [announcement due, reminder due]} for every day from the first to the
    last home visit with a letter in the period."""
    first, last = repo.letter_days(period.first_iso, period.after_last_iso)
    if first is None or last is None:
        return "{}"
    day, end, due = date.fromisoformat(first), date.fromisoformat(last), {}
    while day <= end:
        kinds = (LetterKind.ANNOUNCEMENT, LetterKind.REMINDER)
        due[day.isoformat()] = [due_date(kind, day, settings).isoformat() for kind in kinds]
        day += timedelta(days=1)
    return json.dumps(due)


class _Keys:
    """The group keys of the rows, each made once (many rows share them)."""

    def __init__(self) -> None:
        self.wheres: dict[tuple[str, str, str], Where] = {}
        self.follow_ups: dict[str, frozenset[AppointmentStatus]] = {}

    def where(self, approach: str, month: str, staff: str) -> Where:
        key = (approach, month, staff)
        found = self.wheres.get(key)
        if found is None:
            ids = tuple(staff.split(",")) if staff else ()
            found = self.wheres[key] = Where(_APPROACH[approach], month, ids)
        return found

    def statuses(self, text: str) -> frozenset[AppointmentStatus]:
        found = self.follow_ups.get(text)
        if found is None:
            statuses = (_STATUS[s] for s in text.split(",")) if text else ()
            found = self.follow_ups[text] = frozenset(statuses)
        return found


def _json(raw: str | None) -> object:
    if raw is None:
        return None
    return _BOOLEAN[raw] if raw in _BOOLEAN else json.loads(raw)


def read_counted(
    repo: StatisticsRepository,
    period: Period,
    items: Collection[str],
    settings: TimelineSettings,
    staff: bool = False,
) -> Counted:
    """The period's appointments counted, grouped by approach and by month, or by staff if
    asked (then `Where.month` stays empty, otherwise `Where.staff_ids`); `items`: the
    checklists' yes/no success items."""
    first, after = period.first_iso, period.after_last_iso
    keys, appointments = _Keys(), []
    due = due_dates(repo, period, settings)
    for row in repo.counted(first, after, due, staff):
        (approach, status, anonymous, first_meeting, follow_ups, success, calls, in_month,
         staff_ids, *sums) = row  # fmt: skip
        where = keys.where(approach, in_month, staff_ids)
        appointments.append(CountedAppointments(
            where, _STATUS[status], bool(anonymous), bool(first_meeting),
            keys.statuses(follow_ups), _RATING[success], calls, *sums))  # fmt: skip
    measures = []
    for approach, in_month, staff_ids, item_id, raw, occasion, number in repo.counted_measures(
        first, after, items, staff
    ):
        answer, chosen = _json(raw), _json(occasion)
        if isinstance(answer, bool):
            measures.append(CountedMeasures(
                keys.where(approach, in_month, staff_ids), item_id, answer,
                chosen if isinstance(chosen, str) else "", number))  # fmt: skip
    return Counted(appointments, measures)


def read_anonymous(repo: StatisticsRepository, period: Period) -> list[AnonymousFacts]:
    """The period's anonymous counselling."""
    return [
        AnonymousFacts(date.fromisoformat(day), _APPROACH[approach], minutes,
                       tuple(json.loads(staff_ids)))
        for day, approach, minutes, staff_ids in repo.anonymous(period.first_iso,
                                                                period.after_last_iso)
    ]  # fmt: skip
