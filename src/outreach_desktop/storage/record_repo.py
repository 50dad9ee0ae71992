"""Generic storage of domain records: one table per entity, optimistic revisions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, ClassVar, Generic, TypeVar

from outreach_desktop.domain.records import Record
from outreach_desktop.domain.text import fold
from outreach_desktop.storage.database import Database, Row
from outreach_desktop.storage.errors import RecordNotFound, StaleRecord

T = TypeVar("T", bound=Record)

META_COLUMNS = ("id", "created_at", "updated_at", "revision", "origin_device")


def ts_to_db(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def ts_from_db(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def ts_stored(value: str) -> datetime:
    """A timestamp read from a NOT NULL column."""
    return datetime.fromisoformat(value)


def like_patterns(query: str) -> list[str]:
    """One LIKE pattern per word of the folded query (all must match)."""
    words = fold(query).split()
    return ["%" + re.sub(r"([\\%_])", r"\\\1", w) + "%" for w in words]


class RecordRepository(Generic[T]):
    table: ClassVar[str]
    what: ClassVar[str]  # German noun for messages, e.g. "Die Kundin/der Kunde"
    order_by: ClassVar[str] = "search_text"

    def __init__(self, db: Database, device_id: str) -> None:
        self.db = db
        self.device_id = device_id

    # ---- mapping (override per entity) ---------------------------------------------------
    def to_row(self, record: T) -> dict[str, Any]:
        raise NotImplementedError

    def from_row(self, row: Row) -> T:
        raise NotImplementedError

    def _meta(self, row: Row) -> dict[str, Any]:
        return {
            "id": row["id"],
            "created_at": ts_from_db(row["created_at"]),
            "updated_at": ts_from_db(row["updated_at"]),
            "revision": row["revision"],
            "origin_device": row["origin_device"],
        }

    def _after_write(self, record: T) -> None:
        """Hook for child tables, runs inside the save transaction."""

    def _load_children(self, records: list[T]) -> list[T]:
        return records

    # ---- queries -----------------------------------------------------------------------------
    def get(self, record_id: str) -> T:
        row = self.db.one(f"SELECT * FROM {self.table} WHERE id = ?", (record_id,))
        if row is None:
            raise RecordNotFound(self.what)
        return self._load_children([self.from_row(row)])[0]

    def find(self, record_id: str) -> T | None:
        try:
            return self.get(record_id)
        except RecordNotFound:
            return None

    def many(self, ids: Iterable[str]) -> list[T]:
        """The stored records among `ids` (missing ones left out), in no particular order."""
        wanted = list(dict.fromkeys(ids))
        found: list[T] = []
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ", ".join("?" * len(part))
            rows = self.db.execute(f"SELECT * FROM {self.table} WHERE id IN ({marks})", part)
            found += self._load_children([self.from_row(r) for r in rows])
        return found

    def search(self, query: str = "", limit: int = 500) -> list[T]:
        return self.search_from(query, 0, limit)

    def search_from(self, query: str, offset: int, limit: int) -> list[T]:
        """The records matching every word of `query`, in order, from `offset` on (a page)."""
        patterns = like_patterns(query)
        where = " AND ".join("search_text LIKE ? ESCAPE '\\'" for _ in patterns) or "1"
        rows = self.db.execute(
            f"SELECT * FROM {self.table} WHERE {where} ORDER BY {self.order_by} LIMIT ? OFFSET ?",
            (*patterns, limit, offset),
        )
        return self._load_children([self.from_row(r) for r in rows])

    def all(self) -> list[T]:
        return self.search("", limit=-1)

    def count(self) -> int:
        return int(self.db.scalar(f"SELECT count(*) FROM {self.table}"))

    # ---- changes -----------------------------------------------------------------------------
    def save(self, record: T, now: datetime | None = None, *, check: bool = True) -> T:
        """Validate (unless `check` is False: a state change of a stored record must not fail
        on rules that changed since), stamp and write. An update must carry the stored
        revision."""
        if check:
            record.validate()
        expected = record.revision
        before = (record.created_at, record.updated_at, record.revision, record.origin_device)
        record.stamp(self.device_id, now or datetime.now(UTC).replace(microsecond=0))
        row = self._row(record)
        try:
            with self.db.transaction():
                if expected == 0:
                    self._insert(row)
                else:
                    self._update(row, expected)
                self._after_write(record)
        except BaseException:
            record.created_at, record.updated_at, record.revision, record.origin_device = before
            raise
        return record

    def insert_many(self, records: list[T], now: datetime) -> list[T]:
        """New records validated and stamped like `save`, written with one statement (bulk
        writes such as demo data at scale); call inside a transaction."""
        rows = []
        for record in records:
            if record.revision != 0:
                raise ValueError("insert_many takes new records only")
            record.validate()
            record.stamp(self.device_id, now)
            rows.append(self._row(record))
        if rows:
            names = ", ".join(rows[0])
            marks = ", ".join(f":{k}" for k in rows[0])
            with self.db.transaction():
                self.db.executemany(f"INSERT INTO {self.table} ({names}) VALUES ({marks})", rows)
                self._after_insert_many(records)
        return records

    def _after_insert_many(self, records: list[T]) -> None:
        """Child rows of records just inserted by `insert_many` (per record unless overridden)."""
        for record in records:
            self._after_write(record)

    def store_received(self, record: T) -> bool:
        """Write a record as another vault stored it, its revision, origin device and times
        kept (the office's import): inserted when new here, or replacing an older revision.
        False (nothing written) when this revision or a newer one is stored already; whether
        the versions conflict is the caller's question, asked before."""
        with self.db.transaction():
            stored = self.db.scalar(f"SELECT revision FROM {self.table} WHERE id = ?", (record.id,))
            if stored is not None and stored >= record.revision:
                return False
            row = self._row(record)
            if stored is None:
                self._insert(row)
            else:
                self._update(row, stored)
            self._after_write(record)
        return True

    def _row(self, record: T) -> dict[str, Any]:
        return {
            "id": record.id,
            "created_at": ts_to_db(record.created_at),
            "updated_at": ts_to_db(record.updated_at),
            "revision": record.revision,
            "origin_device": record.origin_device,
            **self.to_row(record),
            "search_text": record.search_text,
        }

    def _insert(self, row: dict[str, Any]) -> None:
        names = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        self.db.execute(f"INSERT INTO {self.table} ({names}) VALUES ({marks})", row)

    def _update(self, row: dict[str, Any], expected: int) -> None:
        sets = ", ".join(f"{k} = :{k}" for k in row if k not in ("id", "created_at"))
        self.db.execute(
            f"UPDATE {self.table} SET {sets} WHERE id = :id AND revision = :expected",
            {**row, "expected": expected},
        )
        if self.db.scalar("SELECT changes()") != 1:
            raise StaleRecord()

    def delete(self, record_id: str) -> None:
        with self.db.transaction():
            self.db.execute(f"DELETE FROM {self.table} WHERE id = ?", (record_id,))
            if self.db.scalar("SELECT changes()") != 1:
                raise RecordNotFound(self.what)

    def ids(self) -> Iterable[str]:
        return [r[0] for r in self.db.execute(f"SELECT id FROM {self.table}")]
