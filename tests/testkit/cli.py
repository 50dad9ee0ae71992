"""CLI test helpers: `cli.main` in-process or `python -m outreach_desktop` in a child process,
passphrase files, commands on one vault, and the checks every command's result gets."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from outreach_desktop.cli import main
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage.errors import WrongPassphrase
from testkit import PASSPHRASE

NEW_PASSPHRASE = "Frisch gesetzte Passphrase 7"
WRONG_PASSPHRASE = "ganz und gar falsch"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def ok(self) -> Result:
        """This result, after checking the command succeeded."""
        assert self.code == 0, self.err
        assert "Traceback" not in self.err
        return self

    def json(self) -> Any:
        """The parsed output of a successful `--json` command."""
        return json.loads(self.ok().out)


Run = Callable[..., Result]  # run("vault", "info", ..., stdin="...") -> Result


def in_process(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """`cli.main` in this process, with stdout/stderr captured and stdin given as text."""

    def invoke(*argv: str | Path, stdin: str = "") -> Result:
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse: usage errors and --help
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def child_argv(*argv: str | Path) -> list[str]:
    """The command line of the real entry point, for a child process."""
    return [sys.executable, "-m", "outreach_desktop", *map(str, argv)]


def in_child(*argv: str | Path, stdin: str = "", env: dict[str, str] | None = None) -> Result:
    """`python -m outreach_desktop …` in a child process (each costs a Python start)."""
    done = subprocess.run(
        child_argv(*argv), input=stdin, capture_output=True, text=True, timeout=120,
        env=env if env is not None else dict(os.environ),
    )  # fmt: skip
    return Result(done.returncode, done.stdout, done.stderr)


def write_passphrase(path: Path, passphrase: str = PASSPHRASE) -> Path:
    """A file holding `passphrase` on its first line, as `--passphrase-file` reads it."""
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class VaultCli:
    """Commands on one vault: `--vault` and `--passphrase-file` go after the command words,
    `vc("clients", "list", "--json")` runs `clients list --vault V --passphrase-file P --json`."""

    run: Run
    vault: Path
    passphrase_file: Path | str

    def __call__(self, *argv: str | Path, stdin: str = "") -> Result:
        words = next((n for n, a in enumerate(argv) if str(a).startswith("--")), len(argv))
        where = ("--vault", self.vault, "--passphrase-file", self.passphrase_file)
        return self.run(*argv[:words], *where, *argv[words:], stdin=stdin)


def assert_one_error_line(result: Result) -> None:
    """A known problem: exit code 1 and one German line on stderr."""
    assert result.code == 1
    assert len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith("Fehler: ")
    assert "Traceback" not in result.err + result.out


def assert_usage_error(result: Result, *fragments: str) -> None:
    """Wrong usage: exit code 2 and argparse's message, naming each of `fragments`."""
    assert result.code == 2, result.err
    assert "Aufruf fehlerhaft" in result.err
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in result.err


def opens_with(vault: Path, passphrase: str) -> bool:
    try:
        unlock_vault(vault, passphrase).lock()
    except WrongPassphrase:
        return False
    return True
