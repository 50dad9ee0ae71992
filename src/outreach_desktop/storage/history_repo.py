"""Bulk writes of what the approach workflows record (checklist answers, call attempts, letters,
conduct records): many appointments' worth in one statement per table, for history written at
once (demo data at scale). The rows are those the single writes in workflow_repo.py make."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from outreach_desktop.domain.checklists import Answer
from outreach_desktop.domain.conduct import Conduct
from outreach_desktop.domain.home_visit import CallAttempt, LetterKind
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.record_repo import ts_to_db


def _local(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


@dataclass(frozen=True)
class AnswerRow:
    appointment_id: str
    checklist_id: str
    checklist_version: int
    answer: Answer


@dataclass(frozen=True)
class CallRow:
    id: str
    appointment_id: str
    call: CallAttempt


@dataclass(frozen=True)
class LetterRow:
    appointment_id: str
    kind: LetterKind
    sent_on: date


class HistoryRepository:
    def __init__(self, db: Database, device_id: str) -> None:
        self.db = db
        self.device_id = device_id

    def insert_answers(self, rows: list[AnswerRow], now: datetime) -> None:
        stamp = ts_to_db(now)
        self.db.executemany(
            "INSERT INTO checklist_answers (appointment_id, item_id, checklist_id,"
            " checklist_version, value, answered_at, answered_by, updated_at, origin_device)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (r.appointment_id, r.answer.item_id, r.checklist_id, r.checklist_version,
                 json.dumps(r.answer.value, ensure_ascii=False), _local(r.answer.answered_at),
                 r.answer.answered_by, stamp, self.device_id)
                for r in rows
            ],
        )  # fmt: skip

    def insert_calls(self, rows: list[CallRow], now: datetime) -> None:
        stamp = ts_to_db(now)
        self.db.executemany(
            "INSERT INTO call_attempts (id, appointment_id, at, outcome, note, agreed,"
            " created_at, origin_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (r.id, r.appointment_id, _local(r.call.at), r.call.outcome.value, r.call.note,
                 int(r.call.agreed), stamp, self.device_id)
                for r in rows
            ],
        )  # fmt: skip

    def insert_letters(self, rows: list[LetterRow], now: datetime) -> None:
        stamp = ts_to_db(now)
        self.db.executemany(
            "INSERT INTO letters (appointment_id, kind, sent_on, updated_at, origin_device)"
            " VALUES (?, ?, ?, ?, ?)",
            [(r.appointment_id, r.kind.value, r.sent_on.isoformat(), stamp, self.device_id)
             for r in rows],
        )  # fmt: skip

    def insert_conducts(self, rows: list[Conduct], now: datetime) -> None:
        stamp = ts_to_db(now)
        self.db.executemany(
            "INSERT INTO conducts (appointment_id, started_at, entered_home_at,"
            " others_present_at, third_party_alone_at, outcome, outcome_at, broken_off_by,"
            " outcome_reason, closed_at, map_documented_at, map_documented_by, updated_at,"
            " origin_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (c.appointment_id, _local(c.started_at), _local(c.entered_home_at),
                 _local(c.others_present_at), _local(c.third_party_alone_at),
                 c.outcome.value if c.outcome else None, _local(c.outcome_at),
                 c.broken_off_by.value if c.broken_off_by else None, c.outcome_reason,
                 _local(c.closed_at), _local(c.map_documented_at), c.map_documented_by, stamp,
                 self.device_id)
                for c in rows
            ],
        )  # fmt: skip
