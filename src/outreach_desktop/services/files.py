"""Files written where the user chose: a PDF, the agency's setup file, a key for the IT safe, a
receipt. Atomically (a temporary file of its own, fsync, rename), readable by the owner only;
never over an existing file unless the user said so; folders are never created, and a wrong
path is a German message, not a traceback."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from outreach_desktop.domain.errors import DomainError, FieldError, ValidationError
from outreach_desktop.storage.atomic import atomic_write

Target = str | os.PathLike[str]
FIELD, LABEL = "out", "Zieldatei"


class TargetExists(DomainError):
    """The chosen file is there already and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"Die Datei {path} gibt es schon; sie wird nicht überschrieben.")


def _field_error(message: str) -> ValidationError:
    return ValidationError([FieldError(FIELD, LABEL, message)])


def target_file(target: Target, *, suffix: str = "", replace: bool = False) -> Path:
    """The path `save_file` would write for `target` (`suffix` appended when the name lacks
    it), after the checks it makes before writing: a file name, not a folder, in a folder
    that exists, not taken unless `replace`. Call it before any work the write concludes."""
    text = os.fspath(target)
    if not text.strip():
        raise _field_error("Bitte einen Dateinamen angeben.")
    path = Path(text)
    if text.endswith(("/", os.sep)) or path.name in ("", ".", "..") or path.is_dir():
        raise _field_error(f"{text} ist ein Ordner; bitte einen Dateinamen angeben.")
    if suffix and not path.name.lower().endswith(suffix):
        path = path.with_name(path.name + suffix)
        if path.is_dir():
            raise _field_error(f"{path} ist ein Ordner; bitte einen anderen Dateinamen angeben.")
    if not path.parent.is_dir():
        raise _field_error(f"Den Ordner {path.parent} gibt es nicht.")
    if not replace and os.path.lexists(path):
        raise TargetExists(path)
    return path


def save_file(
    target: Target,
    data: bytes,
    *,
    suffix: str = "",
    mode: int = 0o600,
    verify: Callable[[Path], None] | None = None,
    replace: bool = False,
) -> Path:
    """Write `data` to `target` (`suffix` appended when the name lacks it); returns the path.
    `verify` checks the written temporary file before it takes the name. An existing file
    (or link) is replaced only with `replace` (a link itself, never what it points to)."""
    path = target_file(target, suffix=suffix, replace=replace)
    try:
        atomic_write(path, data, mode=mode, verify=verify, overwrite=replace)
    except FileExistsError as exc:  # taken between the check and the write
        raise TargetExists(path) from exc
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
