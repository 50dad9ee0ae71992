"""The statistics' bulk reads: a handful of queries (never one per appointment), plain tuples
without names, places or texts. Each query reads one table or one index in order — a vault is
decrypted page by page, and a join that jumps between pages at random costs far more than
reading a narrow index through (schema 11 adds the indexes). The side tables are read whole; the
service keeps the rows of the period's appointments.

Works on a laptop's vault and on the office station's: imported records live in the same tables
there; conduct, calls, letters and checklist answers stay on the laptop, so at the office those
reads are simply empty.
"""

from __future__ import annotations

from collections.abc import Collection
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

    def staff_names(self) -> dict[str, str]:
        return {row[0]: row[1] for row in self.db.tuples("SELECT id, name FROM staff")}
