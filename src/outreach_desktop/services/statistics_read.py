"""Reading the statistics' records in bulk: the period's appointments from one covering index,
then each side table once, kept where it belongs to one of them; then one plain tuple
(`AppointmentFacts`) per appointment. No query per appointment."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from outreach_desktop.domain.conduct import minutes_between
from outreach_desktop.domain.home_visit import LetterKind
from outreach_desktop.domain.protocols import SuccessRating
from outreach_desktop.domain.statistics import AnonymousFacts, AppointmentFacts
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.storage.statistics_repo import StatisticsRepository

OCCASION_ITEM = "hv.occasion"
_APPROACH = {a.value: a for a in Approach}
_STATUS = {s.value: s for s in AppointmentStatus}
_RATING = {r.value: r for r in SuccessRating}
_LETTER = {k.value: k for k in LetterKind}
_BOOLEAN = {"true": True, "false": False}  # JSON, as the workflow stores a yes/no answer


class Side:
    """What hangs on the period's appointments, by appointment id."""

    def __init__(self, visit_days: dict[str, str]) -> None:
        self.days = visit_days  # appointment id → ISO day of its start
        self.staff: dict[str, list[str]] = defaultdict(list)
        self.follow_ups: dict[str, list[AppointmentStatus]] = defaultdict(list)
        self.calls: dict[str, int] = defaultdict(int)
        self.agreed: set[str] = set()
        self.letters: dict[str, dict[LetterKind, date]] = defaultdict(dict)
        self.success: dict[str, SuccessRating] = {}
        self.measures: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        self.occasion: dict[str, str] = {}
        self.conduct: dict[str, tuple[int | None, bool]] = {}  # real minutes, entered home

    def read(self, repo: StatisticsRepository, items: Collection[str], staff: bool) -> None:
        days = self.days
        if staff:
            for aid, person in repo.staff():
                if aid in days:
                    self.staff[aid].append(person)
        for aid, status in repo.follow_ups():
            if aid in days:
                self.follow_ups[aid].append(_STATUS[status])
        for aid, day, failed, agreed in repo.calls():
            if aid in days:
                # failed attempts on or before the visit's day (home_visit.count_failed_calls)
                self.calls[aid] += bool(failed) and day <= days[aid]
                if agreed:
                    self.agreed.add(aid)
        for aid, kind, sent in repo.letters():
            if aid in days:
                self.letters[aid][_LETTER[kind]] = date.fromisoformat(sent)
        self.success = {aid: _RATING[r] for aid, r in repo.success() if aid in days}
        for aid, begun, ended, entered in repo.conducts():
            if aid in days:
                self.conduct[aid] = (_minutes(begun, ended), bool(entered))
        self._answers(repo, items)

    def _answers(self, repo: StatisticsRepository, items: Collection[str]) -> None:
        for aid, item_id, raw in repo.answers([*items, OCCASION_ITEM]):
            if aid not in self.days:
                continue
            value = _BOOLEAN[raw] if raw in _BOOLEAN else json.loads(raw)
            if item_id == OCCASION_ITEM:
                self.occasion[aid] = value if isinstance(value, str) else ""
            elif isinstance(value, bool):
                self.measures[aid].append((item_id, value))


def _minutes(begun: str | None, ended: str | None) -> int | None:
    if begun is None or ended is None:
        return None
    return minutes_between(datetime.fromisoformat(begun), datetime.fromisoformat(ended))


def read_facts(
    repo: StatisticsRepository, period: Period, items: Collection[str], staff: bool = True
) -> tuple[list[AppointmentFacts], list[AnonymousFacts]]:
    """The period's records as the domain counts them. `items`: the checklists' yes/no success
    items; `staff`: read who took part (only grouping by staff needs it)."""
    first, after = period.first_iso, period.after_last_iso
    rows = repo.appointments(first, after)
    side = Side({row[0]: row[2][:10] for row in rows})
    side.read(repo, items, staff)
    appointments = [_appointment(row, side) for row in rows]
    anonymous = [
        AnonymousFacts(date.fromisoformat(day), _APPROACH[approach], minutes,
                       tuple(json.loads(staff_ids)))
        for day, approach, minutes, staff_ids in repo.anonymous(first, after)
    ]  # fmt: skip
    return appointments, anonymous


def _appointment(row: tuple[Any, ...], side: Side) -> AppointmentFacts:
    aid, approach, _start, status, anonymous, first_meeting, planned, buffer = row
    letters = side.letters.get(aid)
    real, entered = side.conduct.get(aid, (None, False))
    return AppointmentFacts(
        _APPROACH[approach],
        date.fromisoformat(side.days[aid]),
        _STATUS[status],
        tuple(side.staff[aid]) if aid in side.staff else (),
        bool(anonymous),
        bool(first_meeting),
        tuple(side.follow_ups[aid]) if aid in side.follow_ups else (),
        planned,
        buffer,
        real,
        entered,
        side.calls.get(aid, 0),
        letters.get(LetterKind.ANNOUNCEMENT) if letters else None,
        letters.get(LetterKind.REMINDER) if letters else None,
        aid in side.agreed,
        side.success.get(aid),
        tuple(side.measures[aid]) if aid in side.measures else (),
        side.occasion.get(aid, ""),
    )
