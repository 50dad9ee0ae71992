"""Files written where the user chose: a PDF, the agency's setup file, a key for the IT safe.
Atomically (temporary name, fsync, rename), readable by the owner only; folders are never
created, and a wrong path is a German message, not a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from outreach_desktop.domain.errors import DomainError
from outreach_desktop.storage.atomic import atomic_write


def save_file(
    path: Path,
    data: bytes,
    *,
    suffix: str = "",
    mode: int = 0o600,
    verify: Callable[[Path], None] | None = None,
) -> Path:
    """Write `data` to `path` (`suffix` appended when the name lacks it); returns the path.
    `verify` checks the written temporary file before it takes the name."""
    if suffix and not path.name.lower().endswith(suffix):
        path = path.with_name(path.name + suffix)
    if path.is_dir():
        raise DomainError(f"{path} ist ein Ordner; bitte einen Dateinamen angeben.")
    if not path.parent.is_dir():
        raise DomainError(f"Den Ordner {path.parent} gibt es nicht.")
    try:
        atomic_write(path, data, mode=mode, verify=verify)
    except PermissionError as exc:
        raise DomainError(f"In {path.parent} darf nicht geschrieben werden.") from exc
    return path


def read_file(path: Path, limit: int) -> bytes:
    """Read a file the user named, at most `limit` bytes."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError as exc:
        raise DomainError(f"Die Datei {path} gibt es nicht.") from exc
    except IsADirectoryError as exc:
        raise DomainError(f"{path} ist ein Ordner, keine Datei.") from exc
    except OSError as exc:
        raise DomainError(f"Die Datei {path} lässt sich nicht lesen.") from exc
    if len(data) > limit:
        raise DomainError(f"Die Datei {path} ist größer als erlaubt.")
    return data
