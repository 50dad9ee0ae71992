"""`outreach-desktop demo`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run


def clients(run: Run, vault: Path, passphrase_file: Path) -> list[dict[str, object]]:
    result = run(
        "clients", "list", "--vault", vault, "--passphrase-file", passphrase_file, "--json"
    )
    assert result.code == 0, result.err
    return json.loads(result.out)


def demo(run: Run, vault: Path, passphrase_file: Path, *extra: str) -> str:
    result = run("demo", "--vault", vault, "--passphrase-file", passphrase_file, *extra)
    assert result.code == 0, result.err
    return result.out


def test_demo_creates_vault_with_data(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    out = demo(run, tmp_path / "a", passphrase_file, "--clients", "5", "--seed", "3")
    assert "Beispieldaten angelegt: 5 Kundinnen und Kunden, 5 Mitarbeitende, 7 Dritte" in out
    assert len(clients(run, tmp_path / "a", passphrase_file)) == 5

    demo(run, tmp_path / "b", passphrase_file, "--clients", "5", "--seed", "3")
    names_a = [(c["id"], c["display_name"]) for c in clients(run, tmp_path / "a", passphrase_file)]
    names_b = [(c["id"], c["display_name"]) for c in clients(run, tmp_path / "b", passphrase_file)]
    assert names_a == names_b


def test_demo_into_existing_empty_vault(
    run: Run, locked_vault: Path, passphrase_file: Path
) -> None:
    demo(run, locked_vault, passphrase_file, "--clients", "4", "--seed", "8")
    assert len(clients(run, locked_vault, passphrase_file)) == 4
    info = run("vault", "info", "--vault", locked_vault, "--passphrase-file", passphrase_file)
    assert "Mitarbeitende         5" in info.out  # the existing owner is kept, not doubled
    demo(run, locked_vault, passphrase_file, "--clients", "4", "--seed", "8")  # again: new ids
    assert len(clients(run, locked_vault, passphrase_file)) == 8


def test_demo_never_mixes_with_real_clients(
    run: Run, locked_vault: Path, passphrase_file: Path
) -> None:
    added = run(
        "clients",
        "add",
        "--vault",
        locked_vault,
        "--passphrase-file",
        passphrase_file,
        "--name",
        "Echte Kundin",
    )
    assert added.code == 0, added.err
    result = run("demo", "--vault", locked_vault, "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert result.err.startswith("Fehler: Beispieldaten werden nur")
    assert len(clients(run, locked_vault, passphrase_file)) == 1


def test_demo_refuses_bad_count(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    result = run(
        "demo", "--vault", tmp_path / "a", "--passphrase-file", passphrase_file, "--clients", "-1"
    )
    assert result.code == 2
    assert "--clients" in result.err
    assert not (tmp_path / "a").exists()
