"""The office station and the laptops joining it, through the CLI: `office init` makes the
agency's keys and its signed setup file, `office export-identity` the key file for the IT safe
(Debian's age reads it), `agency join` brings the agency's rules to a laptop; `vault info` shows
role, device key and agency."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from outreach_desktop.services.vaults import unlock_vault
from testkit import PASSPHRASE
from testkit.cli import Run, VaultCli, assert_one_error_line


@pytest.fixture
def office(run: Run, tmp_path: Path, passphrase_file: Path) -> tuple[VaultCli, Path]:
    setup = tmp_path / "agency-setup.json"
    vault = tmp_path / "office"
    run("office", "init", "--vault", vault, "--passphrase-file", passphrase_file,
        "--setup-out", setup, "--agency-name", "Jobcenter Lüchow-Dannenberg",
        "--retention-days", "0").ok()  # fmt: skip
    return VaultCli(run, vault, passphrase_file), setup


def test_office_init_makes_the_agency_and_its_setup_file(
    office: tuple[VaultCli, Path], run: Run
) -> None:
    vc, setup = office
    info = vc("vault", "info", "--json").json()
    assert info["role"] == "office" and info["device_id"]
    assert len(info["device_fingerprint"]) == 24 and info["device_fingerprint"].count("-") == 4
    document = json.loads(setup.read_bytes())
    assert document["format"] == "outreach-desktop-setup"
    assert document["setup"]["name"] == "Jobcenter Lüchow-Dannenberg"
    assert document["setup"]["rules"]["retention_days"] == 0
    assert document["setup"]["fingerprint"] in info["agency"]
    text = vc("vault", "info").ok().out
    assert "Rolle:           Büro" in text and document["setup"]["fingerprint"] in text


def test_the_exported_identity_opens_what_is_encrypted_to_the_agency(
    office: tuple[VaultCli, Path], tmp_path: Path
) -> None:
    vc, setup = office
    key = tmp_path / "agency-identity.txt"
    result = vc("office", "export-identity", "--out", key).ok()
    assert "IT-Safe" in result.err
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    recipient = json.loads(setup.read_bytes())["setup"]["age_recipient"]
    sealed = subprocess.run(["age", "-r", recipient], input=b"Probe", capture_output=True,
                            check=True).stdout  # fmt: skip
    opened = subprocess.run(["age", "-d", "-i", str(key)], input=sealed, capture_output=True,
                            check=True).stdout  # fmt: skip
    assert opened == b"Probe"


def test_a_laptop_joins_and_takes_the_agencys_rules(
    office: tuple[VaultCli, Path], on_vault: VaultCli, locked_vault: Path
) -> None:
    _vc, setup = office
    assert on_vault("vault", "info", "--json").json()["agency"] == ""
    result = on_vault("agency", "join", setup).ok()
    fingerprint = json.loads(setup.read_bytes())["setup"]["fingerprint"]
    assert fingerprint in result.out
    info = on_vault("vault", "info", "--json").json()
    assert info["role"] == "field" and fingerprint in info["agency"]
    session = unlock_vault(locked_vault, PASSPHRASE)
    try:
        joined = session.identity.joined()
        assert joined is not None and joined.rules.retention_days == 0
        log = [(e.action, e.result) for e in session.identity._sync.entries()]
    finally:
        session.lock()
    assert log == [("join", "ok")]
    on_vault("agency", "join", setup).ok()  # the same file again: still joined, nothing broken


def _refused_and_unchanged(vc: VaultCli, *argv: str | Path) -> None:
    before = vc("vault", "info", "--json").json()
    assert_one_error_line(vc(*argv))
    assert vc("vault", "info", "--json").json() == before


def test_an_altered_setup_file_is_refused(
    office: tuple[VaultCli, Path], on_vault: VaultCli, tmp_path: Path
) -> None:
    _vc, setup = office
    document = json.loads(setup.read_bytes())
    document["setup"]["rules"]["retention_days"] = 365
    altered = tmp_path / "altered.json"
    altered.write_text(json.dumps(document), encoding="utf-8")
    _refused_and_unchanged(on_vault, "agency", "join", altered)
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(setup.read_bytes()[:100])
    _refused_and_unchanged(on_vault, "agency", "join", truncated)
    _refused_and_unchanged(on_vault, "agency", "join", tmp_path / "missing.json")


def test_a_laptop_stays_with_its_agency_and_an_office_joins_none(
    office: tuple[VaultCli, Path], on_vault: VaultCli, run: Run, tmp_path: Path,
    passphrase_file: Path,
) -> None:  # fmt: skip
    vc, setup = office
    on_vault("agency", "join", setup).ok()
    other = tmp_path / "other-setup.json"
    run("office", "init", "--vault", tmp_path / "other", "--passphrase-file", passphrase_file,
        "--setup-out", other, "--agency-name", "Jobcenter Anderswo").ok()  # fmt: skip
    _refused_and_unchanged(on_vault, "agency", "join", other)
    _refused_and_unchanged(vc, "agency", "join", setup)
