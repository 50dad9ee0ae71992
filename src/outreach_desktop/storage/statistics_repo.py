"""The statistics' bulk reads: a handful of queries over the appointments of a period (never one
per appointment), returning plain rows without names, places or texts. Works on a laptop's vault
and on the office station's (imported records live in the same tables there; conduct, calls,
letters and checklist answers stay on the laptop, so those rows are simply empty at the office).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from outreach_desktop.storage.database import Database

# The appointments of the period: `start` is local ISO text, so a text range selects the days.
_IN_PERIOD = "a.start >= ? AND a.start < ?"

APPOINTMENTS_SQL = f"""
SELECT a.id, a.approach, a.start, a.status, a.client_id IS NULL, a.first_meeting,
       a.planned_duration_min, a.buffer_min, c.started_at, c.outcome_at,
       c.entered_home_at IS NOT NULL
  FROM appointments a LEFT JOIN conducts c ON c.appointment_id = a.id
 WHERE {_IN_PERIOD}"""
STAFF_SQL = f"""
SELECT s.appointment_id, s.staff_id FROM appointment_staff s
  JOIN appointments a ON a.id = s.appointment_id
 WHERE {_IN_PERIOD} ORDER BY s.appointment_id, s.position"""
FOLLOW_UPS_SQL = f"""
SELECT f.predecessor_id, f.status FROM appointments f
  JOIN appointments a ON a.id = f.predecessor_id
 WHERE {_IN_PERIOD}"""
FAILED_CALLS_SQL = f"""
SELECT k.appointment_id, count(*) FROM call_attempts k
  JOIN appointments a ON a.id = k.appointment_id
 WHERE {_IN_PERIOD} AND k.outcome <> 'reached' AND substr(k.at, 1, 10) <= substr(a.start, 1, 10)
 GROUP BY k.appointment_id"""
AGREED_SQL = f"""
SELECT DISTINCT k.appointment_id FROM call_attempts k
  JOIN appointments a ON a.id = k.appointment_id
 WHERE {_IN_PERIOD} AND k.agreed = 1"""
LETTERS_SQL = f"""
SELECT l.appointment_id, l.kind, l.sent_on FROM letters l
  JOIN appointments a ON a.id = l.appointment_id
 WHERE {_IN_PERIOD}"""
SUCCESS_SQL = f"""
SELECT p.appointment_id, p.success FROM protocols p
  JOIN appointments a ON a.id = p.appointment_id
 WHERE {_IN_PERIOD} ORDER BY p.met_at, p.created_at"""
ANONYMOUS_SQL = """
SELECT day, approach, duration_min, staff_ids FROM anonymous_counselling
 WHERE day >= ? AND day < ?"""


def _answers_sql(count: int) -> str:
    marks = ", ".join("?" * count)
    return f"""
SELECT n.appointment_id, n.item_id, n.value FROM checklist_answers n
  JOIN appointments a ON a.id = n.appointment_id
 WHERE {_IN_PERIOD} AND n.item_id IN ({marks})"""


class StatisticsRepository:
    """Plain rows for the statistics; `first` and `after` are ISO days (`after` excluded)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        return self.db.execute(sql, params)

    def appointments(self, first: str, after: str) -> list[Any]:
        """(id, approach, start, status, anonymous, first_meeting, planned_min, buffer_min,
        started_at, outcome_at, entered_home)."""
        return self._rows(APPOINTMENTS_SQL, (first, after))

    def staff(self, first: str, after: str) -> list[Any]:
        """(appointment id, staff id), in each appointment's staff order."""
        return self._rows(STAFF_SQL, (first, after))

    def follow_ups(self, first: str, after: str) -> list[Any]:
        """(predecessor id, follow-up status) of the period's appointments' follow-ups."""
        return self._rows(FOLLOW_UPS_SQL, (first, after))

    def failed_calls(self, first: str, after: str) -> list[Any]:
        """(appointment id, failed attempts on or before the appointment's day)."""
        return self._rows(FAILED_CALLS_SQL, (first, after))

    def agreed_by_phone(self, first: str, after: str) -> set[str]:
        return {row[0] for row in self._rows(AGREED_SQL, (first, after))}

    def letters(self, first: str, after: str) -> list[Any]:
        """(appointment id, kind, sent_on ISO day)."""
        return self._rows(LETTERS_SQL, (first, after))

    def success(self, first: str, after: str) -> list[Any]:
        """(appointment id, success rating) of linked protocols, the latest last."""
        return self._rows(SUCCESS_SQL, (first, after))

    def answers(self, first: str, after: str, item_ids: Collection[str]) -> list[Any]:
        """(appointment id, item id, JSON value) of the named checklist items."""
        if not item_ids:
            return []
        return self._rows(_answers_sql(len(item_ids)), (first, after, *item_ids))

    def anonymous(self, first: str, after: str) -> list[Any]:
        """(day, approach, duration_min, staff_ids JSON)."""
        return self._rows(ANONYMOUS_SQL, (first, after))

    def staff_names(self) -> dict[str, str]:
        return {row[0]: row[1] for row in self._rows("SELECT id, name FROM staff", ())}
