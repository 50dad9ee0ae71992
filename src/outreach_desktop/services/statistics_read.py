"""Reading the statistics' records one by one: the period's appointments from one covering
index, then each side table once, kept where it belongs to one of them; then one plain tuple
(`AppointmentFacts`) per appointment. No query per appointment, but Python work per record: the
figures are counted from the grouped read (`statistics_counted_read`); this is what
`StatisticsService.facts` gives for own charts, and the reference the grouped read is tested
against."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from outreach_desktop.domain.conduct import minutes_between
from outreach_desktop.domain.home_visit import LetterKind
from outreach_desktop.domain.protocols import SuccessRating
from outreach_desktop.domain.statistics import AnonymousFacts, AppointmentFacts
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.statistics_counted_read import read_anonymous
from outreach_desktop.storage.statistics_repo import StatisticsRepository

OCCASION_ITEM = "hv.occasion"
_APPROACH = {a.value: a for a in Approach}
_STATUS = {s.value: s for s in AppointmentStatus}
_RATING = {r.value: r for r in SuccessRating}
_LETTER = {k.value: k for k in LetterKind}
_BOOLEAN = {"true": True, "false": False}  # JSON, as the workflow stores a yes/no answer


# Positions in a slot: the fields of `AppointmentFacts`, filled in place as the tables are read.
(_APPROACH_AT, _DAY, _STATUS_AT, _STAFF, _ANONYMOUS, _FIRST, _FOLLOW_UPS, _PLANNED, _BUFFER,
 _REAL, _ENTERED, _CALLS, _ANNOUNCED, _REMINDED, _AGREED, _SUCCESS, _MEASURES,
 _OCCASION) = range(18)  # fmt: skip
_LETTER_AT = {"announcement": _ANNOUNCED, "reminder": _REMINDED}


class Side:
    """One slot (a list in `AppointmentFacts`' field order) per appointment of the period;
    each side table is read once and written into the slots of its appointments."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        days: dict[str, date] = {}
        self.slots: dict[str, list[Any]] = {}
        self.days: dict[str, str] = {}  # appointment id → ISO day of its start
        for aid, approach, start, status, anonymous, first_meeting, planned, buffer in rows:
            iso = start[:10]
            day = days.get(iso) or days.setdefault(iso, date.fromisoformat(iso))
            self.days[aid] = iso
            self.slots[aid] = [_APPROACH[approach], day, _STATUS[status], (), bool(anonymous),
                               bool(first_meeting), (), planned, buffer, None, False, 0, None,
                               None, False, None, (), ""]  # fmt: skip

    def read(self, repo: StatisticsRepository, items: Collection[str], staff: bool) -> None:
        slots, days = self.slots, self.days
        if staff:
            for aid, person in repo.staff():
                if (slot := slots.get(aid)) is not None:
                    slot[_STAFF] += (person,)
        for aid, status in repo.follow_ups():
            if (slot := slots.get(aid)) is not None:
                slot[_FOLLOW_UPS] += (_STATUS[status],)
        for aid, day, failed, agreed in repo.calls():
            if (slot := slots.get(aid)) is not None:
                # failed attempts on or before the visit's day (home_visit.count_failed_calls)
                slot[_CALLS] += bool(failed) and day <= days[aid]
                slot[_AGREED] = slot[_AGREED] or bool(agreed)
        for aid, kind, sent in repo.letters():
            if (slot := slots.get(aid)) is not None:
                slot[_LETTER_AT[kind]] = date.fromisoformat(sent)
        for aid, rating in repo.success():  # each appointment's latest last
            if (slot := slots.get(aid)) is not None:
                slot[_SUCCESS] = _RATING[rating]
        for aid, begun, ended, entered in repo.conducts():
            if (slot := slots.get(aid)) is not None:
                slot[_REAL], slot[_ENTERED] = _minutes(begun, ended), bool(entered)
        self._answers(repo, items)

    def _answers(self, repo: StatisticsRepository, items: Collection[str]) -> None:
        for aid, item_id, raw in repo.answers([*items, OCCASION_ITEM]):
            if (slot := self.slots.get(aid)) is None:
                continue
            value = _BOOLEAN[raw] if raw in _BOOLEAN else json.loads(raw)
            if item_id == OCCASION_ITEM:
                slot[_OCCASION] = value if isinstance(value, str) else ""
            elif isinstance(value, bool):
                slot[_MEASURES] += ((item_id, value),)

    def facts(self) -> list[AppointmentFacts]:
        make = AppointmentFacts._make
        return [make(slot) for slot in self.slots.values()]


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
    side = Side(repo.appointments(first, after))
    side.read(repo, items, staff)
    return side.facts(), read_anonymous(repo, period)
