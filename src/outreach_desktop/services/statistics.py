"""The statistics of a vault: what outreach achieves, counted without naming anyone.

API (stable; `session.statistics` is one of these):

- `compute(period, by=Grouping.NONE)` → `domain.statistics.Statistics` (exact counts).
- `table(period, by=...)` → `domain.statistics_table.Table`, its columns named (approaches,
  months "03/2026", staff by name) and the checklists' success measures as rows.
- `threshold()` — the smallest count shown in what leaves the vault (setting, default 3);
  `Table.text(threshold)`, `to_csv`, `to_json` apply it; the screen may show `text(0)`.
- `csv(period, by)`, `json(period, by)` — what the CLI writes (threshold applied).
- `facts(period)` → (appointment facts, anonymous facts) for callers that chart on their own.
- `role` — "field" (a laptop: the caseworker's own work) or "office" (the office station: every
  imported device's records, by caseworker with `Grouping.STAFF`, and for the team in total).

A few bulk queries per call (storage/statistics_repo.py), never one per appointment.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from outreach_desktop import documents
from outreach_desktop.domain.checklists import ItemKind
from outreach_desktop.domain.conduct import minutes_between
from outreach_desktop.domain.documents import Letterhead
from outreach_desktop.domain.home_visit import DEFAULT_SETTINGS, LetterKind, TimelineSettings
from outreach_desktop.domain.protocols import SuccessRating
from outreach_desktop.domain.statistics import (
    AnonymousFacts,
    AppointmentFacts,
    Grouping,
    Statistics,
    compute,
    measure_key,
)
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.domain.statistics_report import report_data
from outreach_desktop.domain.statistics_table import (
    Table,
    table,
    to_csv,
    to_json,
)
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.checklists import ChecklistSet, load_checklists
from outreach_desktop.services.settings import load_settings
from outreach_desktop.storage.statistics_repo import StatisticsRepository

OCCASION_ITEM = "hv.occasion"
_APPROACH = {a.value: a for a in Approach}
_STATUS = {s.value: s for s in AppointmentStatus}
_RATING = {r.value: r for r in SuccessRating}
_LETTER = {k.value: k for k in LetterKind}


def _minutes(begin: str | None, end: str | None) -> int | None:
    if begin is None or end is None:
        return None
    return minutes_between(datetime.fromisoformat(begin), datetime.fromisoformat(end))


class _Side:
    """Everything but the appointment row itself, by appointment id."""

    def __init__(self) -> None:
        self.staff: dict[str, list[str]] = defaultdict(list)
        self.follow_ups: dict[str, list[AppointmentStatus]] = defaultdict(list)
        self.calls: dict[str, int] = {}
        self.agreed: set[str] = set()
        self.letters: dict[str, dict[LetterKind, date]] = defaultdict(dict)
        self.success: dict[str, SuccessRating] = {}
        self.measures: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        self.occasion: dict[str, str] = {}


class StatisticsService:
    def __init__(
        self,
        repo: StatisticsRepository,
        role: Callable[[], str],
        letterhead: Callable[[], Letterhead],
        timeline: Callable[[], TimelineSettings] = lambda: DEFAULT_SETTINGS,
        checklists: Callable[[], ChecklistSet] = load_checklists,
    ) -> None:
        self._repo, self._role, self._letterhead = repo, role, letterhead
        self._timeline, self._checklists = timeline, checklists
        self._loaded: ChecklistSet | None = None

    @property
    def role(self) -> str:
        return self._role()

    def threshold(self) -> int:
        """The smallest count shown as it is outside the vault (1 … threshold−1 → "< n"); the
        setting `statistics_threshold` (default 3)."""
        return load_settings().statistics_threshold

    def _checklist_set(self) -> ChecklistSet:
        if self._loaded is None:
            self._loaded = self._checklists()
        return self._loaded

    def success_items(self) -> dict[str, str]:
        """Yes/no success items of the approaches' checklists: id → "Approach: label"."""
        found: dict[str, str] = {}
        for approach in Approach:
            for checklist in self._checklist_set().for_approach(approach):
                if checklist.approach is not approach:
                    continue
                for item in checklist.items:
                    if item.success and item.kind is ItemKind.YES_NO:
                        found[item.id] = f"{approach.label_de}: {item.label_de}"
        return found

    def measure_labels(self) -> dict[str, str]:
        """Row labels of the success measures: each item, then home-visit items per occasion."""
        items = self.success_items()
        labels = dict(items)
        occasions = self._occasions()
        for item_id, label in items.items():
            if item_id.startswith("hv."):
                for choice_id, choice_label in occasions.items():
                    key = measure_key(item_id, choice_id)
                    labels[key] = f"{label} (Anlass: {choice_label})"
        return labels

    def _occasions(self) -> dict[str, str]:
        for checklist in self._checklist_set().for_approach(Approach.HOME_VISIT):
            for item in checklist.items:
                if item.id == OCCASION_ITEM:
                    return {c.id: c.label_de for c in item.choices}
        return {}

    def _side(self, first: str, after: str) -> _Side:
        side, repo = _Side(), self._repo
        for appointment_id, staff_id in repo.staff(first, after):
            side.staff[appointment_id].append(staff_id)
        for predecessor, status in repo.follow_ups(first, after):
            side.follow_ups[predecessor].append(_STATUS[status])
        side.calls = {row[0]: row[1] for row in repo.failed_calls(first, after)}
        side.agreed = repo.agreed_by_phone(first, after)
        for appointment_id, kind, sent in repo.letters(first, after):
            side.letters[appointment_id][_LETTER[kind]] = date.fromisoformat(sent)
        side.success = {row[0]: _RATING[row[1]] for row in repo.success(first, after)}
        items = [*self.success_items(), OCCASION_ITEM]
        for appointment_id, item_id, raw in repo.answers(first, after, items):
            value = json.loads(raw)
            if item_id == OCCASION_ITEM:
                side.occasion[appointment_id] = value if isinstance(value, str) else ""
            elif isinstance(value, bool):
                side.measures[appointment_id].append((item_id, value))
        return side

    def facts(self, period: Period) -> tuple[list[AppointmentFacts], list[AnonymousFacts]]:
        """The period's records as the domain counts them (bulk: one query per kind)."""
        first, after = period.first_iso, period.after_last_iso
        side = self._side(first, after)
        appointments = [_appointment(row, side) for row in self._repo.appointments(first, after)]
        anonymous = [
            AnonymousFacts(date.fromisoformat(day), _APPROACH[approach], minutes,
                           tuple(json.loads(staff)))
            for day, approach, minutes, staff in self._repo.anonymous(first, after)
        ]  # fmt: skip
        return appointments, anonymous

    def compute(self, period: Period, by: Grouping = Grouping.NONE) -> Statistics:
        appointments, anonymous = self.facts(period)
        stats = compute(appointments, anonymous, period, by, self._timeline())
        if by is Grouping.STAFF:  # staff columns by name
            names = self._repo.staff_names()
            order = tuple(sorted(stats.order, key=lambda k: ((names.get(k) or k).casefold(), k)))
            stats = Statistics(stats.period, by, stats.total,
                               {k: stats.groups[k] for k in order}, order)  # fmt: skip
        return stats

    def group_labels(self, by: Grouping) -> dict[str, str]:
        return self._repo.staff_names() if by is Grouping.STAFF else {}

    def table(self, period: Period, by: Grouping = Grouping.NONE) -> Table:
        stats = self.compute(period, by)
        return table(stats, self.group_labels(by), self.measure_labels())

    def csv(self, period: Period, by: Grouping = Grouping.NONE) -> str:
        return to_csv(self.table(period, by), self.threshold())

    def json(self, period: Period, by: Grouping = Grouping.NONE) -> dict[str, Any]:
        data = to_json(self.table(period, by), self.threshold())
        data["period"] = {"from": period.first_iso, "to": period.last.isoformat()}
        data["by"], data["role"] = by.value, self.role
        return data

    def scope_de(self) -> str:
        if self.role == "office":
            return "Bürostation: alle Geräte, die Daten geliefert haben"
        return "Eigene Termine dieses Tresors"

    def report(self, period: Period, made_on: date, by: Grouping = Grouping.APPROACH) -> bytes:
        """The printable A4 report (PDF bytes): charts per approach and outcome and of the
        follow-up rate per month, then the table grouped `by`; counts only, small ones hidden."""
        appointments, anonymous = self.facts(period)
        timeline = self._timeline()
        by_approach = compute(appointments, anonymous, period, Grouping.APPROACH, timeline)
        by_month = compute(appointments, anonymous, period, Grouping.MONTH, timeline)
        tab = self.table(period, by)
        data = report_data(by_approach, by_month, tab, self._letterhead(), self.scope_de(),
                           made_on, self.threshold())  # fmt: skip
        return documents.render_statistics_report(data)


def _appointment(row: Any, side: _Side) -> AppointmentFacts:
    (appointment_id, approach, start, status, anonymous, first_meeting, planned, buffer,
     started_at, outcome_at, entered) = row  # fmt: skip
    letters = side.letters.get(appointment_id, {})
    return AppointmentFacts(
        approach=_APPROACH[approach],
        day=date.fromisoformat(start[:10]),
        status=_STATUS[status],
        staff_ids=tuple(side.staff.get(appointment_id, ())),
        anonymous=bool(anonymous),
        first_meeting=bool(first_meeting),
        follow_ups=tuple(side.follow_ups.get(appointment_id, ())),
        planned_min=planned,
        buffer_min=buffer,
        real_min=_minutes(started_at, outcome_at),
        entered_home=bool(entered),
        failed_calls=side.calls.get(appointment_id, 0),
        announcement_on=letters.get(LetterKind.ANNOUNCEMENT),
        reminder_on=letters.get(LetterKind.REMINDER),
        agreed_by_phone=appointment_id in side.agreed,
        success=side.success.get(appointment_id),
        measures=tuple(side.measures.get(appointment_id, ())),
        occasion=side.occasion.get(appointment_id, ""),
    )
