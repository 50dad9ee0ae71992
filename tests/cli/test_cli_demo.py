"""`outreach-desktop demo`."""

from __future__ import annotations

from pathlib import Path

from testkit.cli import Run, VaultCli, assert_one_error_line, assert_usage_error


def clients(on_vault: VaultCli) -> list[tuple[str, str]]:
    return [(c["id"], c["display_name"]) for c in on_vault("clients", "list", "--json").json()]


def test_demo_creates_vault_with_data(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    a, b = (VaultCli(run, tmp_path / name, passphrase_file) for name in ("a", "b"))
    out = a("demo", "--clients", "5", "--seed", "3").ok().out
    assert "Beispieldaten angelegt: 5 Kundinnen und Kunden, 5 Mitarbeitende, 7 Dritte" in out
    assert len(clients(a)) == 5

    b("demo", "--clients", "5", "--seed", "3").ok()
    assert clients(a) == clients(b)


def test_demo_into_existing_empty_vault(on_vault: VaultCli) -> None:
    on_vault("demo", "--clients", "4", "--seed", "8").ok()
    assert len(clients(on_vault)) == 4
    info = on_vault("vault", "info").ok()
    assert "Mitarbeitende         5" in info.out  # the existing owner is kept, not doubled
    on_vault("demo", "--clients", "4", "--seed", "8").ok()  # again: new ids
    assert len(clients(on_vault)) == 8


def test_demo_never_mixes_with_real_clients(on_vault: VaultCli) -> None:
    on_vault("clients", "add", "--name", "Echte Kundin").ok()
    result = on_vault("demo")
    assert_one_error_line(result)
    assert result.err.startswith("Fehler: Beispieldaten werden nur")
    assert len(clients(on_vault)) == 1


def test_demo_refuses_bad_count(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    result = VaultCli(run, tmp_path / "a", passphrase_file)("demo", "--clients", "-1")
    assert_usage_error(result, "--clients")
    assert not (tmp_path / "a").exists()


def test_demo_refuses_unknown_size(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    result = VaultCli(run, tmp_path / "a", passphrase_file)("demo", "--size", "huge")
    assert_usage_error(result, "--size")
    assert not (tmp_path / "a").exists()
