"""The statistics' reads, plain tuples without names, places or texts.

The counted read (`counted`, `counted_measures`): the appointments of a period grouped in SQL
by every fact the figures count, one row per group with its number — from `statistics_facts`
(one narrow row per appointment) and `statistics_answers` (one per yes/no answer), which
triggers keep up to date (schema 19), each walked along an index in the order of the groups (no
sorting). A few thousand rows for a hundred thousand appointments.

The per-record reads (the rest; `services.statistics_read` makes one tuple per appointment of
them, the reference the counted read is tested against): a handful of queries (never one per
appointment). Each query reads one table or one index in order — a vault is
decrypted page by page, and a join that jumps between pages at random costs far more than
reading a narrow index through (schema 11 adds the indexes). The side tables are read whole; the
service keeps the rows of the period's appointments.

Works on a laptop's vault and on the office station's: imported records live in the same tables
there; conduct, calls, letters and checklist answers stay on the laptop, so at the office those
reads are simply empty.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from outreach_desktop.storage.database import Database

APPOINTMENTS_SQL = """
SELECT id, approach, start, status, client_id IS NULL, first_meeting, planned_duration_min,
       buffer_min
  FROM appointments INDEXED BY appointments_statistics WHERE start >= ? AND start < ?"""
CONDUCTS_SQL = """
SELECT appointment_id, started_at, outcome_at, entered_home_at IS NOT NULL FROM conducts
 WHERE started_at IS NOT NULL OR entered_home_at IS NOT NULL"""
STAFF_SQL = "SELECT appointment_id, staff_id FROM appointment_staff"
FOLLOW_UPS_SQL = """
SELECT predecessor_id, status FROM appointments INDEXED BY appointments_follow_ups
 WHERE predecessor_id IS NOT NULL"""
CALLS_SQL = """
SELECT appointment_id, substr(at, 1, 10), outcome <> 'reached', agreed FROM call_attempts
 WHERE outcome <> 'reached' OR agreed = 1"""
LETTERS_SQL = "SELECT appointment_id, kind, sent_on FROM letters"
SUCCESS_SQL = """
SELECT appointment_id, success FROM protocols INDEXED BY protocols_success
 WHERE appointment_id IS NOT NULL ORDER BY appointment_id, met_at"""
ANONYMOUS_SQL = """
SELECT day, approach, duration_min, staff_ids FROM anonymous_counselling
 WHERE day >= ? AND day < ?"""


# the groups: by approach and the facts counted, then (as asked) by month or by who took part
FACTS = "approach, status, anonymous, first_meeting, follow_ups, success, failed_calls"
COUNTED_SQL = """
WITH due (day, announcement, reminder) AS MATERIALIZED (
    SELECT key, value ->> 0, value ->> 1 FROM json_each(?))
SELECT {facts}, {month}, {staff}, count(*), count(real_min),
       coalesce(sum(real_min + buffer_min), 0),
       coalesce(sum(CASE WHEN real_min IS NOT NULL THEN planned_min + buffer_min END), 0),
       count(announcement_on), coalesce(sum(CASE WHEN announcement_on IS NOT NULL
           THEN announcement_on <= (SELECT announcement FROM due WHERE due.day = f.day) END), 0),
       count(reminder_on), coalesce(sum(CASE WHEN reminder_on IS NOT NULL
           THEN reminder_on <= (SELECT reminder FROM due WHERE due.day = f.day) END), 0)
  FROM statistics_facts f INDEXED BY {index}
 WHERE {months}day >= ? AND day < ?
 GROUP BY {lead}{facts}{group}"""
MEASURES_SQL = """
SELECT approach, {month}, {staff}, item_id, value, occasion, count(*)
  FROM statistics_answers INDEXED BY {answers}
 WHERE item_id IN ({marks}) AND {months}day >= ? AND day < ?
 GROUP BY item_id, {lead}approach, occasion, value{group}"""
LETTER_DAYS_SQL = """
SELECT min(day), max(day) FROM statistics_facts INDEXED BY statistics_facts_by_month
 WHERE month >= ? AND month <= ? AND approach = 'home-visit' AND day >= ? AND day < ?
   AND (announcement_on IS NOT NULL OR reminder_on IS NOT NULL)"""


def grouped_sql(sql: str, staff: bool) -> str:
    """`sql` grouped by staff as well, or else by month (first: its indexes are led by the
    month, so the period is one range and its groups come in index order — nothing sorted;
    grouped by approach alone, a year of rows would be sorted)."""
    by = "staff" if staff else "month"
    return sql.format(facts=FACTS, month="''" if staff else "month",
                      staff="staff_ids" if staff else "''", index=f"statistics_facts_by_{by}",
                      answers=f"statistics_answers_by_{by}", lead="" if staff else "month, ",
                      group=", staff_ids" if staff else "", marks="{marks}",
                      months="" if staff else "month >= ? AND month <= ? AND ")  # fmt: skip


def months(first: str, after: str) -> tuple[str, str]:
    """The first and last month ("2026-03") of the days from `first` to before `after`."""
    last = date.fromisoformat(after) - timedelta(days=1)
    return first[:7], last.isoformat()[:7]


def span(first: str, after: str, staff: bool) -> tuple[str, ...]:
    """The parameters of a grouped read's period: its months (a seek in the month-led indexes,
    not in those by staff), then its days."""
    return (first, after) if staff else (*months(first, after), first, after)


def _answers_sql(count: int) -> str:
    marks = ", ".join("?" * count)
    return f"""
