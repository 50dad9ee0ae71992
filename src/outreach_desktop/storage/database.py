"""One SQLCipher 4 connection, keyed with the raw data key, with the pragmas the vault relies on.

Journal: WAL with synchronous=FULL. WAL keeps readers (lists, later exports in a background
thread) off the writer's back and makes the frequent small commits of autosave cheap; FULL
fsyncs the WAL on every commit, so a commit the user saw survives a power cut (laptop battery).
WAL frames are pages encrypted like the database itself; the -shm index holds no content.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from outreach_desktop.storage.errors import (
    AgencyKeysChanged,
    BundleReplayed,
    DeviceKeysChanged,
    DiskFull,
    RecordInUse,
    RoleFixed,
    StorageIOError,
    VaultBusy,
    VaultCorrupt,
    VaultError,
    VaultLocked,
)
from outreach_desktop.storage.secure_memory import raw_key_spec, wipe

log = logging.getLogger(__name__)

Row = Any  # sqlcipher3.Row: indexable by column name and position
DbError = sqlcipher3.DatabaseError

# pragma → the value it must report after being set
REQUIRED_PRAGMAS: dict[str, tuple[str, object]] = {
    "foreign_keys": ("ON", 1),
    "secure_delete": ("ON", 1),
    "temp_store": ("MEMORY", 2),
    "journal_mode": ("WAL", "wal"),
    "synchronous": ("FULL", 2),
}


def translate_error(exc: Exception) -> VaultError | None:
    """Map a known SQLite failure to a user-facing error; None means "a bug"."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    if name in ("SQLITE_NOTADB",) or name.startswith("SQLITE_CORRUPT"):
        return VaultCorrupt()
    if name == "SQLITE_FULL":
        return DiskFull()
    if name.startswith("SQLITE_READONLY"):
        return StorageIOError("schreibgeschützter Datenträger oder fehlende Schreibberechtigung")
    if name.startswith("SQLITE_IOERR") or name.startswith("SQLITE_CANTOPEN"):
        return StorageIOError(name)
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return VaultBusy()
    if name.startswith("SQLITE_CONSTRAINT"):
        # sqlcipher3 reports the primary code only; the message names the kind.
        text = str(exc)
        if "protocol finalized" in text:
            from outreach_desktop.domain.protocols import Finalized

            return Finalized()  # type: ignore[return-value]
        if "follow-up of a finalized protocol" in text:
            return RecordInUse(
                "Der Termin ist Folgetermin eines abgeschlossenen Gedächtnisprotokolls und bleibt "
                "deshalb erhalten; sagen Sie ihn stattdessen ab."
            )
        if "FOREIGN KEY" in text:
            return RecordInUse(
                "Ein verknüpfter Eintrag fehlt oder wird noch verwendet. Es wurde nichts geändert."
            )
        if "staff.is_owner" in text:
            return RecordInUse("Der Tresor hat bereits eine Inhaberin oder einen Inhaber.")
        return _exchange_refusal(text)
    return None


def _exchange_refusal(text: str) -> VaultError | None:
    """What the exchange's triggers (schema 8) refuse, for the user."""
    if "consent kept" in text:
        return RecordInUse("Einwilligungen werden nicht gelöscht, sondern widerrufen.")
    if "vault role fixed" in text:
        return RoleFixed()
    if "agency keys fixed" in text:
        return AgencyKeysChanged()
    if "device keys fixed" in text:
        return DeviceKeysChanged()
    if "bundle replayed" in text:
        return BundleReplayed()
    return None


@contextmanager
def known_errors() -> Iterator[None]:
    try:
        yield
    except sqlcipher3.Error as exc:
        mapped = translate_error(exc)
        if mapped is None:
            raise
        log.warning("database error %s", getattr(exc, "sqlite_errorname", type(exc).__name__))
        raise mapped from exc


def _set_key(conn: sqlcipher3.Connection, key: bytes | bytearray) -> None:
    """Key the connection through `sqlite3_key` with a wiped buffer: a `PRAGMA key` statement
    would leave the key's hex in Python strings and in SQLite's copy of the statement text."""
    spec = raw_key_spec(key)
    try:
        conn.set_key(spec)
    finally:
        wipe(spec)


class Database:
    """Thread-safe wrapper: every statement runs under one lock, errors are translated."""

    def __init__(self, conn: sqlcipher3.Connection, path: Path) -> None:
        self._conn: sqlcipher3.Connection | None = conn
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0

    @classmethod
    def open(cls, path: Path, key: bytes | bytearray) -> Database:
        """Open and verify; raises VaultCorrupt when the file is not our database."""
        with known_errors():
            conn = sqlcipher3.connect(
                str(path), isolation_level=None, check_same_thread=False, timeout=5.0
            )
        try:
            with known_errors():
                conn.execute("PRAGMA cipher_log_level = NONE")
                _set_key(conn, key)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            db = cls(conn, path)
            db._configure()
            return db
        except BaseException:
            conn.close()
            raise

    def _configure(self) -> None:
        conn = self.connection
        conn.row_factory = sqlcipher3.Row
        version = str(conn.execute("PRAGMA cipher_version").fetchone()[0])
        if not version.startswith("4."):
            raise VaultCorrupt(f"SQLCipher {version} statt 4.x")
        with known_errors():
            for pragma, (value, expected) in REQUIRED_PRAGMAS.items():
                conn.execute(f"PRAGMA {pragma} = {value}")
                actual = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
                if actual != expected:
                    raise RuntimeError(f"PRAGMA {pragma} is {actual!r}, expected {expected!r}")
            conn.execute("PRAGMA cache_size = -16000")

    @property
    def connection(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise VaultLocked()
        return self._conn

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        with self._lock, known_errors():
            return list(self.connection.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Row | None:
        rows = self.execute(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.one(sql, params)
        return row[0] if row is not None else None

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """BEGIN IMMEDIATE … COMMIT; any exception rolls back everything. Nested use joins
        the outer transaction, so a use case can combine several repository writes."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            conn = self.connection
            with known_errors():
                conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
                with known_errors():
                    conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0

    def checkpoint(self) -> bool:
        """Copy the WAL into the database file and truncate it, so no older page images stay
        behind in the WAL; False when a reader (or an open transaction) kept it from finishing."""
        with self._lock:
            if self._depth:
                return False
            row = self.one("PRAGMA wal_checkpoint(TRUNCATE)")
            return row is not None and row[0] == 0

    def executescript(self, script: str) -> None:
        with self._lock, known_errors():
            self.connection.executescript(script)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    @property
    def closed(self) -> bool:
        return self._conn is None
