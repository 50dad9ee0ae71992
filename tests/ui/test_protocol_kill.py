"""Nothing typed is lost: the app runs in a subprocess, a protocol is typed key by key, the
process is killed with SIGKILL after the autosave, and the draft is there, exactly."""

from __future__ import annotations

import os
import signal
import textwrap
from datetime import datetime, time, timedelta
from pathlib import Path

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.vaults import create_vault, unlock_vault
from testkit import FAST_KDF, PASSPHRASE
from testkit.app_process import expect_line, qt_warnings, start_app

TYPED = "Kunde kam puenktlich zum Treffpunkt. Wir sprachen ueber Bewerbungen."

APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from outreach_desktop.ui.app import create_application
    from outreach_desktop.ui.i18n import install_translators
    from outreach_desktop.ui.protocol_editor import ProtocolEditor
    from outreach_desktop.services.vaults import unlock_vault

    vault, protocol_id, typed = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = create_application(["outreach-desktop", "-platform", "offscreen"])
    install_translators(app, "de")
    session = unlock_vault(vault, sys.stdin.readline().rstrip("\\n"))
    editor = ProtocolEditor(session, protocol_id)
    editor.show()
    QTest.keyClicks(editor.edits["course"], typed)   # typed key by key, as a user would

    def report():
        if not editor.autosave.dirty:
            print("SAVED", flush=True)   # the parent kills us now, mid-session
        else:
            QTimer.singleShot(100, report)

    QTimer.singleShot(100, report)
    app.exec()
    """
)


def test_draft_survives_sigkill(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    session = create_vault(vault, PASSPHRASE, owner_name="Alex", kdf=FAST_KDF)
    client = session.clients.save(Client(display_name="Sven Kaya"))
    start = datetime.combine(datetime.now().date() - timedelta(days=1), time(10))
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, start, client_id=client.id, place="Bahnhof",
        staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    protocol_id = session.protocols.begin(datetime.now(), appointment_id=a.id).id
    session.lock()

    child = start_app(APP, str(vault), protocol_id, TYPED)
    try:
        expect_line(child, "SAVED")
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    assert child.stderr is not None and qt_warnings(child.stderr.read()) == []

    reopened = unlock_vault(vault, PASSPHRASE)  # after the kill: WAL recovery, then read
    try:
        assert reopened.protocols.get(protocol_id).course == TYPED
        assert reopened.check() == []
    finally:
        reopened.lock()
