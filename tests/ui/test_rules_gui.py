"""Einstellungen shows the agency's rules read-only, with where they come from; nothing on the
page lets a caseworker change or switch off a rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

from outreach_desktop import paths
from outreach_desktop.services.session import Session
from outreach_desktop.services.settings import Settings
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.ui.settings_page import SettingsPage
from testkit import PASSPHRASE


def _page(session: Session, qtbot: Any) -> SettingsPage:
    page = SettingsPage(session, Settings())
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_the_rules_are_shown_read_only_with_their_source(
    session: Session, vault_dir: Path, german: None, qtbot: Any
) -> None:
    folder = paths.site_config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "agency.toml").write_text("[rules]\nmin_failed_calls = 3\n", "utf-8")
    session.lock()
    opened = unlock_vault(vault_dir, PASSPHRASE)
    try:
        page = _page(opened, qtbot)
        box = page.rules
        assert box.title() == "Regeln der Dienststelle (nur lesbar)"
        assert box.values["calls"].text() == "3"
        assert box.values["announcement"].text() == (
            "28 bis 21 Tage vor dem Besuch, mindestens 21 Tage vorher"
        )
        assert box.values["reminder"].text() == "14 bis 7 Tage vor dem Besuch"
        assert box.values["source"].text() == (
            f"Standortkonfiguration ({folder / 'agency.toml'}, [rules])"
        )
        assert box.problem.isHidden()
        editable = (QAbstractSpinBox, QLineEdit, QComboBox, QAbstractButton)
        assert not [w for kind in editable for w in box.findChildren(kind)]
        assert not hasattr(page, "min_calls")
    finally:
        opened.lock()


def test_an_unusable_site_rule_is_named_and_the_instruction_applies(
    session: Session, vault_dir: Path, german: None, qtbot: Any
) -> None:
    folder = paths.site_config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "agency.toml").write_text("[rules]\nmin_failed_calls = -1\n", "utf-8")
    session.lock()
    opened = unlock_vault(vault_dir, PASSPHRASE)
    try:
        box = _page(opened, qtbot).rules
        assert box.values["calls"].text() == "2"
        assert box.values["source"].text() == (
            "Dienstanweisung (Vorgaben; die Regeln der Standortkonfiguration sind nicht nutzbar)"
        )
        assert not box.problem.isHidden()
        path = folder / "agency.toml"
        assert box.problem.text() == (
            f"Die Regeln in {path} wurden nicht verwendet – Mindestzahl erfolgloser "
            "Anrufversuche: Zwischen 0 und 20. Es gelten die Vorgaben."
        )
    finally:
        opened.lock()
