"""What the printed statistics report holds: counts only, small counts hidden, the charts' series
made from the same figures with the same rule (a bar of 1 or 2 would tell what "< 3" hides).

API (stable): `report_data(by_approach, by_month, tab, letterhead, scope_de, made_on,
threshold)` → `StatisticsReport`; `chart_count(n, threshold)`, `chart_rate(part, whole,
threshold)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from outreach_desktop.domain.documents import Letterhead
from outreach_desktop.domain.home_visit import format_day
from outreach_desktop.domain.statistics import OUTCOME_ORDER, Grouping, Statistics
from outreach_desktop.domain.statistics_period import month_label
from outreach_desktop.domain.statistics_table import NOT_SHOWN, Cell, Table, shown
from outreach_desktop.domain.vocabulary import Approach


def chart_count(n: int, threshold: int) -> int | None:
    """A bar's height as it may leave the vault: None (no bar) for 1 … threshold−1."""
    return None if 0 < n < threshold else n


def chart_rate(part: int, whole: int, threshold: int) -> float | None:
    """A rate in percent as it may leave the vault (the table's rule), else None."""
    if shown(Cell("rate", part, whole), threshold) == NOT_SHOWN:
        return None
    return round(100 * part / whole, 1)


@dataclass(frozen=True)
class StatisticsReport:
    letterhead: Letterhead
    title: str
    period_de: str
    scope_de: str  # whose work: this laptop's, or every device at the office
    made_on: str  # TT.MM.JJJJ
    threshold: int
    outcome_labels: tuple[str, ...]  # chart 1 categories (the outcomes)
    outcome_series: tuple[tuple[str, tuple[int | None, ...]], ...]  # approach → count per outcome
    month_labels: tuple[str, ...]  # chart 2 categories ("03/2026")
    follow_up_rates: tuple[float | None, ...]  # percent per month
    table: Table

    @property
    def note_de(self) -> str:
        t = self.threshold
        return (
            f"Nur Anzahlen, keine Namen und keine Inhalte. Werte von 1 bis {t - 1} erscheinen "
            f"als „< {t}“ und fehlen in den Diagrammen; Anteile und Zeiten, aus denen sich ein "
            f"solcher Wert ergäbe, erscheinen als „{NOT_SHOWN}“."
        )


def report_data(
    by_approach: Statistics,
    by_month: Statistics,
    tab: Table,
    letterhead: Letterhead,
    scope_de: str,
    made_on: date,
    threshold: int,
) -> StatisticsReport:
    """The report of one period: bars per approach and outcome (from `by_approach`), the
    follow-up rate per month (from `by_month`), and the table as the caller grouped it."""
    assert by_approach.by is Grouping.APPROACH and by_month.by is Grouping.MONTH
    series = tuple(
        (approach.label_de, tuple(
            chart_count(by_approach.groups[approach.value].outcomes[status], threshold)
            for status in OUTCOME_ORDER))
        for approach in Approach
    )  # fmt: skip
    rates = tuple(
        chart_rate(fig.follow_up_planned, fig.carried_out, threshold)
        for fig in (by_month.groups[k] for k in by_month.order)
    )
    return StatisticsReport(
        letterhead=letterhead,
        title="Auswertung der aufsuchenden Beratung",
        period_de=by_approach.period.label_de,
        scope_de=scope_de,
        made_on=format_day(made_on),
        threshold=threshold,
        outcome_labels=tuple(status.label_de for status in OUTCOME_ORDER),
        outcome_series=series,
        month_labels=tuple(month_label(k) for k in by_month.order),
        follow_up_rates=rates,
        table=tab,
    )
