"""Passphrases come from a file or stdin, never from argv or the environment."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from outreach_desktop.services.session import Session
from testkit import FAST_KDF, PASSPHRASE
from testkit.cli import (
    Result,
    Run,
    VaultCli,
    assert_one_error_line,
    assert_usage_error,
    child_argv,
    write_passphrase,
)


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


def _child_with_bytes(argv: list[str | Path], stdin: bytes, **env: str) -> Result:
    """The real entry point fed raw bytes on stdin (in_child can only send text)."""
    done = subprocess.run(child_argv(*argv), input=stdin, capture_output=True, timeout=120,
                          env={**os.environ, **env})  # fmt: skip
    return Result(done.returncode, done.stdout.decode(), done.stderr.decode())


@pytest.mark.parametrize(
    "env",
    [{}, {"LC_ALL": "C", "LANG": "C"}, {"PYTHONIOENCODING": "latin-1"}],
    ids=["utf8-locale", "c-locale", "latin1-stdio"],
)
def test_stdin_that_is_no_utf8_is_refused_like_a_file(
    locked_vault: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    """Not an internal UnicodeEncodeError, and not a different passphrase per locale."""
    secret = PASSPHRASE.encode() + b" \xff\xfe\xe4\n"
    command = ["vault", "create"] if not env else ["vault", "check"]  # each child costs a start
    target = tmp_path / "neu" if not env else locked_vault
    result = _child_with_bytes([*command, "--vault", target, "--passphrase-file", "-"],
                               secret, **env)  # fmt: skip
    assert_one_error_line(result)
    assert "Interner" not in result.err
    assert "Standardeingabe ist kein UTF-8-Text" in result.err
    assert not (tmp_path / "neu").exists()


def test_the_same_utf8_bytes_on_stdin_open_the_vault_whatever_the_locale(
    session: Session, vault_dir: Path
) -> None:
    umlauts = "Grüße aus Lüchow 2026"
    session.change_passphrase(PASSPHRASE, umlauts, kdf=FAST_KDF)
    session.lock()
    argv: list[str | Path] = ["vault", "check", "--vault", vault_dir, "--passphrase-file", "-"]
    _child_with_bytes(argv, (umlauts + "\n").encode(), PYTHONIOENCODING="latin-1").ok()


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
