"""The migration backups in `backups/` of a vault folder: encrypted copies (same key) taken
before a migration, and how many of them stay."""

from __future__ import annotations

import contextlib
import logging
import re
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
KEEP_BACKUPS = 2  # migration backups kept: they hold the same personal data as the vault
BACKUP_NAME = re.compile(r"vault-schema(\d{4})-(\d{8}T\d{6}Z)\.db")


def prune(folder: Path, keep: int = KEEP_BACKUPS, keeping: Path | None = None) -> list[Path]:
    """Delete all but the newest `keep` migration backups in `folder`, by schema and then time;
    the one just taken (`keeping`) always stays, and files not named like our backups are left
    alone (a user's own copy, say). Returns what was deleted."""
    ours = []
    for path in folder.glob("vault-schema*.db"):
        match = BACKUP_NAME.fullmatch(path.name)
        if match and path != keeping:
            ours.append(((int(match[1]), match[2]), path))
    ours.sort()
    room = max(keep - (1 if keeping is not None else 0), 0)
    gone = [path for _key, path in ours[: len(ours) - room]] if len(ours) > room else []
    for path in gone:
        with contextlib.suppress(OSError):  # a locked or read-only file stays; no harm done
            path.unlink()
    if gone:
        log.info("%d old backup(s) removed", len(gone))
    return gone


def prune_before(folder: Path, moment: datetime) -> list[Path]:
    """Delete the migration backups taken at or before `moment` (by the time in their name):
    after a purge they still hold what it deleted. Returns what was deleted; a file that cannot
    be deleted is logged and left (it is encrypted like the vault)."""
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    gone = []
    for path in sorted(folder.glob("vault-schema*.db")):
        match = BACKUP_NAME.fullmatch(path.name)
        if match is None or match[2] > stamp:
            continue
        try:
            path.unlink()
            gone.append(path)
        except OSError:
            log.warning("a backup could not be removed")
    if gone:
        log.info("%d backup(s) with purged data removed", len(gone))
    return gone
