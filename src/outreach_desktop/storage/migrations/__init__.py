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
        log.info("applying migration %04d_%s", step.version, step.name)
        script = f"BEGIN IMMEDIATE;\n{step.sql}\n;PRAGMA user_version = {step.version};\nCOMMIT;"
        try:
            db.executescript(script)
        except BaseException:
            if db.connection.in_transaction:
                db.connection.execute("ROLLBACK")
            raise
    return [m.version for m in pending]
