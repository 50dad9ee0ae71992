"""The statistics of a vault: what outreach achieves, counted without naming anyone.

API (stable; `session.statistics` is one of these):

- `compute(period, by=Grouping.NONE)` → `domain.statistics.Statistics` (exact counts).
- `table(period, by=...)` → `domain.statistics_table.Table`, its columns named (approaches,
  months "03/2026", staff by name) and the checklists' success measures as rows.
- `threshold()` — the smallest count shown in what leaves the vault (setting, default 3);
  `Table.text(threshold)`, `to_csv`, `to_json` apply it; the screen may show `text(0)`.
- `csv(period, by)`, `json(period, by)` — what the CLI writes (threshold applied).
- `counted(period, staff=False)` → (`domain.statistics_counted.Counted`, anonymous facts): the
  period's appointments grouped in SQL by approach and month (or by staff if asked), for
  `compute_counted`; what every figure above is counted from.
- `facts(period, staff=True)` → (appointment facts, anonymous facts), one per record, for own
  charts (slower: Python work per appointment).
- `role` — "field" (a laptop: the caseworker's own work) or "office" (the office station: every
  imported device's records, by caseworker with `Grouping.STAFF`, and for the team in total);
  `scope_de()` says which in German. At the office, what stays on a laptop (conduct times,
  calls, letters, checklist answers) counts 0.
- `report(period, made_on, by=Grouping.APPROACH)` → PDF bytes (A4, letterhead, charts, table).
- `measure_labels()` / `success_items()` — the checklists' success measures (row labels).
- `group_labels(by)` — staff id → name for `Grouping.STAFF`.
- Periods: `domain.statistics_period.Period` (`month`, `quarter`, `year`, `between`,
  `default(today)`); figures: `domain.statistics.Figures`; chart series that may leave the vault:
  `domain.statistics_report.chart_count` / `chart_rate`.

Two grouped queries per reading (storage/statistics_repo.py, services/statistics_counted_read.py)
over the facts the triggers of schema 19 keep: a few thousand rows for 100,000 appointments.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from outreach_desktop import documents
from outreach_desktop.domain.checklists import ItemKind
from outreach_desktop.domain.documents import Letterhead
from outreach_desktop.domain.home_visit import DEFAULT_SETTINGS, TimelineSettings
from outreach_desktop.domain.statistics import (
    AnonymousFacts,
    AppointmentFacts,
    Grouping,
    Statistics,
    measure_key,
)
from outreach_desktop.domain.statistics_counted import Counted, compute_counted
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.domain.statistics_report import report_data
from outreach_desktop.domain.statistics_table import (
    Table,
    table,
    to_csv,
    to_json,
)
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.checklists import ChecklistSet, load_checklists
from outreach_desktop.services.settings import load_settings
from outreach_desktop.services.statistics_counted_read import read_anonymous, read_counted
from outreach_desktop.services.statistics_read import OCCASION_ITEM, read_facts
from outreach_desktop.storage.statistics_repo import StatisticsRepository


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

    def facts(
        self, period: Period, staff: bool = True
    ) -> tuple[list[AppointmentFacts], list[AnonymousFacts]]:
        """The period's records as the domain counts them (bulk: one read per table); without
        `staff` the appointments' staff stay empty (only grouping by staff needs them)."""
        return read_facts(self._repo, period, self.success_items(), staff)

    def prepare(self) -> None:
        """Name the success items whose answers the database keeps for counting (schema 20);
        when they changed, their kept answers are made again. Counting does it first; a bulk
        fill calls it at its end, so those answers are made at once instead of one by one."""
        self._repo.keep_items(self.success_items())

    def counted(self, period: Period, staff: bool = False) -> tuple[Counted, list[AnonymousFacts]]:
        """The period's appointments grouped in SQL by approach and month — which serves every
        grouping but by staff — or by approach and staff, and its anonymous counselling."""
        settings, items = self._timeline(), self.success_items()
        self._repo.keep_items(items)
        rows = read_counted(self._repo, period, items, settings, staff)
        return rows, read_anonymous(self._repo, period)

    def compute(self, period: Period, by: Grouping = Grouping.NONE) -> Statistics:
        rows, anonymous = self.counted(period, by is Grouping.STAFF)
        return self.named(compute_counted(rows, anonymous, period, by))

    def named(self, stats: Statistics) -> Statistics:
        """Grouped by staff: the columns in the order of their names."""
        if stats.by is not Grouping.STAFF:
            return stats
        names = self._repo.staff_names()
        order = tuple(sorted(stats.order, key=lambda k: ((names.get(k) or k).casefold(), k)))
        return Statistics(stats.period, stats.by, stats.total,
                          {k: stats.groups[k] for k in order}, order)  # fmt: skip

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
        rows, anonymous = self.counted(period)  # by month: serves every grouping but staff
        by_approach = compute_counted(rows, anonymous, period, Grouping.APPROACH)
        by_month = compute_counted(rows, anonymous, period, Grouping.MONTH)
        chosen = {Grouping.APPROACH: by_approach, Grouping.MONTH: by_month}.get(by)
        if chosen is None:
            chosen = self.compute(period, by)
        tab = table(chosen, self.group_labels(by), self.measure_labels())
        data = report_data(by_approach, by_month, tab, self._letterhead(), self.scope_de(),
                           made_on, self.threshold())  # fmt: skip
        return documents.render_statistics_report(data)
