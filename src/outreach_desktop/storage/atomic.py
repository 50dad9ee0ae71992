"""Atomic file replacement: temp file with final permissions, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from outreach_desktop.storage.errors import DiskFull, StorageIOError, VaultError


def atomic_write(
    path: Path, data: bytes, mode: int = 0o600, verify: Callable[[Path], None] | None = None
) -> None:
    """`verify` (if given) checks the written temporary file before it takes the name; what it
    raises leaves nothing behind."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if verify is not None:
            verify(tmp)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise os_error(exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def os_error(exc: OSError) -> VaultError:
    """The user-facing error for a failed file operation."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull()
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageIOError("keine Schreibberechtigung oder schreibgeschützter Datenträger")
    return StorageIOError(exc.strerror or type(exc).__name__)


@contextlib.contextmanager
def os_errors() -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise os_error(exc) from exc


def fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
