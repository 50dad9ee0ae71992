"""A vault on a read-only medium opens for reading; the window title and status bar say so."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from outreach_desktop.domain.people import Client
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.storage import media
from testkit import FAST_KDF, PASSPHRASE


def refuse_probe(path: Any, *args: Any, **kwargs: Any) -> int:
    if ".write-probe-" in str(path):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))
    return real_open(path, *args, **kwargs)


real_open = os.open


def test_the_title_says_read_only(
    qtbot: Any, make_window: Callable[..., Any], vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = create_vault(vault_dir, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    session.clients.save(Client(display_name="Auf dem Stick"))
    session.lock()
    monkeypatch.setattr(media.os, "open", refuse_probe)
    window = make_window(vault_dir)
    window.welcome.passphrase.setFocus()
    qtbot.keyClicks(window.welcome.passphrase, PASSPHRASE)
    qtbot.keyClick(window.welcome.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15000)
    assert window.windowTitle() == "Outreach Desktop – vault (nur lesen)"
    assert window.notice_label.isVisible()
    assert "schreibgeschützt" in window.notice_label.text()
    window.lock()
    assert not window.notice_label.isVisible()
    assert window.windowTitle() == "Outreach Desktop – gesperrt"
