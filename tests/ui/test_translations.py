"""The German translation is complete and current; German is the default, English selectable."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from outreach_desktop.resources import resources_dir
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.ui.i18n import install_translators
from testkit import FAST_KDF, PASSPHRASE

TS = resources_dir() / "translations" / "outreach_de.ts"
UI = Path(__file__).resolve().parents[2] / "src" / "outreach_desktop" / "ui"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def test_every_string_is_translated() -> None:
    unfinished = [
        key
        for key, msg in _messages(TS).items()
        if msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (msg.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_translation_file_covers_the_sources(tmp_path: Path) -> None:
    """lupdate on today's sources finds no string that the committed .ts lacks."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6-Essentials"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [lupdate, "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert missing == set(), "run `make lupdate` and translate"


def test_german_is_loaded_with_qt_standard_buttons(
    german: None, make_window: Any, vault_dir: Path
) -> None:
    session = create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    window = make_window(vault_dir)
    window.open_session(session)
    nav = [window.workspace.nav.item(i).text() for i in range(window.workspace.nav.count())]
    assert nav == [
        "Heute",
        "Termine",
        "Kundinnen und Kunden",
        "Protokolle",
        "Suche",
        "Dritte",
        "Mitarbeitende",
        "Einstellungen",
    ]
    assert "Mittwoch, 25.11.2026" in window.workspace.today_page.heading.text()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


def test_english_is_selectable(qapp: Any, make_window: Any, vault_dir: Path) -> None:
    session = create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    install_translators(qapp, "en")
    window = make_window(vault_dir)
    window.open_session(session)
    assert window.workspace.nav.item(2).text() == "Clients"
    assert QCoreApplication.translate("Labels", "Home visit") == "Home visit"
