"""Atomic file replacement: a new temporary file (random name, created exclusively, never
through a link, the owner's mode), fsync, rename, fsync the folder. And folders of our own,
created for the owner only whatever the umask."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from outreach_desktop.storage.errors import DiskFull, StorageIOError, VaultError

# O_EXCL: never an existing file; O_NOFOLLOW: never through a link (O_EXCL refuses one already
# on POSIX; this says it twice where the system has it); O_BINARY: Windows, no CRLF.
NEW_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
PRIVATE_DIR = 0o700


def atomic_write(
    path: Path,
    data: bytes,
    mode: int = 0o600,
    verify: Callable[[Path], None] | None = None,
    *,
    overwrite: bool = True,
) -> None:
    """`verify` (if given) checks the written temporary file before it takes the name; what it
    raises leaves nothing behind. Without `overwrite`, an existing `path` (a link too) raises
    FileExistsError and stays as it was."""
    tmp: Path | None = None
    try:
        tmp, fd = _new_temporary(path)
        try:
            _write_all(fd, data, mode)
        finally:
            os.close(fd)
        if verify is not None:
            verify(tmp)
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
        fsync_dir(path.parent)
    except FileExistsError:
        _remove(tmp)
        raise
    except OSError as exc:
        _remove(tmp)
        raise os_error(exc) from exc
    except BaseException:
        _remove(tmp)
        raise


def _new_temporary(path: Path) -> tuple[Path, int]:
    """A fresh file beside `path` under a name nobody can guess, readable by the owner only."""
    for _attempt in range(16):
        tmp = path.with_name(f".{path.name}.tmp-{secrets.token_hex(8)}")
        try:
            return tmp, os.open(tmp, NEW_FILE, 0o600)
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, "no free temporary name", str(path))


def _write_all(fd: int, data: bytes, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)  # exactly `mode`, whatever the umask took away or left
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _place_new(tmp: Path, path: Path) -> None:
    """Give `tmp` the name `path` only if nothing has it: a hard link is refused atomically by
    the system; where the file system has none (FAT sticks), look first, then rename."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _remove(tmp: Path | None) -> None:
    if tmp is not None:
        with contextlib.suppress(OSError):
            tmp.unlink()


def private_dir(folder: Path) -> Path:
    """`folder` and any missing folders above it, created for the owner only (0700 whatever the
    umask, as the XDG base directory spec asks); existing folders are left as they are."""
    missing: list[Path] = []
    current = Path(folder)
    while not os.path.lexists(current) and current.parent != current:
        missing.append(current)
        current = current.parent
    for each in reversed(missing):
        try:
            os.mkdir(each, PRIVATE_DIR)
        except FileExistsError:
            continue  # made by someone else meanwhile: theirs, left alone
        os.chmod(each, PRIVATE_DIR)
    return folder


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
