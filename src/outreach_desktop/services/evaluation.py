"""What the Auswertung page shows and saves: the figures of a period, for one approach or all,
grouped by approach, month or (at the office) caseworker, with the charts' series — read once
grouped in SQL (`session.statistics.counted`; by staff a second time) and counted in the
domain. Inside the vault the page shows exact
counts; the report and the CSV that leave it hide counts from 1 to threshold−1 ("< 3")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from outreach_desktop import documents
from outreach_desktop.domain.documents import Letterhead
from outreach_desktop.domain.statistics import OUTCOME_ORDER, Grouping, Statistics
from outreach_desktop.domain.statistics_counted import compute_counted, of_approach
from outreach_desktop.domain.statistics_period import Period, month_label
from outreach_desktop.domain.statistics_report import report_data
from outreach_desktop.domain.statistics_table import Table, table, to_csv
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.agency import letterhead
from outreach_desktop.services.files import Target, save_file, target_file
from outreach_desktop.services.session import Session
from outreach_desktop.services.settings import load_settings


@dataclass(frozen=True)
class Evaluation:
    period: Period
    approach: Approach | None  # None: every approach
    by: Grouping
    table: Table
    threshold: int  # for what leaves the vault
    role: str  # "field" or "office"
    scope_de: str
    by_approach: Statistics
    by_month: Statistics

    @property
    def outcome_labels(self) -> tuple[str, ...]:
        return tuple(status.label_de for status in OUTCOME_ORDER)

    @property
    def outcome_series(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """Per approach shown: the count of each outcome (exact, for the screen)."""
        return tuple(
            (a.label_de, tuple(self.by_approach.groups[a.value].outcomes[s] for s in OUTCOME_ORDER))
            for a in Approach
            if self.approach in (None, a)
        )  # fmt: skip

    @property
    def month_labels(self) -> tuple[str, ...]:
        return tuple(month_label(k) for k in self.by_month.order)

    @property
    def follow_up_rates(self) -> tuple[float | None, ...]:
        """Per month: carried-out appointments with a follow-up planned, in percent."""
        rates = (self.by_month.groups[k].follow_up_rate for k in self.by_month.order)
        return tuple(None if r is None else round(100 * r, 1) for r in rates)

    def screen_text(self) -> list[list[str]]:
        """The table as the page shows it: exact counts (inside the vault)."""
        return self.table.text(0)


def groupings(session: Session) -> list[Grouping]:
    """What the page may group by: by caseworker only at the office station."""
    found = [Grouping.APPROACH, Grouping.MONTH]
    return [*found, Grouping.STAFF] if session.statistics.role == "office" else found


def evaluate(
    session: Session,
    period: Period,
    approach: Approach | None = None,
    by: Grouping = Grouping.APPROACH,
) -> Evaluation:
    service = session.statistics
    rows, anonymous = service.counted(period)  # by month: every grouping but staff
    rows = of_approach(rows, approach)
    anonymous = [f for f in anonymous if approach in (None, f.approach)]

    def counted(grouping: Grouping) -> Statistics:
        return compute_counted(rows, anonymous, period, grouping)

    if by is Grouping.STAFF:  # caseworkers, by name
        by_staff = of_approach(service.counted(period, staff=True)[0], approach)
        grouped = service.named(compute_counted(by_staff, anonymous, period, by))
    else:
        grouped = counted(by)
    if approach is not None and by is Grouping.APPROACH:  # no empty columns of the others
        grouped = Statistics(grouped.period, by, grouped.total,
                             {approach.value: grouped.groups[approach.value]},
                             (approach.value,))  # fmt: skip
    tab = table(grouped, service.group_labels(by), service.measure_labels())
    if approach is not None:
        tab = Table(f"{tab.title_de} · {approach.label_de}", tab.columns, tab.rows)
    return Evaluation(
        period, approach, by, tab, service.threshold(), service.role, service.scope_de(),
        counted(Grouping.APPROACH), counted(Grouping.MONTH),
    )  # fmt: skip


def _letterhead(session: Session) -> Letterhead:
    joined = session.identity.joined_setup()
    return letterhead(load_settings(), joined.setup if joined is not None else None)


def report_pdf(session: Session, evaluation: Evaluation, made_on: date) -> bytes:
    """The printable report of what the page shows (small counts hidden)."""
    e = evaluation
    scope = e.scope_de + (f" · {e.approach.label_de}" if e.approach else "")
    data = report_data(e.by_approach, e.by_month, e.table, _letterhead(session), scope,
                       made_on, e.threshold)  # fmt: skip
    return documents.render_statistics_report(data)


def report_file_name(period: Period) -> str:
    return f"Auswertung-{period.first.isoformat()}-bis-{period.last.isoformat()}.pdf"


def csv_file_name(period: Period) -> str:
    return f"Auswertung-{period.first.isoformat()}-bis-{period.last.isoformat()}.csv"


def csv_text(evaluation: Evaluation) -> str:
    """The table as CSV (semicolons, formula-safe, small counts hidden)."""
    return to_csv(evaluation.table, evaluation.threshold)


def save_csv(path: Target, text: str, *, replace: bool = False) -> Path:
    """UTF-8 with a byte order mark, so that spreadsheets read the umlauts."""
    return save_file(path, text.encode("utf-8-sig"), suffix=".csv", replace=replace)


def csv_target(path: Target, *, replace: bool = False) -> Path:
    return target_file(path, suffix=".csv", replace=replace)
