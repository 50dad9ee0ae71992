"""Einstellungen → Dienststelle: the laptop shows its device key, joins with the agency's setup
file after the fingerprint is confirmed, and then shows the agency's rules, not its own."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from outreach_desktop.domain.agency import AgencyRules
from outreach_desktop.domain.home_visit import TimelineSettings
from outreach_desktop.services.vaults import create_office_vault, create_vault
from outreach_desktop.ui import messages
from testkit import FAST_KDF, PASSPHRASE

SETTINGS = 8


@pytest.fixture
def window(make_window: Any, vault_dir: Path, german: None) -> Any:
    session = create_vault(vault_dir, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    w = make_window(vault_dir)
    w.open_session(session)
    w.workspace.show_page(SETTINGS)
    return w


@pytest.fixture
def setup_file(tmp_path: Path) -> Path:
    office, signed = create_office_vault(
        tmp_path / "office", PASSPHRASE, agency_name="Jobcenter Lüchow", kdf=FAST_KDF,
        rules=AgencyRules(TimelineSettings(min_failed_calls=5), retention_days=3),
        now=datetime(2026, 11, 28, tzinfo=UTC),
    )  # fmt: skip
    office.lock()
    path = tmp_path / "agency-setup.json"
    path.write_bytes(signed.data)
    return path


def test_join_after_comparing_the_fingerprint(
    window: Any, setup_file: Path, error_boxes: list[str]
) -> None:
    page = window.workspace.settings_page
    box = page.agency
    assert "Noch keiner Dienststelle beigetreten" in box.state.text()
    assert window.session.identity.device_fingerprint() in box.state.text()
    assert page.rules.values["source"].text().startswith("Dienstanweisung")  # defaults
    assert page.rules.values["calls"].text() == "2"
    fingerprint = json.loads(setup_file.read_bytes())["setup"]["fingerprint"]
    box.ask_path = lambda _parent: str(setup_file)
    messages.set_next_answer(False)  # the fingerprints differ: do not join
    box.join_button.click()
    assert window.session.identity.joined() is None
    messages.set_next_answer(True)
    box.join_button.click()
    assert error_boxes == []
    assert "Jobcenter Lüchow" in box.state.text() and fingerprint in box.state.text()
    assert "5 erfolglose Anrufversuche" in box.state.text() and "3 Tage" in box.state.text()
    assert page.rules.values["calls"].text() == "5"  # shown at once, read-only
    assert page.rules.values["source"].text() == (
        "Einrichtungsdatei der Dienststelle (Jobcenter Lüchow)"
    )
    assert window.session.workflow.timeline_settings.min_failed_calls == 5


def test_an_altered_setup_file_is_refused_in_german(
    window: Any, setup_file: Path, tmp_path: Path, error_boxes: list[str]
) -> None:
    document = json.loads(setup_file.read_bytes())
    document["setup"]["rules"]["retention_days"] = 365
    altered = tmp_path / "altered.json"
    altered.write_text(json.dumps(document), encoding="utf-8")
    box = window.workspace.settings_page.agency
    box.ask_path = lambda _parent: str(altered)
    box.join_button.click()
    assert len(error_boxes) == 1 and "Signatur" in error_boxes[0]
    assert window.session.identity.joined() is None
