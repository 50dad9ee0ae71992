"""CLI fixtures: run `cli.main` in-process, and vault creation without Argon2 calibration."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from outreach_desktop.cli import main
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage import vault as vault_module
from outreach_desktop.storage.errors import WrongPassphrase
from outreach_desktop.storage.kdf import KdfParams
from testkit import FAST_KDF, PASSPHRASE

NEW_PASSPHRASE = "Frisch gesetzte Passphrase 7"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def no_calibration(monkeypatch: pytest.MonkeyPatch) -> None:
    """`vault create` and `demo` calibrate Argon2id; in-process tests use the minimum."""

    def fast(*args: object, **kwargs: object) -> tuple[KdfParams, float]:
        return FAST_KDF, 0.0

    monkeypatch.setattr(vault_module, "calibrate", fast)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run("vault", "info", ..., stdin="...")` → exit code, stdout, stderr."""

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


@pytest.fixture
def new_passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "new-passphrase.txt"
    path.write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture
def locked_vault(session: Session, vault_dir: Path) -> Path:
    """The conftest vault (owner "Alex Beispiel"), locked."""
    session.lock()
    return vault_dir


def assert_one_error_line(result: Result) -> None:
    assert result.code == 1
    assert len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith("Fehler: ")
    assert "Traceback" not in result.err + result.out


def opens_with(vault: Path, passphrase: str) -> bool:
    try:
        unlock_vault(vault, passphrase).lock()
    except WrongPassphrase:
        return False
    return True


__all__ = ["NEW_PASSPHRASE", "PASSPHRASE", "Result", "Run", "assert_one_error_line", "opens_with"]
