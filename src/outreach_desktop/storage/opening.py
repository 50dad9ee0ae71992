"""Opening the vault's database as the medium allows, and what an earlier crash left behind:
a damaged WAL (kept aside and reported, never silently dropped) and the folders of a creation
that was killed before it finished."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from outreach_desktop.storage.database import Database
from outreach_desktop.storage.errors import StorageIOError
from outreach_desktop.storage.media import WriteProblem, write_problem
from outreach_desktop.storage.wal_check import lost_commits

log = logging.getLogger(__name__)

DB_FILE = "vault.db"
WAL_FILE = DB_FILE + "-wal"
DAMAGED_WAL = WAL_FILE + ".damaged-"
STAGING = ".creating-"  # `.NAME.creating-PID-RANDOM` beside the vault while it is created
STAGING_PID = re.compile(r"(\d+)-")
STALE_STAGING_SECONDS = 10 * 60  # a creation takes seconds; one this old was interrupted


@dataclass
class Opened:
    db: Database
    notices: list[str] = field(default_factory=list)  # German lines for the user
    damage: list[str] = field(default_factory=list)  # what `vault check` must report


def open_database(folder: Path, key: bytes | bytearray) -> Opened:
    """Read-write when the folder takes writes, otherwise read-only with a note saying why.
    A WAL that would lose committed changes is copied aside first and reported."""
    problem = write_problem(folder)
    notices: list[str] = [] if problem is None else [problem.note]
    damage: list[str] = []
    lost = lost_commits(folder / WAL_FILE)
    if lost:
        _keep_damaged_wal(folder, lost, problem is None, notices, damage)
    if problem is None:
        return Opened(Database.open(folder / DB_FILE, key), notices, damage)
    log.info("vault opened read-only (%s)", problem.value)
    return Opened(_open_read_only(folder, key, problem, notices), notices, damage)


def _open_read_only(
    folder: Path, key: bytes | bytearray, problem: WriteProblem, notices: list[str]
) -> Database:
    wal = folder / WAL_FILE
    if not wal.exists() or wal.stat().st_size == 0:
        return Database.open(folder / DB_FILE, key, read_only=problem, immutable=True)
    try:  # the WAL holds changes: read them if SQLite may use (or make) its index here
        return Database.open(folder / DB_FILE, key, read_only=problem)
    except StorageIOError:
        notices.append(
            "Warnung: Die zuletzt gespeicherten Änderungen (vault.db-wal) lassen sich auf "
            "diesem Datenträger nicht lesen; angezeigt wird der Stand davor. Sie sind nicht "
            "verloren: auf einem beschreibbaren Datenträger öffnet der Tresor sie wieder."
        )
        return Database.open(folder / DB_FILE, key, read_only=problem, immutable=True)


def _keep_damaged_wal(
    folder: Path, lost: int, writable: bool, notices: list[str], damage: list[str]
) -> None:
    name = DAMAGED_WAL + datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = False
    if writable:
        try:
            shutil.copyfile(folder / WAL_FILE, folder / name)
            os.chmod(folder / name, 0o600)
            kept = True
        except OSError:
            log.warning("a damaged WAL could not be copied aside")
    where = (
        f"Eine Kopie des Protokolls liegt als {name} im Tresorordner."
        if kept
        else "Eine Kopie des Protokolls ließ sich nicht anlegen."
    )
    notices.append(
        f"Warnung: Das Änderungsprotokoll des Tresors (vault.db-wal) ist nach einem Absturz "
        f"beschädigt. {lost} zuletzt gespeicherte Änderung(en) lassen sich daraus nicht mehr "
        f"lesen und fehlen im Tresor. {where} Bitte die letzten Eingaben prüfen und die IT "
        f"informieren."
    )
    if not kept:
        damage.append(
            f"Änderungsprotokoll nach einem Absturz beschädigt: {lost} Änderung(en) fehlen."
        )
    log.warning("vault WAL damaged after a crash: %d commit(s) behind the damage", lost)


def damage_found(folder: Path) -> list[str]:
    """What `vault check` reports while a damaged WAL's copy lies in the folder."""
    return [
        f"Änderungsprotokoll nach einem Absturz beschädigt ({path.name}): Änderungen aus der "
        "Zeit vor dem Absturz fehlen möglicherweise. Nach Prüfung der letzten Eingaben kann "
        "die Datei gelöscht werden."
        for path in sorted(folder.glob(DAMAGED_WAL + "*"))
    ]


def staging_prefix(target: Path) -> str:
    return f".{target.name}{STAGING}{os.getpid()}-"


def clean_stale_staging(target: Path) -> list[Path]:
    """Remove `.NAME.creating-*` folders beside `target` that a killed creation left: its
    process is gone, or it is older than any creation takes. One that a running process is
    building stays. Returns what was removed; what cannot be removed stays, silently."""
    gone = []
    with contextlib.suppress(OSError):
        prefix = f".{target.name}{STAGING}"
        for path in target.parent.glob(f"{glob_escape(prefix)}*"):
            suffix = path.name[len(prefix) :]
            if path.is_dir() and not path.is_symlink() and _stale(path, suffix):
                shutil.rmtree(path, ignore_errors=True)
                if not path.exists():
                    gone.append(path)
    if gone:
        log.info("%d folder(s) of an interrupted vault creation removed", len(gone))
    return gone


def _stale(path: Path, suffix: str) -> bool:
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return False
    if age > STALE_STAGING_SECONDS:
        return True
    match = STAGING_PID.match(suffix)
    if match is None or os.name != "posix":
        return False  # no process to ask: only age tells
    return not _alive(int(match[1]))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)
