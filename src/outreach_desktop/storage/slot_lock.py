"""One writer of the key files at a time: an exclusive lock on a small file in the vault folder
(`flock` on POSIX, `msvcrt.locking` on Windows), held while slots are checked and written.

Another program wanting it waits up to `LOCK_TIMEOUT` seconds, then gives up with a message.
The lock file stays (deleting it would let two programs lock two different files).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from outreach_desktop.storage.atomic import os_errors
from outreach_desktop.storage.errors import KeySlotsBusy

log = logging.getLogger(__name__)

LOCK_FILE = ".keyslots.lock"
LOCK_TIMEOUT = 15.0
POLL_SECONDS = 0.05


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def slots_locked(directory: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the key files' lock (a lock per open file, so threads exclude each other too)."""
    limit = LOCK_TIMEOUT if timeout is None else timeout
    with os_errors():
        fd = os.open(directory / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            _wait_for(fd, limit)
        except OSError:  # a file system without locks (some network shares): best effort
            log.warning("key files: no file lock on this file system")
            yield
            return
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _wait_for(fd: int, limit: float) -> None:
    deadline = time.monotonic() + limit
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            raise KeySlotsBusy()
        time.sleep(POLL_SECONDS)
