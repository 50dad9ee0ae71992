"""Passphrases come from a file or stdin, never from argv or the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from testkit import PASSPHRASE
from testkit.cli import Run, VaultCli, assert_one_error_line, assert_usage_error, write_passphrase


@pytest.mark.parametrize(
    "command",
    [
        ["vault", "info"],
        ["vault", "check"],
        ["vault", "create"],
        ["vault", "passwd"],
        ["clients", "list"],
        ["demo"],
        [],
    ],
)
@pytest.mark.parametrize("option", ["--passphrase", "--passphrase-f", "--pass", "--new-passphrase"])
def test_no_passphrase_option(
    run: Run, locked_vault: Path, command: list[str], option: str
) -> None:
    assert_usage_error(run(*command, "--vault", locked_vault, option, PASSPHRASE))


@pytest.mark.parametrize(
    "variable",
    ["OUTREACH_DESKTOP_PASSPHRASE", "OUTREACH_PASSPHRASE", "PASSPHRASE", "VAULT_PASSPHRASE"],
)
def test_environment_is_ignored(
    run: Run, locked_vault: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, PASSPHRASE)
    result = run("vault", "info", "--vault", locked_vault)
    assert_one_error_line(result)
    assert "Keine Passphrase" in result.err
    assert result.out == ""


def test_only_the_first_line_of_the_file_counts(
    run: Run, locked_vault: Path, tmp_path: Path
) -> None:
    windows = tmp_path / "crlf.txt"
    windows.write_bytes(PASSPHRASE.encode() + b"\r\nzweite Zeile\n")
    VaultCli(run, locked_vault, windows)("vault", "check").ok()
    no_newline = tmp_path / "plain.txt"
    no_newline.write_text(PASSPHRASE, encoding="utf-8")
    VaultCli(run, locked_vault, no_newline)("vault", "check").ok()
    trailing_space = write_passphrase(tmp_path / "space.txt", PASSPHRASE + " ")
    result = VaultCli(run, locked_vault, trailing_space)("vault", "check")
    assert_one_error_line(result)  # spaces are part of the passphrase


def test_stdin_passphrase(run: Run, locked_vault: Path) -> None:
    VaultCli(run, locked_vault, "-")("vault", "check", stdin=PASSPHRASE + "\n").ok()


@pytest.mark.parametrize("problem", ["missing", "binary", "directory"])
def test_unreadable_passphrase_file(
    run: Run, locked_vault: Path, tmp_path: Path, problem: str
) -> None:
    path = tmp_path / "secret"
    if problem == "binary":
        path.write_bytes(b"\xff\xfe\xfa")
    elif problem == "directory":
        path.mkdir()
    result = VaultCli(run, locked_vault, path)("vault", "info")
    assert_one_error_line(result)
    assert str(path) in result.err
