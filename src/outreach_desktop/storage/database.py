"""One SQLCipher 4 connection, keyed with the raw data key, with the pragmas the vault relies on.

Journal: WAL with synchronous=FULL. WAL keeps readers (lists, later exports in a background
thread) off the writer's back; FULL fsyncs the WAL on every commit, so a commit the user saw
survives a power cut (laptop battery). WAL frames are pages encrypted like the database itself;
the -shm index holds no content.

After every write transaction the WAL is checkpointed into the database file and truncated
(without waiting for readers). A damaged WAL after a crash makes SQLite drop every commit behind
the damaged frame without a word; with the log emptied after each commit there is nothing left
in it to lose, and what a held-up checkpoint leaves behind is checked at open (wal_check.py).
The cost per save is measured by `make bench`.

A vault on a full disk or a read-only medium opens read-only (`read_only` says why): reading
works, a write is refused before it starts with what to do.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
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
from outreach_desktop.storage.media import WriteProblem
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
READ_ONLY_SKIPS = ("journal_mode", "synchronous")  # set by the writer; a reader cannot
BUSY_TIMEOUT_MS = 5000
# SQLCipher's page cache (decrypted pages) in KiB: a large vault's indexes fit, so a repeated
# query decrypts nothing anew; well within the app's 300 MB memory budget
CACHE_KIB = 64 * 1024


def translate_error(exc: Exception) -> VaultError | None:
    """Map a known SQLite failure to a user-facing error; None means "a bug"."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    if name in ("SQLITE_NOTADB",) or name.startswith("SQLITE_CORRUPT"):
        return VaultCorrupt()
    if name == "SQLITE_FULL":
        return DiskFull()
    if name.startswith("SQLITE_READONLY"):
        return WriteProblem.READ_ONLY.error()
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

    def __init__(
        self, conn: sqlcipher3.Connection, path: Path, read_only: WriteProblem | None = None
    ) -> None:
        self._conn: sqlcipher3.Connection | None = conn
        self.path = path
        self.read_only = read_only
        self._lock = threading.RLock()
        self._depth = 0

    @classmethod
    def open(
        cls,
        path: Path,
        key: bytes | bytearray,
        *,
        read_only: WriteProblem | None = None,
        immutable: bool = False,
    ) -> Database:
        """Open and verify; raises VaultCorrupt when the file is not our database. With
        `read_only` the file is opened for reading only (`immutable`: without the WAL and its
        index, which a full or write-protected medium may not let SQLite create)."""
        target: str = str(path)
        if read_only is not None:
            target = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
        with known_errors():
            conn = sqlcipher3.connect(
                target,
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
                uri=read_only is not None,
            )
        try:
            with known_errors():
                conn.execute("PRAGMA cipher_log_level = NONE")
                _set_key(conn, key)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            db = cls(conn, path, read_only)
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
                if self.read_only is not None and pragma in READ_ONLY_SKIPS:
                    continue
                conn.execute(f"PRAGMA {pragma} = {value}")
                actual = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
                if actual != expected:
                    raise RuntimeError(f"PRAGMA {pragma} is {actual!r}, expected {expected!r}")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")

    @property
    def connection(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise VaultLocked()
        return self._conn

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        with self._lock, known_errors():
            return list(self.connection.execute(sql, params).fetchall())

    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """As `execute`, but plain tuples instead of Row objects: for bulk reads."""
        with self._lock, known_errors():
            cursor = self.connection.cursor()
            cursor.row_factory = None
            return list(cursor.execute(sql, params).fetchall())

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | dict[str, Any]]) -> None:
        """One statement for many rows (bulk writes: one call instead of one per row)."""
        with self._lock, known_errors():
            self.connection.executemany(sql, rows)

    def matching(self, sql: str, ids: Iterable[str]) -> set[Any]:
        """The first column of `sql` run over `ids` in chunks of 500 (`{ids}` in `sql` stands
        for their placeholders): a bulk `IN` lookup however many ids are asked."""
        wanted, found = list(dict.fromkeys(ids)), set()
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            found |= {r[0] for r in self.execute(sql.format(ids=", ".join("?" * len(part))), part)}
        return found

    @contextmanager
    def page_cache(self, megabytes: int) -> Iterator[None]:
        """A larger page cache for a bulk write into a large vault (its many indexes' pages stay
        decrypted in memory instead of being read and decrypted again); the usual size again
        after it, the extra pages freed."""
        before = int(self.scalar("PRAGMA cache_size"))
        self.execute(f"PRAGMA cache_size = {-int(megabytes) * 1024}")
        try:
            yield
        finally:
            self.execute(f"PRAGMA cache_size = {before}")

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
            if self.read_only is not None:
                raise self.read_only.error()
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
            self._settle()

    def _settle(self) -> bool:
        """After a commit: the WAL into the database file and truncated, so a crash leaves no
        committed change in a log that a damaged frame could cut short. Never waits for a
        reader (the check at open covers what it leaves); the commit stands either way."""
        conn = self.connection
        try:
            conn.execute("PRAGMA busy_timeout = 0")
            row = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            done = row is not None and row[0] == 0
        except sqlcipher3.Error as exc:
            log.warning("checkpoint after commit: %s", getattr(exc, "sqlite_errorname", exc))
            done = False
        finally:
            with contextlib.suppress(sqlcipher3.Error):
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return done

    def checkpoint(self) -> bool:
        """Copy the WAL into the database file and truncate it, so no older page images stay
        behind in the WAL; False when a reader (or an open transaction) kept it from finishing."""
        with self._lock:
            if self._depth or self.read_only is not None:
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
