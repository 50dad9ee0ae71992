"""`import` at the office station and the Posteingang (`inbox list`, `inbox mark`) through the
CLI, on a copy of the demo laptop and its office (testkit/stations.py): one result line per
file, exit 1 when any file was refused, the new device confirmed with --trust-new-device."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from outreach_desktop.services.vaults import unlock_vault
from testkit import PASSPHRASE
from testkit.bundles import laptop_export
from testkit.cli import Run, VaultCli, assert_one_error_line
from testkit.stations import Folders


@pytest.fixture
def exports(station_folders: Folders, tmp_path: Path) -> tuple[list[Path], str]:
    """The laptop's exports 1 and 2 as files, and its device fingerprint."""
    laptop = unlock_vault(station_folders.laptop, PASSPHRASE)
    office = unlock_vault(station_folders.office, PASSPHRASE)
    try:
        paths = []
        for sequence in (1, 2):
            path = tmp_path / f"OD-{sequence}.age"
            path.write_bytes(laptop_export(laptop, office, sequence))
            paths.append(path)
        return paths, laptop.identity.device_fingerprint()
    finally:
        laptop.lock()
        office.lock()


@pytest.fixture
def office(run: Run, station_folders: Folders, passphrase_file: Path) -> VaultCli:
    return VaultCli(run, station_folders.office, passphrase_file)


@pytest.fixture
def imported(office: VaultCli, exports: tuple[list[Path], str]) -> VaultCli:
    paths, fingerprint = exports
    office("import", paths[0], "--trust-new-device", fingerprint, "--by", "Birgit Sommer").ok()
    return office


def test_a_new_device_is_taken_after_its_fingerprint_was_compared(
    office: VaultCli, exports: tuple[list[Path], str]
) -> None:
    paths, fingerprint = exports
    result = office("import", paths[0])
    assert_one_error_line(result)
    assert result.err == "Fehler: 1 von 1 Dateien nicht eingelesen.\n"
    assert result.out.startswith(f"OD-1.age: Unbekanntes Gerät mit dem Fingerabdruck {fingerprint}")
    assert result.out.rstrip().endswith(f"--trust-new-device {fingerprint}")

    typed = fingerprint.lower().replace("-", " ")  # as someone may type it
    result = office("import", paths[0], "--trust-new-device", typed).ok()
    assert result.out.startswith("OD-1.age: eingelesen (Paket 1 von Gerät ")
    assert "neu bestätigt" in result.out and result.err == ""


def test_one_line_per_file_and_exit_1_when_one_was_refused(
    imported: VaultCli, exports: tuple[list[Path], str], tmp_path: Path
) -> None:
    paths, _ = exports
    broken = tmp_path / "OD-9.age"
    broken.write_bytes(paths[1].read_bytes()[:-40])
    result = imported("import", paths[0], broken, paths[1])
    assert_one_error_line(result)
    assert result.err == "Fehler: 1 von 3 Dateien nicht eingelesen.\n"
    lines = result.out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("OD-1.age: bereits eingelesen am ")
    assert lines[1] == "OD-9.age: Die Datei ist beschädigt oder unvollständig."
    assert lines[2].startswith("OD-2.age: eingelesen (Paket 2 von Gerät ")
    again = imported("import", paths[1]).ok()  # already imported: not an error
    assert "bereits eingelesen" in again.out


def test_import_is_for_the_office_station(
    run: Run, station_folders: Folders, passphrase_file: Path, exports: tuple[list[Path], str]
) -> None:
    """A laptop takes only the office's receipts: its own export is refused, nothing changes."""
    laptop = VaultCli(run, station_folders.laptop, passphrase_file)
    result = laptop("import", exports[0][0])
    assert result.code == 1 and "Traceback" not in result.err + result.out
    assert "Quittung" in result.out + result.err


def test_inbox_list_and_json(imported: VaultCli) -> None:
    text = imported("inbox", "list").ok().out
    header = text.splitlines()[0]
    assert header.split() == ["Mitarbeitende", "Kundin/Kunde", "Eintrag", "ID", "Stand"]
    assert "Alex Beispiel" in text and "offen: in VerBIS übernommen" in text
    groups = imported("inbox", "list", "--json").json()
    items = [i for g in groups for i in g["items"]]
    assert {i["kind"] for i in items} == {"protocols", "consents", "appointments"}
    assert all(not i["transferred"] and i["missing"] == i["applies"] for i in items)
    everything = imported("inbox", "list", "--all", "--json").json()
    # the demo's records as the laptop exported them (74 since its release on a Walk and Talk)
    assert len([i for g in everything for i in g["items"]]) == 74
    json.dumps(everything)  # plain JSON


def test_inbox_mark_and_reject(imported: VaultCli) -> None:
    items = [i for g in imported("inbox", "list", "--json").json() for i in g["items"]]
    protocol = next(i for i in items if i["applies"] == ["verbis"])
    result = imported("inbox", "mark", "--record", protocol["id"], "--verbis", "--by", "B. S.")
    assert result.ok().out.splitlines() == [
        "Markiert: in VerBIS übernommen",
        f"{protocol['title']}: übernommen",
    ]
    again = imported("inbox", "mark", "--record", protocol["id"], "--verbis").ok()
    assert again.out.startswith("Schon markiert: in VerBIS übernommen")

    wrong = imported("inbox", "mark", "--record", protocol["id"], "--eakte")
    assert_one_error_line(wrong)
    assert "ist für diesen Eintrag nicht vorgesehen" in wrong.err

    consent = next(i for i in items if i["kind"] == "consents")
    result = imported("inbox", "mark", "--record", consent["id"], "--reject", "unleserlich")
    assert result.ok().out == f"Abgelehnt: {consent['title']}\n"
    listed = imported("inbox", "list", "--all").ok().out
    assert "abgelehnt: unleserlich" in listed


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--record", "nichts", "--verbis"], "keinen Eintrag nichts"),
        (["--record", "x"], "Bitte --verbis, --eakte, --benefits oder --reject GRUND angeben."),
        (["--record", "x", "--verbis", "--reject", "g"], "entweder markiert oder abgelehnt"),
    ],
)
def test_inbox_mark_refusals(imported: VaultCli, argv: list[str], message: str) -> None:
    result = imported("inbox", "mark", *argv)
    assert_one_error_line(result)
    assert message in result.err
