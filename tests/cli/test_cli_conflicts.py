"""`inbox conflicts` and `inbox resolve` on a copy of the demo laptop and its office, the conflicts
made by the import (testkit/conflicts.py): both versions listed with what differs, decided once,
a finalized protocol only kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testkit.bundles import Json
from testkit.cli import Run, VaultCli, assert_one_error_line, assert_usage_error
from testkit.conflicts import NEW_ADDRESS, client_address, make_conflicts, protocol_rewritten
from testkit.stations import Folders, opened


@pytest.fixture
def sent(station_folders: Folders, tmp_path: Path) -> dict[str, Json]:
    """A client's address and a finalized protocol in conflict at the office."""
    with opened(station_folders) as stations:
        return make_conflicts(stations, tmp_path / "stick", client_address, protocol_rewritten)


@pytest.fixture
def office(run: Run, station_folders: Folders, passphrase_file: Path) -> VaultCli:
    return VaultCli(run, station_folders.office, passphrase_file)


def by_kind(office: VaultCli, *flags: str) -> dict[str, dict[str, object]]:
    return {c["kind"]: c for c in office("inbox", "conflicts", *flags, "--json").ok().json()}


def test_conflicts_list_both_versions(office: VaultCli, sent: dict[str, Json]) -> None:
    text = office("inbox", "conflicts").ok().out
    found = by_kind(office)
    client, protocol = found["clients"], found["protocols"]
    assert f"Konflikt {client['id']}: Kundendaten · " in text
    assert "vom Laptop von Alex Beispiel" in text
    lines = text.splitlines()
    at = lines.index("  * Anschrift")
    assert lines[at + 1].startswith("      gespeichert: ") and "\n" not in lines[at + 1]
    assert lines[at + 2] == f"      andere:      {NEW_ADDRESS}"
    assert f"inbox resolve --conflict {client['id']} --keep oder --replace" in text
    assert "Übernehmen nicht möglich: Ein abgeschlossenes Gedächtnisprotokoll" in text
    assert f"inbox resolve --conflict {protocol['id']} --keep\n" in text
    assert client["record_id"] == sent["clients"]["id"] and client["can_replace"]
    assert client["changed_fields"] == ["address"] and not protocol["can_replace"]
    assert {"label": "Anschrift", "other": NEW_ADDRESS, "differs": True}.items() <= next(
        f
        for f in client["fields"]
        if f["label"] == "Anschrift"  # type: ignore[union-attr]
    ).items()
    json.dumps(found)  # plain JSON


def test_resolve_keep_and_replace(office: VaultCli, sent: dict[str, Json]) -> None:
    found = by_kind(office)
    client, protocol = found["clients"]["id"], found["protocols"]["id"]
    result = office("inbox", "resolve", "--conflict", str(client), "--replace", "--by", "B. S.")
    assert result.ok().out.splitlines() == [
        f"Konflikt {client} entschieden: neue Fassung übernommen (Kundendaten).",
        f"Gespeichert ist jetzt die andere Fassung (Fassung {sent['clients']['revision'] + 1}).",
    ]
    refused = office("inbox", "resolve", "--conflict", str(protocol), "--replace")
    assert_one_error_line(refused)
    assert "abgeschlossenes Gedächtnisprotokoll" in refused.err
    kept = office("inbox", "resolve", "--conflict", str(protocol), "--keep", "--by", "B. S.")
    assert kept.ok().out.startswith(f"Konflikt {protocol} entschieden: gespeicherte Fassung")
    assert office("inbox", "conflicts").ok().out == "Kein Konflikt wartet auf eine Entscheidung.\n"
    decided = by_kind(office, "--all")
    assert decided["clients"]["resolution"] == "replaced"
    assert decided["protocols"]["resolved_by"] == "B. S."
    assert (
        "Entschieden: gespeicherte Fassung behalten, von B. S. am "
        in office("inbox", "conflicts", "--all").ok().out
    )

    again = office("inbox", "resolve", "--conflict", str(client), "--keep")
    assert_one_error_line(again)
    assert f"Der Konflikt {client} ist bereits entschieden" in again.err
    log = office("sync", "log", "--json").ok().json()["entries"]
    assert log[0]["detail"].startswith(f"Konflikt {protocol} entschieden")


def test_resolve_needs_one_decision(office: VaultCli) -> None:
    assert_usage_error(office("inbox", "resolve", "--conflict", "1"), "--keep", "--replace")
    both = office("inbox", "resolve", "--conflict", "1", "--keep", "--replace")
    assert_usage_error(both, "--replace", "--keep")
    assert_one_error_line(office("inbox", "resolve", "--conflict", "7", "--keep", "--by", "x"))
