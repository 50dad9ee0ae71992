"""The export's file on the medium: written under a temporary name no reader takes for a bundle
(`.OD-….age.<bundle id>.part`), synced, read back from the medium, and only then, after the
vault's bookkeeping is committed, renamed to its final name (see services/export.py for the
order and what a crash or a cancel leaves at each step).

Every failure of the medium is one German sentence (ExportFailed); the temporary file is
removed on the way out.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from outreach_desktop.domain.errors import UserError
from outreach_desktop.storage.atomic import fsync_dir

PART = ".part"
NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)  # Windows: no CRLF
NOTHING_WRITTEN = "Es wurde nichts übergeben."


class ExportFailed(UserError):
    """The export did not happen; the vault is as it was."""


class TargetFull(ExportFailed):
    """No room on the chosen medium (the export's DiskFull)."""


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB".replace(".", ",")


def medium_error(exc: OSError, folder: Path, size: int) -> ExportFailed:
    """The German sentence for a failed write, read or rename on the medium."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return TargetFull(
            f"Auf dem Datenträger in {folder} ist nicht genug Platz für die Übergabe "
            f"({_mb(size)}). {NOTHING_WRITTEN} Bitte Platz schaffen oder einen anderen "
            "Datenträger wählen."
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ExportFailed(
            f"In {folder} darf nicht geschrieben werden (schreibgeschützt oder keine "
            f"Berechtigung). {NOTHING_WRITTEN}"
        )
    reason = exc.strerror or type(exc).__name__
    return ExportFailed(
        f"Die Übergabedatei ließ sich in {folder} nicht schreiben ({reason}). {NOTHING_WRITTEN}"
    )


def check_folder(folder: Path) -> None:
    if not folder.exists():
        raise ExportFailed(f"Den Ordner {folder} gibt es nicht. {NOTHING_WRITTEN}")
    if not folder.is_dir():
        raise ExportFailed(f"{folder} ist kein Ordner. {NOTHING_WRITTEN}")


@dataclass(frozen=True)
class BundleFile:
    """Where one bundle is written: its temporary and its final path."""

    folder: Path
    name: str  # the final file name (bundle_file_name)
    bundle_id: str

    @property
    def final(self) -> Path:
        return self.folder / self.name

    @property
    def temporary(self) -> Path:
        return self.folder / f".{self.name}.{self.bundle_id}{PART}"

    def write(self, data: bytes) -> None:
        """Write and fsync under the temporary name (a new file: never over another one)."""
        if self.final.exists():
            raise ExportFailed(
                f"In {self.folder} liegt schon eine Datei {self.name}. {NOTHING_WRITTEN}"
            )
        try:
            fd = os.open(self.temporary, NEW_FILE, 0o600)
        except OSError as exc:
            raise medium_error(exc, self.folder, len(data)) from exc
        try:
            with self._on_failure(len(data)):
                try:
                    view = memoryview(data)
                    while view:
                        view = view[os.write(fd, view) :]
                    os.fsync(fd)
                    _forget_cached(fd)
                finally:
                    os.close(fd)
        except BaseException:
            self.discard()
            raise

    def read_back(self, limit: int) -> bytes:
        """The temporary file as the medium holds it (its pages dropped from the cache where
        the system allows, so this reads the medium, not memory)."""
        with self._on_failure(0), open(self.temporary, "rb") as handle:
            _forget_cached(handle.fileno())
            return handle.read(limit + 1)

    def finish(self) -> None:
        """The final name, and the folder synced so the rename survives a power cut."""
        with self._on_failure(0):
            os.replace(self.temporary, self.final)
            fsync_dir(self.folder)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.temporary.unlink()

    @contextlib.contextmanager
    def _on_failure(self, size: int) -> Iterator[None]:
        try:
            yield
        except OSError as exc:
            raise medium_error(exc, self.folder, size) from exc


def _forget_cached(fd: int) -> None:
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def leftovers(folder: Path, device_id: str) -> list[BundleFile]:
    """Temporary files of this device's exports in `folder` (left by a crash or a failure)."""
    pattern = re.compile(
        rf"\.(OD-{re.escape(device_id[:8])}-[0-9]{{6,}}\.age)\.([0-9a-f-]{{36}}){re.escape(PART)}"
    )
    found = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = pattern.fullmatch(path.name)
            if match:
                found.append(BundleFile(folder, match.group(1), match.group(2)))
    return found
