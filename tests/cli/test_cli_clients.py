"""`outreach-desktop clients add|list`."""

from __future__ import annotations

from testkit.cli import VaultCli, assert_one_error_line, assert_usage_error


def add(on_vault: VaultCli, name: str, *extra: str) -> str:
    return on_vault("clients", "add", "--name", name, *extra).ok().out.strip()


def test_add_and_list(on_vault: VaultCli) -> None:
    anna = add(on_vault, "Anna Müller", "--phone", "0170 1234567", "--customer-number",
               "123 a 456789")  # fmt: skip
    bernd = add(on_vault, "Bernd Schmidt", "--address", "Am Markt 1")
    assert len(anna) == 36 and anna != bernd

    table = on_vault("clients", "list").ok()
    lines = table.out.splitlines()
    assert lines[0].split() == ["Name", "Kundennummer", "Telefon", "ID"]
    assert "Anna Müller" in lines[1] and "123A456789" in lines[1] and anna in lines[1]
    assert "Bernd Schmidt" in lines[2]

    data = on_vault("clients", "list", "--json").json()
    assert [c["display_name"] for c in data] == ["Anna Müller", "Bernd Schmidt"]
    assert data[0]["id"] == anna
    assert data[0]["customer_number"] == "123A456789"
    assert data[0]["revision"] == 1
    assert data[1]["address"] == "Am Markt 1"
    assert data[0]["in_own_caseload"] is True


def test_list_search(on_vault: VaultCli) -> None:
    add(on_vault, "Anna Müller")
    add(on_vault, "Bernd Schmidt")
    found = on_vault("clients", "list", "--search", "MULL", "--json").json()
    assert [c["display_name"] for c in found] == ["Anna Müller"]


def test_list_empty(on_vault: VaultCli) -> None:
    assert on_vault("clients", "list").ok().out.strip() == "Keine Kundinnen und Kunden gefunden."
    assert on_vault("clients", "list", "--json").json() == []


def test_add_invalid_client(on_vault: VaultCli) -> None:
    result = on_vault("clients", "add", "--name", "Anna", "--customer-number", "12345")
    assert_one_error_line(result)
    assert "Kundennummer:" in result.err
    assert on_vault("clients", "list", "--json").json() == []


def test_add_requires_name(on_vault: VaultCli) -> None:
    assert_usage_error(on_vault("clients", "add"), "--name")


def test_a_name_over_its_limit_is_refused_naming_field_and_limit(on_vault: VaultCli) -> None:
    refused = on_vault("clients", "add", "--name", "x" * 201)
    assert_one_error_line(refused)
    assert "Name: Höchstens 200 Zeichen (jetzt 201)" in refused.err
    assert on_vault("clients", "list", "--json").json() == []  # the vault as before
    add(on_vault, "x" * 200)  # exactly the limit is taken
