"""The statistics as a table: rows of figures, one column per group and the total; how a cell
is shown (small counts as "< 3" in what leaves the vault) and the CSV that is safe to open in a
spreadsheet.

API (stable): `table(stats, group_labels, measure_labels)` → `Table`; `Table.text(threshold)`
gives the shown strings (threshold 0: exact, for the screen inside the vault);
`to_csv(table, threshold)`; `to_json(table, threshold)`; `csv_safe(text)`;
`shown_count(n, threshold)`. `DEFAULT_THRESHOLD` = 3.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from outreach_desktop.domain.home_visit import LetterKind
from outreach_desktop.domain.protocols import SuccessRating
from outreach_desktop.domain.statistics import OUTCOME_ORDER, Figures, Grouping, Statistics
from outreach_desktop.domain.statistics_period import month_label
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

DEFAULT_THRESHOLD = 3
NOT_SHOWN = "–"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
Kind = Literal["count", "rate", "hours"]


class Cell(NamedTuple):
    """A count (`value`), a rate (`value` of `whole`) or a sum of minutes (`value`) over
    `whole` appointments."""

    kind: Kind
    value: int
    whole: int = 0


@dataclass(frozen=True)
class Row:
    code: str  # stable, for JSON and tests
    label_de: str
    cells: tuple[Cell, ...]  # one per group, then the total


@dataclass(frozen=True)
class Table:
    title_de: str
    columns: tuple[str, ...]  # group labels, then "Gesamt"
    rows: tuple[Row, ...]

    def text(self, threshold: int = DEFAULT_THRESHOLD) -> list[list[str]]:
        """The shown cells, row by row (first the label)."""
        return [[row.label_de, *(shown(c, threshold) for c in row.cells)] for row in self.rows]

    def row(self, code: str) -> Row:
        return next(r for r in self.rows if r.code == code)


def shown_count(n: int, threshold: int = DEFAULT_THRESHOLD) -> str:
    """A count as it leaves the vault: 1 to threshold−1 as "< threshold"."""
    return f"< {threshold}" if 0 < n < threshold else str(n)


def _small(n: int, threshold: int) -> bool:
    return 0 < n < threshold


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %"


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f}".replace(".", ",")


def shown(cell: Cell, threshold: int = DEFAULT_THRESHOLD) -> str:
    """A cell as text. A rate or a sum of time is not shown where its part, its whole or the
    difference is a small count: it would tell the count the table hides."""
    if cell.kind == "count":
        return shown_count(cell.value, threshold)
    if cell.kind == "rate":
        part, whole = cell.value, cell.whole
        if whole == 0 or any(_small(n, threshold) for n in (part, whole, whole - part)):
            return NOT_SHOWN
        return _percent(part, whole)
    if cell.whole == 0 or _small(cell.whole, threshold):
        return NOT_SHOWN
    return _hours(cell.value)


Getter = Callable[[Figures], Cell]


def _count(get: Callable[[Figures], int]) -> Getter:
    return lambda f: Cell("count", get(f))


def _rate(part: Callable[[Figures], int], whole: Callable[[Figures], int]) -> Getter:
    return lambda f: Cell("rate", part(f), whole(f))


def _outcome(status: AppointmentStatus) -> Getter:
    return lambda f: Cell("count", f.outcomes[status])


def _rating(rating: SuccessRating) -> Getter:
    return lambda f: Cell("count", f.success[rating])


def _letter(kind: LetterKind, index: int) -> Getter:
    return lambda f: Cell("count", f.letters[kind][index])


def _measure(key: str, index: int) -> Getter:
    return lambda f: Cell("count", f.measures.get(key, [0, 0])[index])


def _base_rows() -> list[tuple[str, str, Getter]]:
    rows: list[tuple[str, str, Getter]] = [
        ("appointments", "Termine im Zeitraum", _count(lambda f: f.appointments))
    ]
    for status in OUTCOME_ORDER:
        rows.append((f"outcome.{status.value}", f"Ergebnis: {status.label_de}",
                     _outcome(status)))  # fmt: skip
    rows += [
        ("open", "Noch ohne Ergebnis", _count(lambda f: f.open)),
        ("first_meetings", "Erstkontakte", _count(lambda f: f.first_meetings)),
        ("anonymous_appointments", "Anonyme Termine", _count(lambda f: f.anonymous_appointments)),
        ("anonymous_counselling", "Anonyme Beratungen", _count(lambda f: f.anonymous_counselling)),
        ("carried_out", "Durchgeführt (auch im Umfeld)", _count(lambda f: f.carried_out)),
        ("follow_up_planned", "Davon mit Folgetermin", _count(lambda f: f.follow_up_planned)),
        ("follow_up_rate", "Folgeterminquote (geplant)",
         _rate(lambda f: f.follow_up_planned, lambda f: f.carried_out)),
        ("follow_up_kept", "Davon Folgetermin wahrgenommen", _count(lambda f: f.follow_up_kept)),
        ("follow_up_kept_rate", "Folgeterminquote (wahrgenommen)",
         _rate(lambda f: f.follow_up_kept, lambda f: f.carried_out)),
    ]  # fmt: skip
    for rating in SuccessRating:
        rows.append((f"success.{rating.value}", f"Erfolg laut Protokoll: {rating.label_de}",
                     _rating(rating)))  # fmt: skip
    return rows


def _later_rows() -> list[tuple[str, str, Getter]]:
    letters = {LetterKind.ANNOUNCEMENT: "Ankündigungen", LetterKind.REMINDER: "Erinnerungen"}
    rows: list[tuple[str, str, Getter]] = [
        ("timed", "Termine mit erfasster Ist-Zeit", _count(lambda f: f.timed)),
        ("real_hours", "Ist-Zeit mit Puffer (Stunden)",
         lambda f: Cell("hours", f.real_minutes, f.timed)),
        ("planned_hours", "Plan-Zeit derselben Termine mit Puffer (Stunden)",
         lambda f: Cell("hours", f.planned_minutes, f.timed)),
        ("home_visits", "Hausbesuche (in der Wohnung, im Umfeld, an der Tür)",
         _count(lambda f: f.home_visits)),
        ("entered", "Davon in der Wohnung", _count(lambda f: f.entered)),
        ("entered_share", "Anteil in der Wohnung", _rate(lambda f: f.entered,
                                                         lambda f: f.home_visits)),
        ("at_door", "Davon an der Tür beendet", _count(lambda f: f.at_door)),
        ("at_door_share", "Anteil an der Tür", _rate(lambda f: f.at_door, lambda f: f.home_visits)),
    ]  # fmt: skip
    for kind, label in letters.items():
        rows += [
            (f"letters.{kind.value}.sent", f"{label} versendet",
             _letter(kind, 0)),
            (f"letters.{kind.value}.in_time", f"{label} rechtzeitig versendet",
             _letter(kind, 1)),
        ]  # fmt: skip
    rows += [
        ("failed_calls", "Erfolglose Anrufversuche vor Hausbesuchen",
         _count(lambda f: f.failed_calls)),
        ("visits_after_failed_calls", "Hausbesuche nach erfolglosen Anrufversuchen",
         _count(lambda f: f.visits_after_failed_calls)),
    ]  # fmt: skip
    return rows


def _measure_rows(labels: Mapping[str, str]) -> list[tuple[str, str, Getter]]:
    rows: list[tuple[str, str, Getter]] = []
    for key, label in labels.items():
        for code, answer, index in (("yes", "ja", 0), ("no", "nein", 1)):
            get = _measure(key, index)
            rows.append((f"measure.{key}.{code}", f"{label}: {answer}", get))
    return rows


def group_label(by: Grouping, key: str, labels: Mapping[str, str]) -> str:
    if key in labels:
        return labels[key]
    if by is Grouping.APPROACH:
        return Approach(key).label_de
    if by is Grouping.MONTH:
        return month_label(key)
    return key


def table(
    stats: Statistics,
    group_labels: Mapping[str, str] | None = None,
    measure_labels: Mapping[str, str] | None = None,
) -> Table:
    """The figures as rows; `measure_labels` (success item key → German label, in order) adds
    the checklist's success answers; `group_labels` names groups (staff ids → names)."""
    figures = [stats.groups[k] for k in stats.order] + [stats.total]
    columns = tuple(group_label(stats.by, k, group_labels or {}) for k in stats.order)
    specs = _base_rows() + _measure_rows(measure_labels or {}) + _later_rows()
    rows = tuple(Row(code, label, tuple(get(f) for f in figures)) for code, label, get in specs)
    title = f"Auswertung {stats.period.label_de}"
    return Table(title, (*columns, "Gesamt"), rows)


def csv_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula: text beginning with = + - @, a tab or a
    carriage return gets a leading apostrophe (shown as text)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(tab: Table, threshold: int = DEFAULT_THRESHOLD) -> str:
    """The table as CSV (semicolon, as German spreadsheets expect), every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_safe(c) for c in ("Kennzahl", *tab.columns)])
    for line in tab.text(threshold):
        writer.writerow([csv_safe(c) for c in line])
    return out.getvalue()


def to_json(tab: Table, threshold: int = DEFAULT_THRESHOLD) -> dict[str, Any]:
    """The shown table as JSON-ready data: a row per figure, a value per column."""
    return {
        "title": tab.title_de,
        "threshold": threshold,
        "columns": list(tab.columns),
        "rows": [
            {"code": row.code, "label": row.label_de,
             "values": dict(zip(tab.columns, (shown(c, threshold) for c in row.cells),
                                strict=True))}
            for row in tab.rows
        ],
    }  # fmt: skip
