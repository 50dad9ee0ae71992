"""Logs, settings, profiles and a new vault are the owner's only whatever the umask: folders
0700, files 0600 (a umask of 0 would otherwise make them world-writable)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from outreach_desktop import logs
from outreach_desktop.domain.people import Client
from outreach_desktop.services.profiles import new_profile_path
from outreach_desktop.services.settings import Settings, save_settings
from outreach_desktop.services.vaults import create_vault
from testkit import FAST_KDF, PASSPHRASE


@pytest.fixture
def umask_zero() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def fresh_logging() -> Iterator[logging.Handler]:
    """Our log handler set up anew in this test's home (an earlier test's is put aside)."""
    root = logging.getLogger()
    earlier = [h for h in root.handlers if getattr(h, "_outreach", False)]
    for handler in earlier:
        root.removeHandler(handler)
    hook = logs.sys.excepthook
    logs.setup_logging()
    [ours] = [h for h in root.handlers if getattr(h, "_outreach", False)]
    yield ours
    root.removeHandler(ours)
    ours.close()
    for handler in earlier:
        root.addHandler(handler)
    logs.sys.excepthook = hook


def _modes(home: Path) -> dict[str, str]:
    """Every folder and file below `home` with its permission bits, as octal text."""
    found = {}
    for folder, dirs, files in os.walk(home):
        for name in dirs + files:
            path = Path(folder, name)
            found[str(path.relative_to(home))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def test_everything_the_app_makes_is_the_owners_only(
    isolated_home: Path, umask_zero: None, fresh_logging: logging.Handler
) -> None:
    logging.getLogger("outreach_desktop.test").info("eine Zeile")
    assert isinstance(fresh_logging, logging.handlers.RotatingFileHandler)
    fresh_logging.doRollover()
    logging.getLogger("outreach_desktop.test").info("nach dem Wechsel")
    save_settings(Settings(language="en"))
    session = create_vault(new_profile_path("Büro Lüchow"), PASSPHRASE, owner_name="Anna",
                           kdf=FAST_KDF)  # fmt: skip
    session.clients.save(Client(display_name="Zora Beispiel"))  # the WAL and its index exist
    modes = _modes(isolated_home)
    session.lock()
    expected_files = {"logs/outreach-desktop.log", "logs/outreach-desktop.log.1",
                      "config/settings.json", "data/profiles/Büro Lüchow/vault.db"}  # fmt: skip
    assert expected_files <= set(modes)
    assert any(name.endswith("vault.db-wal") for name in modes)
    for name, mode in modes.items():
        wanted = "0o700" if (isolated_home / name).is_dir() else "0o600"
        assert mode == wanted, f"{name}: {mode}"


def test_an_existing_log_file_is_made_the_owners_only(
    isolated_home: Path, umask_zero: None
) -> None:
    folder = isolated_home / "logs"
    folder.mkdir(mode=0o700)
    old = folder / logs.LOG_FILE
    old.write_text("alt\n", "utf-8")
    old.chmod(0o644)  # as an older version left it
    handler = logs.PrivateLogFile(old, maxBytes=100, backupCount=1, encoding="utf-8")
    handler.close()
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert old.read_text("utf-8") == "alt\n"  # appended to, never truncated
