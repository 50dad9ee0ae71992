"""Shared fixtures: every test runs with its own data/config/log folders and TMPDIR, and vaults
use the minimum Argon2id parameters (calibration is tested on its own)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from outreach_desktop.services.session import Session  # noqa: E402
from outreach_desktop.services.vaults import create_vault  # noqa: E402
from outreach_desktop.storage import throttle as throttle_module  # noqa: E402
from outreach_desktop.storage.kdf import MINIMUM  # noqa: E402

PASSPHRASE = "Korrekt Pferd Batterie 42"
FAST_KDF = MINIMUM


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """OUTREACH_DESKTOP_HOME and TMPDIR inside the test's own folder."""
    home = tmp_path / "home"
    tmp = tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    monkeypatch.setenv("OUTREACH_DESKTOP_HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    yield home


@pytest.fixture(autouse=True)
def no_unlock_delay(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the throttle's delays instead of sleeping."""
    slept: list[float] = []
    fresh = throttle_module.UnlockThrottle(sleep=slept.append)
    monkeypatch.setattr(throttle_module, "throttle", fresh)
    monkeypatch.setattr("outreach_desktop.storage.vault.throttle", fresh)
    return slept


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def session(vault_dir: Path) -> Iterator[Session]:
    s = create_vault(vault_dir, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    yield s
    s.lock()


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path