SELECT appointment_id, item_id, value FROM checklist_answers INDEXED BY checklist_answers_item
 WHERE item_id IN ({marks})"""


Rows = list[tuple[Any, ...]]


class StatisticsRepository:
    """Plain rows for the statistics; `first` and `after` are ISO days (`after` excluded)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def keep_items(self, item_ids: Collection[str]) -> bool:
        """Count the answers of these yes/no items (the success measures, schema 20): when they
        differ from those kept, the kept answers are made again from the view, in one
        transaction. True if anything changed. A read-only vault keeps what it has."""
        wanted = set(item_ids)
        stored = {r[0] for r in self.db.tuples("SELECT item_id FROM statistics_items")}
        if stored == wanted or self.db.read_only is not None:
            return False
        with self.db.transaction():
            self.db.execute("DELETE FROM statistics_items")
            self.db.executemany(
                "INSERT INTO statistics_items (item_id) VALUES (?)", [(i,) for i in sorted(wanted)]
            )
            self.db.execute(
                "DELETE FROM statistics_answers"
                " WHERE item_id NOT IN (SELECT item_id FROM statistics_items)"
            )
            added = sorted(wanted - stored)  # their answers made from the view
            if added:
                self.db.execute(
                    "INSERT OR REPLACE INTO statistics_answers SELECT * FROM"
                    f" statistics_answers_source WHERE item_id IN ({', '.join('?' * len(added))})",
                    added,
                )
        return True

    def appointments(self, first: str, after: str) -> Rows:
        """(id, approach, start, status, anonymous, first_meeting, planned_min, buffer_min)."""
        return self.db.tuples(APPOINTMENTS_SQL, (first, after))

    def conducts(self) -> Rows:
        """(appointment id, started_at, outcome_at, entered home) of begun appointments."""
        return self.db.tuples(CONDUCTS_SQL)

    def staff(self) -> Rows:
        """(appointment id, staff id) of every appointment."""
        return self.db.tuples(STAFF_SQL)

    def follow_ups(self) -> Rows:
        """(predecessor id, status) of every follow-up appointment."""
        return self.db.tuples(FOLLOW_UPS_SQL)

    def calls(self) -> Rows:
        """(appointment id, ISO day, failed, agreed) of failed or agreeing call attempts."""
        return self.db.tuples(CALLS_SQL)

    def letters(self) -> Rows:
        """(appointment id, kind, sent_on ISO day)."""
        return self.db.tuples(LETTERS_SQL)

    def success(self) -> Rows:
        """(appointment id, success rating) of linked protocols, each appointment's latest last."""
        return self.db.tuples(SUCCESS_SQL)

    def answers(self, item_ids: Collection[str]) -> Rows:
        """(appointment id, item id, JSON value) of the named checklist items."""
        if not item_ids:
            return []
        return self.db.tuples(_answers_sql(len(item_ids)), tuple(item_ids))

    def anonymous(self, first: str, after: str) -> Rows:
        """(day, approach, duration_min, staff_ids JSON)."""
        return self.db.tuples(ANONYMOUS_SQL, (first, after))

    def counted(self, first: str, after: str, due: str, staff: bool) -> Rows:
        """The appointments of the period grouped by the facts counted and by month, or (`staff`)
        by who took part: (approach, status, anonymous, first meeting, follow-up statuses "a,b",
        success, failed calls, month or '', staff ids "a,b" or '', number, timed, real
        minutes, planned minutes, announced, in time, reminded, in time).
        `due`: JSON {visit day: [announcement due, reminder due]} for the home visits' days."""
        sql = grouped_sql(COUNTED_SQL, staff)
        return self.db.tuples(sql, (due, *span(first, after, staff)))

    def letter_days(self, first: str, after: str) -> tuple[str | None, str | None]:
        """First and last day of a home visit with a letter in the period (None, None: none)."""
        row = self.db.tuples(LETTER_DAYS_SQL, (*months(first, after), first, after))[0]
        return row[0], row[1]

    def counted_measures(self, first: str, after: str, items: Collection[str], staff: bool) -> Rows:
        """The answers to the yes/no items `items` grouped by month or (`staff`) by who took
        part: (approach, month or '', staff ids or '', item id, JSON value, occasion JSON or
        None, number)."""
        if not items:
            return []
        sql = grouped_sql(MEASURES_SQL, staff).format(marks=", ".join("?" * len(items)))
        return self.db.tuples(sql, (*items, *span(first, after, staff)))

    def staff_names(self) -> dict[str, str]:
        return {row[0]: row[1] for row in self.db.tuples("SELECT id, name FROM staff")}
