"""Vaults written by earlier schema versions still open and upgrade (Electrum's lesson).

`tests/data/vault-schemaNNNN/` holds a small vault made by the code of that schema version
(passphrase below, minimum Argon2id parameters, demo data with seed 11 on 25.11.2026). When a
migration is added, add a vault made before it; never change the old ones.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage.migrations import load_migrations
from outreach_desktop.storage.workflow_repo import WorkflowRepository
from testkit.internals import repository, vault_of

DATA = Path(__file__).resolve().parents[1] / "data"
PASSPHRASE = "Schema eins Testtresor"
OLD_VAULTS = sorted(DATA.glob("vault-schema*"))


@pytest.mark.parametrize("source", OLD_VAULTS, ids=lambda p: p.name)
def test_old_vault_opens_and_is_upgraded(source: Path, tmp_path: Path) -> None:
    vault = tmp_path / source.name
    shutil.copytree(source, vault)
    old_version = int(source.name.removeprefix("vault-schema"))
    session = unlock_vault(vault, PASSPHRASE)
    try:
        assert vault_of(session).schema_version() == load_migrations()[-1].version
        assert session.clients.count() == 5
        assert session.owner() is not None
        assert session.check() == []
        newer = vault_of(session).schema_version() > old_version
        assert (vault / "backups").is_dir() == newer  # a backup only when something migrated
    finally:
        session.lock()


def test_there_is_a_vault_for_the_first_schema() -> None:
    assert [p.name for p in OLD_VAULTS][:1] == ["vault-schema0001"]


def test_outcomes_from_schema_1_cannot_be_set_again(tmp_path: Path) -> None:
    from datetime import datetime

    from outreach_desktop.domain.errors import ValidationError
    from outreach_desktop.domain.vocabulary import AppointmentStatus

    vault = tmp_path / "v"
    shutil.copytree(DATA / "vault-schema0001", vault)
    session = unlock_vault(vault, PASSPHRASE)
    try:
        finished = [a for a in session.appointments.search("") if a.status.is_outcome]
        assert finished, "the schema-1 vault has past appointments with an outcome"
        for a in finished:
            conduct = repository(session, WorkflowRepository).conduct(a.id)
            assert conduct.outcome is a.status
            with pytest.raises(ValidationError, match="bereits ein Ergebnis"):
                session.workflow.finish(a.id, AppointmentStatus.NOT_MET, datetime(2027, 1, 1))
    finally:
        session.lock()
