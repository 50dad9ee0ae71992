"""Shared fixtures: every test runs with its own data/config/log folders and TMPDIR, and vaults
use the minimum Argon2id parameters (calibration is tested on its own)."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pyrage
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from outreach_desktop.services import settings as settings_module
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.storage import throttle as throttle_module
from testkit import FAST_KDF, PASSPHRASE, AgeIdentity
from testkit.cli import write_passphrase

UI_TESTS = Path(__file__).resolve().parent / "ui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark as `gui` every test that needs Qt widgets: all of tests/ui/ (some start the app in
    a child process) and any test using `qapp` (which `qtbot` uses too), so that
    `pytest -m "not gui"` runs without Qt (qutebrowser's tests/conftest.py does the same)."""
    for item in items:
        if "qapp" in getattr(item, "fixturenames", ()) or item.path.is_relative_to(UI_TESTS):
            item.add_marker(pytest.mark.gui)


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
def no_settings_problem_left() -> Iterator[None]:
    """A settings problem one test made and did not take is not told in the next test."""
    yield
    settings_module._unreported.clear()
    settings_module._stuck.clear()


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
    return write_passphrase(tmp_path / "passphrase.txt")


@pytest.fixture(autouse=True)
def detach_app_logging() -> Iterator[None]:
    """cli.main() calls setup_logging(), which adds a file handler in this test's home to the
    root logger; remove it afterwards so one test never logs into another test's folder."""
    root = logging.getLogger()
    level, hook = root.level, sys.excepthook
    yield
    for handler in list(root.handlers):
        if getattr(handler, "_outreach", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    sys.excepthook = hook


@pytest.fixture
def age_keygen_identity(tmp_path: Path) -> AgeIdentity:
    """An X25519 identity made by Debian's `age-keygen`."""
    path = tmp_path / "agency-age-keygen.txt"
    subprocess.run(["age-keygen", "-o", str(path)], check=True, capture_output=True)
    for line in path.read_text("ascii").splitlines():
        if line.startswith("# public key:"):
            return AgeIdentity(path, line.split(":", 1)[1].strip())
    raise AssertionError("age-keygen wrote no public key line")


@pytest.fixture
def pyrage_identity(tmp_path: Path) -> AgeIdentity:
    """An X25519 identity made by pyrage, written like an age identity file."""
    identity = pyrage.x25519.Identity.generate()
    path = tmp_path / "agency-pyrage.txt"
    path.write_text(f"# made by pyrage\n{identity}\n", encoding="ascii")
    return AgeIdentity(path, str(identity.to_public()))


@pytest.fixture
def digests() -> Callable[[Path], dict[str, str]]:
    """SHA-256 of every file below a folder, keyed by relative path."""

    def snapshot(folder: Path) -> dict[str, str]:
        return {
            str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    return snapshot
