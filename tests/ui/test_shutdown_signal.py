"""Log-out and shutdown send SIGTERM: the app closes as if the window were closed, so text typed
a moment ago (before the autosave) is saved and the vault is locked cleanly."""

from __future__ import annotations

import os
import signal
import textwrap
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from outreach_desktop.domain.people import Client
from outreach_desktop.services.vaults import create_vault, unlock_vault
from testkit import FAST_KDF, PASSPHRASE
from testkit.app_process import expect_line, qt_warnings, start_app

TYPED = "Kurz vor dem Abmelden getippt: Termin beim Bildungstraeger am Montag."

APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from outreach_desktop.services.settings import Settings
    from outreach_desktop.ui.app import create_application
    from outreach_desktop.ui.i18n import install_translators
    from outreach_desktop.ui.main_window import MainWindow
    from outreach_desktop.ui.protocol_editor import ProtocolEditor
    from outreach_desktop.ui.shutdown import close_on_signals
    from outreach_desktop.services.vaults import unlock_vault

    vault, protocol_id, typed = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = create_application(["outreach-desktop", "-platform", "offscreen"])
    install_translators(app, "de")
    window = MainWindow(Settings(), fixed_vault=vault)
    close_on_signals(app, window)
    window.show()
    window.open_session(unlock_vault(vault, sys.stdin.readline().rstrip("\\n")))

    def write():
        editor = ProtocolEditor(window.session, protocol_id, parent=window)

        def type_it():
            QTest.keyClicks(editor.edits["course"], typed)
            assert editor.autosave.dirty   # the autosave (2 s) has not run yet
            print("TYPED", flush=True)

        QTimer.singleShot(0, type_it)
        editor.exec()

    QTimer.singleShot(0, write)
    app.exec()
    print("LOCKED" if window.session is None else "OPEN", flush=True)
    """
)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_signal_closes_like_the_window_and_keeps_the_draft(
    tmp_path: Path, sig: signal.Signals
) -> None:
    vault = tmp_path / "vault"
    session = create_vault(vault, PASSPHRASE, owner_name="Alex", kdf=FAST_KDF)
    client = session.clients.save(Client(display_name="Sven Kaya"))
    now = datetime.now().replace(microsecond=0)
    protocol_id = session.protocols.begin(
        now,
        client_id=client.id,
        met_at=now,
        staff_ids=[session.owner().id],  # type: ignore[union-attr]
    ).id
    session.lock()

    child = start_app(APP, str(vault), protocol_id, TYPED)
    try:
        expect_line(child, "TYPED")
        os.kill(child.pid, sig)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
    assert out.strip() == "LOCKED"
    assert qt_warnings(err) == []
    assert not (vault / "vault.db-wal").exists() or (vault / "vault.db-wal").stat().st_size == 0
    reopened = unlock_vault(vault, PASSPHRASE)
    try:
        assert reopened.protocols.get(protocol_id).course == TYPED
    finally:
        reopened.lock()


def test_module_loads_where_sighup_does_not_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no SIGHUP: the app must still start there."""
    import importlib

    import outreach_desktop.ui.shutdown as shutdown

    monkeypatch.delattr(signal, "SIGHUP")
    reloaded = importlib.reload(shutdown)
    assert signal.SIGTERM in reloaded.SIGNALS and len(reloaded.SIGNALS) == 2
    monkeypatch.undo()
    importlib.reload(shutdown)


def test_an_unlock_finishing_after_close_is_locked_at_once(
    make_window: Any, vault_dir: Path
) -> None:
    window = make_window(vault_dir)
    window.close()
    session = create_vault(vault_dir, PASSPHRASE, owner_name="Alex", kdf=FAST_KDF)
    window._unlocked(session)  # what the background unlock delivers after the close
    assert session.is_locked and window.session is None
