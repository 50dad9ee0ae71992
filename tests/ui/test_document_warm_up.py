"""The first print does not stall the window for the fonts: a moment after unlock, once Heute
is on screen, the document machinery and fonts are loaded in the background (nothing of the
vault is read or rendered)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from outreach_desktop.documents import fonts
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.ui import main_window
from outreach_desktop.ui.main_window import MainWindow
from testkit import FAST_KDF, PASSPHRASE


def test_fonts_are_loaded_in_the_background_after_unlock(
    tmp_path: Path, make_window: Callable[..., MainWindow], qtbot: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(fonts, "_registered", False)  # as in a fresh process
    monkeypatch.setattr(main_window, "documents_warm", [False])
    monkeypatch.setattr(main_window, "WARM_UP_AFTER_MS", 200)
    vault = tmp_path / "v"
    session = create_vault(vault, PASSPHRASE, owner_name="A B", kdf=FAST_KDF)
    window = make_window(vault)
    window.open_session(session)
    assert not fonts._registered  # not while the window opens
    qtbot.waitUntil(lambda: fonts._registered, timeout=10000)
    assert main_window.documents_warm == [True]
