"""Exit codes: usage errors → 2, known problems → 1 with one German line, bugs → 1 without
traceback and without the exception's message (which might quote personal data)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from outreach_desktop.cli import client_commands
from testkit.cli import Run, VaultCli, assert_one_error_line, assert_usage_error


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
    assert_usage_error(result, "Aufruf fehlerhaft:")
    assert result.err.startswith("Aufruf: outreach-desktop")


def test_version_and_help(run: Run) -> None:
    assert run("--version").ok().out.startswith("outreach-desktop ")
    assert "passwd" in run("vault", "--help").ok().out


def test_bug_gives_one_line_and_logs_type_only(
    on_vault: VaultCli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(args: argparse.Namespace) -> int:
        raise RuntimeError("Anna Müller wohnt in der Lange Straße 3")

    monkeypatch.setattr(client_commands, "list_clients", broken)
    result = on_vault("clients", "list")
    assert_one_error_line(result)
    assert "Interner Programmfehler (RuntimeError)" in result.err
    assert "Anna" not in result.err
    log = (isolated_home / "logs" / "outreach-desktop.log").read_text("utf-8")
    assert "builtins.RuntimeError" in log
    assert "test_cli_errors.py" in log
    assert "Anna" not in log
    assert "Lange Straße" not in log
