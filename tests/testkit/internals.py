"""The one place tests reach behind the services: storage tests need the vault itself (raw SQL
to prove a trigger, the key slots, the file). The application has no such door."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from outreach_desktop.services.session import Session
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.vault import Vault


def vault_of(session: Session) -> Vault:
    return session._vault


R = TypeVar("R")


def repository(session: Session, kind: Callable[[Database, str], R]) -> R:
    """A repository on the session's vault, for tests of what storage itself guarantees."""
    vault = vault_of(session)
    return kind(vault.db, vault.device_id)


def all_rows(session: Session) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the full-text index and its shadow tables included), sorted:
    two equal dumps mean nothing in the vault changed."""
    db = vault_of(session).db
    tables = [
        str(r[0])
        for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if not str(r[0]).startswith("sqlite_")
    ]
    return {
        t: sorted((tuple(r) for r in db.execute(f'SELECT * FROM "{t}"')), key=repr) for t in tables
    }
