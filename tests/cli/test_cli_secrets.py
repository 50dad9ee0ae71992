"""Passphrases come from a file or stdin, never from argv or the environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.conftest import PASSPHRASE, Run, assert_one_error_line


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
    result = run(*command, "--vault", locked_vault, option, PASSPHRASE)
    assert result.code == 2
    assert "Aufruf fehlerhaft" in result.err
    assert "Traceback" not in result.err


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
    assert run("vault", "check", "--vault", locked_vault, "--passphrase-file", windows).code == 0
    no_newline = tmp_path / "plain.txt"
    no_newline.write_text(PASSPHRASE, encoding="utf-8")
    assert run("vault", "check", "--vault", locked_vault, "--passphrase-file", no_newline).code == 0
    trailing_space = tmp_path / "space.txt"
    trailing_space.write_text(PASSPHRASE + " \n", encoding="utf-8")
    result = run("vault", "check", "--vault", locked_vault, "--passphrase-file", trailing_space)
    assert_one_error_line(result)  # spaces are part of the passphrase


def test_stdin_passphrase(run: Run, locked_vault: Path) -> None:
    result = run(
        "vault", "check", "--vault", locked_vault, "--passphrase-file", "-", stdin=PASSPHRASE + "\n"
    )
    assert result.code == 0, result.err


@pytest.mark.parametrize("problem", ["missing", "binary", "directory"])
def test_unreadable_passphrase_file(
    run: Run, locked_vault: Path, tmp_path: Path, problem: str
) -> None:
    path = tmp_path / "secret"
    if problem == "binary":
        path.write_bytes(b"\xff\xfe\xfa")
    elif problem == "directory":
        path.mkdir()
    result = run("vault", "info", "--vault", locked_vault, "--passphrase-file", path)
    assert_one_error_line(result)
    assert str(path) in result.err
