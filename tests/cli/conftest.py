"""CLI fixtures: `cli.main` in-process, vault creation without Argon2 calibration, and commands
on the conftest vault. The helpers themselves live in testkit/cli.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_desktop.services.session import Session
from outreach_desktop.storage import vault as vault_module
from outreach_desktop.storage.kdf import KdfParams
from testkit import FAST_KDF
from testkit.cli import NEW_PASSPHRASE, Run, VaultCli, in_process, write_passphrase
from testkit.stations import station_folders, stations_template  # noqa: F401


@pytest.fixture(autouse=True)
def no_calibration(monkeypatch: pytest.MonkeyPatch) -> None:
    """`vault create` and `demo` calibrate Argon2id; in-process tests use the minimum."""

    def fast(*args: object, **kwargs: object) -> tuple[KdfParams, float]:
        return FAST_KDF, 0.0

    monkeypatch.setattr(vault_module, "calibrate", fast)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run("vault", "info", ..., stdin="...")` → exit code, stdout, stderr."""
    return in_process(capsys, monkeypatch)


@pytest.fixture
def new_passphrase_file(tmp_path: Path) -> Path:
    return write_passphrase(tmp_path / "new-passphrase.txt", NEW_PASSPHRASE)


@pytest.fixture
def locked_vault(session: Session, vault_dir: Path) -> Path:
    """The conftest vault (owner "Alex Beispiel"), locked."""
    session.lock()
    return vault_dir


@pytest.fixture
def on_vault(run: Run, locked_vault: Path, passphrase_file: Path) -> VaultCli:
    """Commands on the locked conftest vault with the right passphrase file."""
    return VaultCli(run, locked_vault, passphrase_file)
