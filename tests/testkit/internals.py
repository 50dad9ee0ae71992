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


Tables = dict[str, list[tuple[object, ...]]]


def stored_tables(session: Session, but: tuple[str, ...] = ()) -> Tables:
    """Every row of every table (the full-text index's own tables included), sorted: to show a
    refused input changed nothing. `but`: tables left out (e.g. the sync log, which records the
    refusal)."""
    db = vault_of(session).db
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        name: sorted((tuple(r) for r in db.execute(f'SELECT * FROM "{name}"')), key=repr)
        for name in names
        if not name.startswith("sqlite_") and name not in but
    }
