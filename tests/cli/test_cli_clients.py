"""`outreach-desktop clients add|list`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run, assert_one_error_line


def add(run: Run, vault: Path, passphrase_file: Path, name: str, *extra: str) -> str:
    result = run(
        "clients",
        "add",
        "--vault",
        vault,
        "--passphrase-file",
        passphrase_file,
        "--name",
        name,
        *extra,
    )
    assert result.code == 0, result.err
    return result.out.strip()


def test_add_and_list(run: Run, locked_vault: Path, passphrase_file: Path) -> None:
    anna = add(
        run,
        locked_vault,
        passphrase_file,
        "Anna Müller",
        "--phone",
        "0170 1234567",
        "--customer-number",
        "123 a 456789",
    )
    bernd = add(run, locked_vault, passphrase_file, "Bernd Schmidt", "--address", "Am Markt 1")
    assert len(anna) == 36 and anna != bernd

    table = run("clients", "list", "--vault", locked_vault, "--passphrase-file", passphrase_file)
    assert table.code == 0
    lines = table.out.splitlines()
    assert lines[0].split() == ["Name", "Kundennummer", "Telefon", "ID"]
    assert "Anna Müller" in lines[1] and "123A456789" in lines[1] and anna in lines[1]
    assert "Bernd Schmidt" in lines[2]

    listed = run(
        "clients", "list", "--vault", locked_vault, "--passphrase-file", passphrase_file, "--json"
    )
    data = json.loads(listed.out)
    assert [c["display_name"] for c in data] == ["Anna Müller", "Bernd Schmidt"]
    assert data[0]["id"] == anna
    assert data[0]["customer_number"] == "123A456789"
    assert data[0]["revision"] == 1
    assert data[1]["address"] == "Am Markt 1"
    assert data[0]["in_own_caseload"] is True


def test_list_search(run: Run, locked_vault: Path, passphrase_file: Path) -> None:
    add(run, locked_vault, passphrase_file, "Anna Müller")
    add(run, locked_vault, passphrase_file, "Bernd Schmidt")
    result = run(
        "clients",
        "list",
        "--vault",
        locked_vault,
        "--passphrase-file",
        passphrase_file,
        "--search",
        "MULL",
        "--json",
    )
    assert [c["display_name"] for c in json.loads(result.out)] == ["Anna Müller"]


def test_list_empty(run: Run, locked_vault: Path, passphrase_file: Path) -> None:
    result = run("clients", "list", "--vault", locked_vault, "--passphrase-file", passphrase_file)
    assert result.code == 0
    assert result.out.strip() == "Keine Kundinnen und Kunden gefunden."
    result = run(
        "clients", "list", "--vault", locked_vault, "--passphrase-file", passphrase_file, "--json"
    )
    assert json.loads(result.out) == []


def test_add_invalid_client(run: Run, locked_vault: Path, passphrase_file: Path) -> None:
    result = run(
        "clients",
        "add",
        "--vault",
        locked_vault,
        "--passphrase-file",
        passphrase_file,
        "--name",
        "Anna",
        "--customer-number",
        "12345",
    )
    assert_one_error_line(result)
    assert "Kundennummer:" in result.err
    listed = run(
        "clients", "list", "--vault", locked_vault, "--passphrase-file", passphrase_file, "--json"
    )
    assert json.loads(listed.out) == []


def test_add_requires_name(run: Run, locked_vault: Path, passphrase_file: Path) -> None:
    result = run("clients", "add", "--vault", locked_vault, "--passphrase-file", passphrase_file)
    assert result.code == 2
    assert "--name" in result.err
