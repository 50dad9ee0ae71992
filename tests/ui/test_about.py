"""Hilfe → Über: version, licence, fonts' licences, the site configuration in use and the
open vault's schema."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from outreach_desktop import __version__
from outreach_desktop.services.session import Session
from outreach_desktop.storage.migrations import load_migrations
from outreach_desktop.ui.about_dialog import about_text


def test_about_names_version_licences_site_and_schema(qtbot: QtBot, session: Session) -> None:
    site = Path(os.environ["OUTREACH_DESKTOP_HOME"]) / "site-config"
    site.mkdir(parents=True, exist_ok=True)
    (site / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (site / "recovery-recipient.txt").write_text("age1kaputt\n")
    text = about_text(session)
    assert __version__ in text
    assert "EUPL-1.2" in text
    assert "DejaVu Sans" in text and "SIL Open Font License 1.1" in text
    assert str(site) in text and "1" in text
    assert str(len(load_migrations())) in text.splitlines()[-1]


def test_about_without_a_vault_and_without_a_site(qtbot: QtBot) -> None:
    text = about_text(None)
    lines = text.splitlines()
    assert str(Path(os.environ["OUTREACH_DESKTOP_HOME"]) / "site-config") in lines[-2]
    assert "1" not in lines[-1]  # no schema number without a vault
