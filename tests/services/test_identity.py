"""The vault's place in the exchange: device keys made once, the office station's agency keys,
and a laptop joining its agency (by file, or from IT's site configuration) whose rules apply."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from outreach_desktop import paths
from outreach_desktop.domain.agency import AgencyRules
from outreach_desktop.domain.errors import DomainError, UserError
from outreach_desktop.domain.home_visit import TimelineSettings
from outreach_desktop.exchange.setup_file import FILE_NAME, write_setup
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_office_vault, unlock_vault
from testkit import FAST_KDF, PASSPHRASE

NOW = datetime(2026, 11, 28, 10, tzinfo=UTC)


@pytest.fixture
def office(tmp_path: Path) -> tuple[Session, bytes]:
    rules = AgencyRules(TimelineSettings(min_failed_calls=4), retention_days=0)
    session, signed = create_office_vault(
        tmp_path / "office", PASSPHRASE, agency_name="Jobcenter Lüchow", rules=rules,
        kdf=FAST_KDF, now=NOW,
    )  # fmt: skip
    return session, signed.data


def test_device_keys_are_made_once(session: Session, vault_dir: Path) -> None:
    first = session.identity.device_fingerprint()
    session.lock()
    again = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert again.identity.device_fingerprint() == first
        assert again.info().device_fingerprint == first and again.info().role == "field"
    finally:
        again.lock()


def test_the_office_holds_the_agency_and_recovers_with_it(office: tuple[Session, bytes]) -> None:
    session, data = office
    setup = json.loads(data)["setup"]
    assert session.identity.role() == "office"
    assert session.identity.agency_identity().fingerprint == setup["fingerprint"]
    assert session.info().slots[-1].detail.endswith(setup["age_recipient"])
    assert "AGE-SECRET-KEY-1" in session.identity.agency_identity_file()
    with pytest.raises(DomainError, match="Bürotresor"):
        session.join_agency(data)


def test_joining_brings_the_agencys_rules_at_once(
    session: Session, office: tuple[Session, bytes]
) -> None:
    _office, data = office
    assert session.workflow.timeline_settings.min_failed_calls != 4
    session.join_agency(data)
    joined = session.identity.joined()
    assert joined is not None and joined.name == "Jobcenter Lüchow"
    assert session.workflow.timeline_settings.min_failed_calls == 4
    session.join_agency(data)  # the same file again changes nothing


def test_an_older_setup_file_does_not_undo_newer_rules(
    session: Session, office: tuple[Session, bytes]
) -> None:
    office_session, first = office
    agency = office_session.identity.agency_identity()
    from outreach_desktop.exchange.setup_file import read_setup

    setup = read_setup(first).setup
    newer = write_setup(replace(setup, rules=AgencyRules(retention_days=7)), agency,
                        NOW + timedelta(days=1))  # fmt: skip
    session.join_agency(newer.data)
    with pytest.raises(UserError, match="älter"):
        session.join_agency(first)
    joined = session.identity.joined()
    assert joined is not None and joined.rules.retention_days == 7


def test_it_can_install_the_setup_file_for_every_laptop(
    session: Session, vault_dir: Path, office: tuple[Session, bytes]
) -> None:
    _office, data = office
    session.lock()
    folder = paths.site_config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / FILE_NAME).write_bytes(data)
    opened = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert opened.identity.joined() is not None and opened.site_setup_problem == ""
        assert opened.workflow.timeline_settings.min_failed_calls == 4
    finally:
        opened.lock()


def test_a_broken_site_file_does_not_stop_the_unlock(session: Session, vault_dir: Path) -> None:
    session.lock()
    folder = paths.site_config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / FILE_NAME).write_bytes(b'{"format": "outreach-desktop-setup"')
    opened = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert opened.identity.joined() is None
        assert "nicht verwendet" in opened.site_setup_problem
    finally:
        opened.lock()


def test_joining_puts_the_vault_in_the_agencys_recovery(
    session: Session, vault_dir: Path, office: tuple[Session, bytes], tmp_path: Path
) -> None:
    """The setup file names the recovery key: after joining, the office can open the laptop's
    vault with the agency's key file (the one exported for the IT safe)."""
    from outreach_desktop.services.vaults import recover_vault

    office_session, data = office
    assert all(s.kind != "recovery" for s in session.info().slots)
    session.join_agency(data)
    recipient = json.loads(data)["setup"]["recovery_recipient"]
    assert session.info().slots[-1].detail.endswith(recipient)
    session.lock()
    key_file = office_session.identity.agency_identity_file()
    recovered = recover_vault(vault_dir, key_file, "Eine ganz neue Passphrase 2026", kdf=FAST_KDF)
    try:
        assert recovered.identity.joined() is not None
    finally:
        recovered.lock()


def test_letters_carry_the_agencys_letterhead_unless_the_caseworker_set_their_own(
    session: Session, office: tuple[Session, bytes]
) -> None:
    from outreach_desktop.services.agency import letterhead
    from outreach_desktop.services.settings import Settings

    _office, data = office
    session.join_agency(data)
    joined = session.identity.joined_setup()
    assert joined is not None
    head = letterhead(Settings(), joined.setup)
    assert head.agency_name == "Jobcenter Lüchow"
    own = letterhead(Settings(agency_name="Jobcenter Lüchow-Dannenberg, Team Süd"), joined.setup)
    assert own.agency_name == "Jobcenter Lüchow-Dannenberg, Team Süd"
