"""Exit codes: usage errors → 2, known problems → 1 with one German line, bugs → 1 without
traceback and without the exception's message (which might quote personal data)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from tests.cli.conftest import Run, assert_one_error_line

from outreach_desktop.cli import client_commands


@pytest.mark.parametrize(
    "argv",
    [
        ["vault"],
        ["vault", "explode"],
        ["vault", "info"],
        ["clients"],
        ["frobnicate"],
        ["demo", "--vault", "x", "--clients", "viele"],
        ["vault", "recover", "--vault", "x"],
        ["--unknown-option"],
    ],
)
def test_usage_errors_exit_2(run: Run, argv: list[str]) -> None:
    result = run(*argv)
    assert result.code == 2
    assert "Aufruf fehlerhaft:" in result.err
    assert result.err.startswith("usage:")
    assert "Traceback" not in result.err


def test_version_and_help(run: Run) -> None:
    version = run("--version")
    assert version.code == 0
    assert version.out.startswith("outreach-desktop ")
    help_text = run("vault", "--help")
    assert help_text.code == 0
    assert "passwd" in help_text.out


def test_bug_gives_one_line_and_logs_type_only(
    run: Run,
    locked_vault: Path,
    passphrase_file: Path,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(args: argparse.Namespace) -> int:
        raise RuntimeError("Anna Müller wohnt in der Lange Straße 3")

    monkeypatch.setattr(client_commands, "list_clients", broken)
    result = run("clients", "list", "--vault", locked_vault, "--passphrase-file", passphrase_file)
    assert_one_error_line(result)
    assert "Interner Programmfehler (RuntimeError)" in result.err
    assert "Anna" not in result.err
    log = (isolated_home / "logs" / "outreach-desktop.log").read_text("utf-8")
    assert "builtins.RuntimeError" in log
    assert "test_cli_errors.py" in log
    assert "Anna" not in log
    assert "Lange Straße" not in log
