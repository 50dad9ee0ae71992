"""`--out` on every command that writes a file: an existing file is replaced only with --force,
a name that is no file name is a field error (exit 1, one German line), and a folder target
that is empty is a usage error; nothing is done before the name is known to be good."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from testkit.cli import Run, VaultCli, assert_one_error_line, assert_usage_error


@pytest.fixture
def letter_cli(session: Session, vault_dir: Path, passphrase_file: Path, run: Run) -> Run:
    """`print announcement-letter --appointment ID --out …` on a planned home visit."""
    client = session.clients.save(Client(display_name="Jürgen Größer"))
    start = datetime.combine(datetime.now().date() + timedelta(days=30), time(10))
    a = session.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, start, client_id=client.id,
        staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    session.lock()
    on_vault = VaultCli(run, vault_dir, passphrase_file)
    return lambda *argv: on_vault("print", "announcement-letter", "--appointment", a.id, *argv)


def test_an_existing_file_needs_force(letter_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"alt")
    refused = letter_cli("--out", target)
    assert_one_error_line(refused)
    assert f"Die Datei {target} gibt es schon" in refused.err and "--force" in refused.err
    assert target.read_bytes() == b"alt"
    letter_cli("--out", tmp_path / "brief", "--force").ok()  # .pdf appended, then replaced
    assert target.read_bytes().startswith(b"%PDF")
    assert (target.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize("name", [".", "", "..", "unterordner/"])
def test_no_file_name_is_a_field_error(
    letter_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    work = tmp_path / "arbeit"
    (work / "unterordner").mkdir(parents=True)
    monkeypatch.chdir(work)
    result = letter_cli("--out", name)
    assert_one_error_line(result)
    assert result.err.startswith("Fehler: Zieldatei: ") and "Dateinamen" in result.err
    assert "Interner" not in result.err
    assert sorted(p.name for p in work.iterdir()) == ["unterordner"]


def test_protocol_pdf_takes_force_too(on_vault: VaultCli, tmp_path: Path) -> None:
    target = tmp_path / "protokoll.pdf"
    target.write_bytes(b"alt")
    refused = on_vault("protocols", "pdf", "--id", "nope", "--out", target)
    assert_one_error_line(refused)
    assert "gibt es schon" in refused.err  # checked before the vault is even opened
    missing = on_vault("protocols", "pdf", "--id", "nope", "--out", target, "--force")
    assert_one_error_line(missing)
    assert "Protokoll wurde nicht gefunden" in missing.err
    assert target.read_bytes() == b"alt"
    assert_one_error_line(on_vault("protocols", "pdf", "--id", "nope", "--out", "."))


def test_office_files_need_force_and_a_taken_setup_name_stops_before_the_vault(
    run: Run, tmp_path: Path, passphrase_file: Path
) -> None:
    setup, vault = tmp_path / "setup.json", tmp_path / "office"
    setup.write_bytes(b"alt")
    init = ("office", "init", "--vault", vault, "--passphrase-file", passphrase_file,
            "--setup-out", setup, "--agency-name", "Jobcenter Lüchow-Dannenberg")  # fmt: skip
    refused = run(*init)
    assert_one_error_line(refused)
    assert "gibt es schon" in refused.err and "--force" in refused.err
    assert not vault.exists() and setup.read_bytes() == b"alt"
    run(*init, "--force").ok()
    assert setup.read_bytes() != b"alt" and (setup.stat().st_mode & 0o777) == 0o644

    office = VaultCli(run, vault, passphrase_file)
    key = tmp_path / "identity.txt"
    key.write_bytes(b"alt")
    refused = office("office", "export-identity", "--out", key)
    assert_one_error_line(refused)
    assert "--force" in refused.err and key.read_bytes() == b"alt"
    office("office", "export-identity", "--out", key, "--force").ok()
    assert b"AGE-SECRET-KEY-" in key.read_bytes()
    assert_one_error_line(office("office", "export-identity", "--out", ""))


def test_an_empty_folder_for_export_and_receipt_is_a_usage_error(on_vault: VaultCli) -> None:
    assert_usage_error(on_vault("export", "--out", ""), "--out", "Ordner")
    assert_usage_error(on_vault("receipt", "--device", "12345678", "--out", " "), "--out")


@pytest.mark.parametrize(
    "command",
    [
        ["print", "-h"],
        ["protocols", "pdf", "-h"],
        ["office", "export-identity", "-h"],
        ["office", "init", "-h"],
    ],
)
def test_every_file_writing_command_offers_force(run: Run, command: list[str]) -> None:
    shown = run(*command)
    assert shown.code == 0
    assert "--force" in shown.out and "vorhandene Zieldatei ersetzen" in shown.out
