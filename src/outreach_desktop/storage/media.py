"""Can the vault's folder take writes? A full disk or a read-only medium (a write-protected USB
stick, a folder without write permission) must still let the user read: the vault is then
opened read-only and says why, and a write is refused before it starts, with what to do."""

from __future__ import annotations

import contextlib
import errno
import os
from enum import Enum
from pathlib import Path

from outreach_desktop.storage.errors import DiskFull, ReadOnlyMedium, StorageIOError, VaultError

# What the probe writes: room for the WAL index (-shm, 32 KiB) and a first WAL frame.
PROBE_BYTES = 64 * 1024
FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
READ_ONLY_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM)


class WriteProblem(Enum):
    FULL = "full"
    READ_ONLY = "read-only"

    def error(self, opened: bool = True) -> VaultError:
        """What a write attempted on a vault opened read-only for this reason raises (or, not
        `opened`, the creation of a vault in such a folder)."""
        if self is WriteProblem.FULL:
            return DiskFull(
                "Der Tresor ist nur zum Lesen geöffnet; nach dem Aufräumen bitte neu öffnen."
                if opened
                else ""
            )
        if not opened:
            return StorageIOError("keine Schreibberechtigung oder schreibgeschützter Datenträger")
        return ReadOnlyMedium()

    @property
    def note(self) -> str:
        """One German line telling the user why the vault is read-only."""
        if self is WriteProblem.FULL:
            return (
                "Hinweis: Der Speicherplatz ist voll. Der Tresor ist nur zum Lesen geöffnet; "
                "Änderungen sind erst nach dem Aufräumen (und erneutem Öffnen) möglich."
            )
        return (
            "Hinweis: Der Datenträger ist schreibgeschützt (oder es fehlt die "
            "Schreibberechtigung). Der Tresor ist nur zum Lesen geöffnet."
        )


def problem_of(exc: OSError) -> WriteProblem | None:
    if exc.errno in FULL_ERRNOS:
        return WriteProblem.FULL
    if exc.errno in READ_ONLY_ERRNOS:
        return WriteProblem.READ_ONLY
    return None


def write_problem(folder: Path) -> WriteProblem | None:
    """None when `folder` takes a small file (written, synced and removed again); otherwise
    why not. Other I/O errors are left to the database open, which reports them as they are."""
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return WriteProblem.READ_ONLY
    probe = folder / f".write-probe-{os.getpid()}-{os.urandom(4).hex()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        return problem_of(exc)
    try:
        view = memoryview(bytes(PROBE_BYTES))
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as exc:
        return problem_of(exc)
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            probe.unlink()
    return None
