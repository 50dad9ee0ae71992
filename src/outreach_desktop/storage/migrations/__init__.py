"""Numbered SQL migrations (`0001_name.sql`, …) tracked by `PRAGMA user_version`.

Each step runs in one transaction together with its user_version bump, so a failed step leaves
the schema where it was. Before migrating an existing vault an encrypted backup is taken.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from outreach_desktop.storage.database import Database
from outreach_desktop.storage.errors import VaultTooNew

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")
MIGRATIONS_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match[1]), match[2], path.read_text("utf-8")))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


def schema_version(db: Database) -> int:
    return int(db.scalar("PRAGMA user_version"))


def migrate(
    db: Database,
    migrations: list[Migration],
    backup: Callable[[int], object] | None = None,
) -> list[int]:
    """Bring the schema to the newest version; returns the versions applied.

    `backup(current_version)` is called once before the first step when the database already
    has a schema (a new, empty one needs none).
    """
    current = schema_version(db)
    latest = migrations[-1].version if migrations else 0
    if current > latest:
        raise VaultTooNew(current, latest)
    pending = [m for m in migrations if m.version > current]
    if pending and current > 0 and backup is not None:
        backup(current)
    for step in pending:
        with db.transaction():
            # Re-read inside the write lock: another process may have migrated meanwhile.
            if schema_version(db) >= step.version:
                continue
            log.info("applying migration %04d_%s", step.version, step.name)
            for statement in split_statements(step.sql):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {step.version:d}")
    return [m.version for m in pending]


def split_statements(script: str) -> list[str]:
    """The complete SQL statements of a script, in order."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in buffer.splitlines()
    ):
        raise RuntimeError("migration ends with an incomplete statement")
    return statements
