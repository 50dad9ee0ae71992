"""Storage of the approach workflows: checklist answers, call attempts, letters, the conduct
record and the consent question the rules ask."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from outreach_desktop.domain.checklists import Answer, Checklist, Item
from outreach_desktop.domain.conduct import BrokenOffBy, Conduct
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome, Letter, LetterKind
from outreach_desktop.domain.outcome_corrections import OutcomeCorrection
from outreach_desktop.domain.records import new_id
from outreach_desktop.domain.transfer import UNFINISHED_OR_DONE
from outreach_desktop.domain.vocabulary import AppointmentStatus
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.errors import RecordNotFound
from outreach_desktop.storage.record_repo import ts_to_db


def _now_utc() -> str:
    return ts_to_db(datetime.now(UTC).replace(microsecond=0)) or ""


def _local(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _from_local(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class StoredCall:
    id: str
    call: CallAttempt


@dataclass(frozen=True)
class StoredAnswer:
    answer: Answer
    checklist_id: str
    checklist_version: int


# The columns each record is read with, in the order its constructor takes them by position
# (a Row or a plain tuple; the bulk reads take tuples).
ANSWER_COLUMNS = (
    "appointment_id, item_id, value, answered_at, answered_by, checklist_id, checklist_version"
)
CALL_COLUMNS = "appointment_id, id, at, outcome, note, agreed"
LETTER_COLUMNS = "appointment_id, kind, sent_on"
CONDUCT_COLUMNS = (
    "appointment_id, started_at, entered_home_at, others_present_at,"
    " third_party_alone_at, outcome, outcome_at, broken_off_by, outcome_reason, closed_at,"
    " map_documented_at, map_documented_by"
)
_JSON_BOOLEANS = {"true": True, "false": False}  # most answers: read without the JSON parser


def _value(raw: str) -> Any:
    found = _JSON_BOOLEANS.get(raw)
    return json.loads(raw) if found is None else found


def _answer(r: Any) -> StoredAnswer:
    return StoredAnswer(Answer(r[1], _value(r[2]), datetime.fromisoformat(r[3]), r[4]), r[5], r[6])


def _call(r: Any) -> StoredCall:
    return StoredCall(
        r[1], CallAttempt(datetime.fromisoformat(r[2]), CallOutcome(r[3]), r[4], bool(r[5]))
    )


def _letter(r: Any) -> Letter:
    return Letter(LetterKind(r[1]), date.fromisoformat(r[2]))


def _correction(r: Any) -> OutcomeCorrection:
    old, new = AppointmentStatus(r["old_outcome"]), AppointmentStatus(r["new_outcome"])
    at = datetime.fromisoformat(r["corrected_at"])
    return OutcomeCorrection(r["appointment_id"], old, new, at, r["reason"])


def _conduct(r: Any) -> Conduct:
    return Conduct(
        appointment_id=r[0],
        started_at=_from_local(r[1]),
        entered_home_at=_from_local(r[2]),
        others_present_at=_from_local(r[3]),
        third_party_alone_at=_from_local(r[4]),
        outcome=AppointmentStatus(r[5]) if r[5] else None,
        outcome_at=_from_local(r[6]),
        broken_off_by=BrokenOffBy(r[7]) if r[7] else None,
        outcome_reason=r[8],
        closed_at=_from_local(r[9]),
        map_documented_at=_from_local(r[10]),
        map_documented_by=r[11],
    )


def _entered(db: Database, ids: list[str]) -> dict[str, tuple[bool, bool]]:
    """Per appointment: (VerBIS, e-Akte) entered by the office, from its receipts (`exported`,
    state 'entered'; `domain.transfer.marks_that_apply` says which marks that took): a protocol
    goes into VerBIS when routed there or not benefit-relevant, a benefit-relevant one into the
    e-Akte with the benefits department informed; an appointment not carried out into VerBIS."""
    marks = ", ".join("?" for _ in ids)
    found: dict[str, tuple[bool, bool]] = {}
    rows = db.execute(
        "SELECT p.appointment_id AS id, p.to_verbis AS verbis, p.benefit_relevant AS benefit"
        " FROM exported e JOIN protocols p ON e.record_kind = 'protocols' AND e.record_id = p.id"
        f" WHERE e.state = 'entered' AND p.appointment_id IN ({marks})", ids,
    )  # fmt: skip
    for r in rows:
        verbis, eakte = found.get(r["id"], (False, False))
        found[r["id"]] = (
            verbis or bool(r["verbis"]) or not r["benefit"],
            eakte or bool(r["benefit"]),
        )
    rows = db.execute(
        "SELECT e.record_id AS id FROM exported e JOIN appointments a ON a.id = e.record_id"
        " WHERE e.record_kind = 'appointments' AND e.state = 'entered'"
        f" AND a.status NOT IN ({', '.join(repr(s.value) for s in UNFINISHED_OR_DONE)})"
        f" AND e.record_id IN ({marks})", ids,
    )  # fmt: skip
    for r in rows:
        found[r["id"]] = (True, found.get(r["id"], (False, False))[1])
    return found


@dataclass
class _Cache:
    answers: dict[str, dict[str, StoredAnswer]] = field(default_factory=dict)
    calls: dict[str, list[StoredCall]] = field(default_factory=dict)
    letters: dict[str, list[Letter]] = field(default_factory=dict)
    conducts: dict[str, Conduct] = field(default_factory=dict)
    entered: dict[str, tuple[bool, bool]] = field(default_factory=dict)
    timeline_only: bool = False  # only calls and letters read: the rest from the database


class _Preload(threading.local):
    cache: _Cache | None = None


class WorkflowRepository:
    def __init__(self, db: Database, device_id: str) -> None:
        self.db = db
        self.device_id = device_id
        # per thread: Heute preloads in a worker while the GUI thread may read the vault
        self._preload = _Preload()

    @property
    def _cache(self) -> _Cache | None:
        return self._preload.cache

    @property
    def _full_cache(self) -> _Cache | None:
        cache = self._preload.cache
        return None if cache is None or cache.timeline_only else cache

    # ---- checklist answers -------------------------------------------------------------------
    def answers(self, appointment_id: str) -> dict[str, StoredAnswer]:
        if self._full_cache is not None:
            return dict(self._full_cache.answers.get(appointment_id, {}))
        rows = self.db.tuples(
            f"SELECT {ANSWER_COLUMNS} FROM checklist_answers WHERE appointment_id = ?",
            (appointment_id,),
        )
        return {r[1]: _answer(r) for r in rows}

    def save_answer(
        self, appointment_id: str, checklist: Checklist, item: Item, answer: Answer
    ) -> None:
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO checklist_answers (appointment_id, item_id, checklist_id,"
                " checklist_version, value, answered_at, answered_by, updated_at, origin_device)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (appointment_id, item_id) DO UPDATE SET"
                " checklist_id = excluded.checklist_id,"
                " checklist_version = excluded.checklist_version, value = excluded.value,"
                " answered_at = excluded.answered_at, answered_by = excluded.answered_by,"
                " updated_at = excluded.updated_at, origin_device = excluded.origin_device",
                (
                    appointment_id, item.id, checklist.id, checklist.version,
                    json.dumps(answer.value, ensure_ascii=False),
                    _local(answer.answered_at), answer.answered_by, _now_utc(), self.device_id,
                ),
            )  # fmt: skip

    def clear_answer(self, appointment_id: str, item_id: str) -> None:
        with self.db.transaction():
            self.db.execute(
                "DELETE FROM checklist_answers WHERE appointment_id = ? AND item_id = ?",
                (appointment_id, item_id),
            )

    # ---- call attempts -----------------------------------------------------------------------
    def calls(self, appointment_id: str) -> list[StoredCall]:
        if self._cache is not None:
            return list(self._cache.calls.get(appointment_id, []))
        rows = self.db.tuples(
            f"SELECT {CALL_COLUMNS} FROM call_attempts WHERE appointment_id = ? ORDER BY at",
            (appointment_id,),
        )
        return [_call(r) for r in rows]

    def add_call(self, appointment_id: str, call: CallAttempt) -> str:
        call.validate()
        call_id = new_id()
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO call_attempts (id, appointment_id, at, outcome, note, agreed,"
                " created_at, origin_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (call_id, appointment_id, _local(call.at), call.outcome.value, call.note,
                 int(call.agreed), _now_utc(), self.device_id),
            )  # fmt: skip
        return call_id

    def delete_call(self, call_id: str) -> None:
        with self.db.transaction():
            self.db.execute("DELETE FROM call_attempts WHERE id = ?", (call_id,))
            if self.db.scalar("SELECT changes()") != 1:
                raise RecordNotFound("Der Anrufversuch")

    # ---- letters -----------------------------------------------------------------------------
    def letters(self, appointment_id: str) -> list[Letter]:
        if self._cache is not None:
            return list(self._cache.letters.get(appointment_id, []))
        rows = self.db.tuples(
            f"SELECT {LETTER_COLUMNS} FROM letters WHERE appointment_id = ?", (appointment_id,)
        )
        return [_letter(r) for r in rows]

    def set_letter_sent(self, appointment_id: str, kind: LetterKind, day: date | None) -> None:
        with self.db.transaction():
            if day is None:
                self.db.execute(
                    "DELETE FROM letters WHERE appointment_id = ? AND kind = ?",
                    (appointment_id, kind.value),
                )
                return
            self.db.execute(
                "INSERT INTO letters (appointment_id, kind, sent_on, updated_at, origin_device)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (appointment_id, kind) DO UPDATE SET"
                " sent_on = excluded.sent_on, updated_at = excluded.updated_at,"
                " origin_device = excluded.origin_device",
                (appointment_id, kind.value, day.isoformat(), _now_utc(), self.device_id),
            )

    # ---- conduct -----------------------------------------------------------------------------
    def conduct(self, appointment_id: str) -> Conduct:
        if self._full_cache is not None:
            cached = self._full_cache.conducts.get(appointment_id)
            return replace(cached) if cached else Conduct(appointment_id=appointment_id)
        rows = self.db.tuples(
            f"SELECT {CONDUCT_COLUMNS} FROM conducts WHERE appointment_id = ?", (appointment_id,)
        )
        return _conduct(rows[0]) if rows else Conduct(appointment_id=appointment_id)

    def office_entered(self, appointment_id: str) -> tuple[bool, bool]:
        """(in VerBIS, in the e-Akte with the benefits department informed): what the office's
        receipts say it entered of this appointment (`_entered`)."""
        if self._full_cache is not None:
            return self._full_cache.entered.get(appointment_id, (False, False))
        return _entered(self.db, [appointment_id]).get(appointment_id, (False, False))

    def has_final_protocol(self, appointment_id: str) -> bool:
        return bool(self.db.scalar(
            "SELECT EXISTS (SELECT 1 FROM protocols"
            " WHERE appointment_id = ? AND finalized_at IS NOT NULL)", (appointment_id,),
        ))  # fmt: skip

    def with_final_protocol(self, appointment_ids: Iterable[str]) -> set[str]:
        """Those of `appointment_ids` with a finalized protocol (`has_final_protocol` in bulk)."""
        return self.db.matching(
            "SELECT DISTINCT appointment_id FROM protocols"
            " WHERE appointment_id IN ({ids}) AND finalized_at IS NOT NULL",
            appointment_ids,
        )

    def with_map_documentation(self, appointment_ids: Iterable[str]) -> set[str]:
        """Those of `appointment_ids` documented directly at the MAP (conducts, schema 12)."""
        return self.db.matching(
            "SELECT appointment_id FROM conducts INDEXED BY conducts_map_documented"
            " WHERE appointment_id IN ({ids}) AND map_documented_at IS NOT NULL",
            appointment_ids,
        )

    @contextmanager
    def preloaded(
        self, appointment_ids: Iterable[str], timeline_only: bool = False
    ) -> Iterator[None]:
        """Read answers, calls, letters and conducts of many appointments in a few queries
        (Heute); inside the block the per-appointment reads come from memory. Read-only use.
        `timeline_only`: only calls and letters (a home visit's letters due)."""
        cache = _Cache(timeline_only=timeline_only)
        ids = list(dict.fromkeys(appointment_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            where = f" WHERE appointment_id IN ({marks})"
            calls = f"SELECT {CALL_COLUMNS} FROM call_attempts{where} ORDER BY at"
            for r in self.db.tuples(calls, chunk):
                cache.calls.setdefault(r[0], []).append(_call(r))
            for r in self.db.tuples(f"SELECT {LETTER_COLUMNS} FROM letters{where}", chunk):
                cache.letters.setdefault(r[0], []).append(_letter(r))
            if not timeline_only:
                self._preload_records(cache, chunk, where)
        self._preload.cache = cache
        try:
            yield
        finally:
            self._preload.cache = None

    def _preload_records(self, cache: _Cache, chunk: list[str], where: str) -> None:
        for r in self.db.tuples(f"SELECT {ANSWER_COLUMNS} FROM checklist_answers{where}", chunk):
            cache.answers.setdefault(r[0], {})[r[1]] = _answer(r)
        for r in self.db.tuples(f"SELECT {CONDUCT_COLUMNS} FROM conducts{where}", chunk):
            cache.conducts[r[0]] = _conduct(r)
        cache.entered.update(_entered(self.db, chunk))

    def save_conduct(self, c: Conduct) -> None:
        """Write the conduct record; call inside the transaction that saves the appointment."""
        row: dict[str, Any] = {
            "appointment_id": c.appointment_id,
            "started_at": _local(c.started_at),
            "entered_home_at": _local(c.entered_home_at),
            "others_present_at": _local(c.others_present_at),
            "third_party_alone_at": _local(c.third_party_alone_at),
            "outcome": c.outcome.value if c.outcome else None,
            "outcome_at": _local(c.outcome_at),
            "broken_off_by": c.broken_off_by.value if c.broken_off_by else None,
            "outcome_reason": c.outcome_reason,
            "closed_at": _local(c.closed_at),
            "map_documented_at": _local(c.map_documented_at),
            "map_documented_by": c.map_documented_by,
            "updated_at": _now_utc(),
            "origin_device": self.device_id,
        }
        names = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        updates = ", ".join(f"{k} = excluded.{k}" for k in row if k != "appointment_id")
        self.db.execute(
            f"INSERT INTO conducts ({names}) VALUES ({marks})"
            f" ON CONFLICT (appointment_id) DO UPDATE SET {updates}",
            row,
        )

    # ---- outcome corrections (schema 9) ------------------------------------------------------
    def add_correction(self, c: OutcomeCorrection, correction_id: str | None = None) -> None:
        """Keep a correction; call inside the transaction that saves the appointment. The
        database refuses it once the appointment's protocol is finalized."""
        self.db.execute(
            "INSERT INTO outcome_corrections (id, appointment_id, old_outcome, new_outcome,"
            " corrected_at, reason, created_at, origin_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (correction_id or new_id(), c.appointment_id, c.old.value, c.new.value,
             _local(c.at), c.reason, _now_utc(), self.device_id),
        )  # fmt: skip

    def corrections(self, appointment_id: str) -> list[OutcomeCorrection]:
        """The corrections of an appointment's outcome, oldest first."""
        rows = self.db.execute(
            "SELECT * FROM outcome_corrections WHERE appointment_id = ?"
            " ORDER BY corrected_at, created_at",
            (appointment_id,),
        )
        return [_correction(r) for r in rows]
