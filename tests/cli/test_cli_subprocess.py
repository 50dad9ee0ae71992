"""The real entry point: `python -m outreach_desktop …` in a child process (few: each costs a
Python start, and creating a vault calibrates Argon2id)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import PASSPHRASE, opens_with

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session


def cli(
    *argv: str | Path, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "outreach_desktop", *map(str, argv)],
        input=stdin,
        capture_output=True,
        text=True,
        env=env if env is not None else dict(os.environ),
        timeout=120,
    )


def test_create_via_stdin_then_list(tmp_path: Path, isolated_home: Path) -> None:
    assert os.environ["OUTREACH_DESKTOP_HOME"] == str(isolated_home)
    vault = tmp_path / "neu"
    created = cli(
        "vault", "create", "--vault", vault, "--passphrase-file", "-", stdin=PASSPHRASE + "\n"
    )
    assert created.returncode == 0, created.stderr
    assert "Tresor angelegt" in created.stdout
    assert opens_with(vault, PASSPHRASE)

    added = cli(
        "clients",
        "add",
        "--vault",
        vault,
        "--passphrase-file",
        "-",
        "--name",
        "Anna Müller",
        stdin=PASSPHRASE + "\n",
    )
    assert added.returncode == 0, added.stderr
    listed = cli(
        "clients",
        "list",
        "--vault",
        vault,
        "--passphrase-file",
        "-",
        "--json",
        stdin=PASSPHRASE + "\n",
    )
    assert [c["display_name"] for c in json.loads(listed.stdout)] == ["Anna Müller"]
    log = isolated_home / "logs" / "outreach-desktop.log"
    assert log.is_file() and "Anna" not in log.read_text("utf-8")


def test_info_has_no_names(session: Session, vault_dir: Path, passphrase_file: Path) -> None:
    session.clients.save(Client(display_name="Zacharias Vertraulich"))
    session.lock()
    result = cli("vault", "info", "--vault", vault_dir, "--passphrase-file", passphrase_file)
    assert result.returncode == 0, result.stderr
    assert "Kundinnen und Kunden  1" in result.stdout
    assert "Zacharias" not in result.stdout
    assert "Alex Beispiel" not in result.stdout


def test_wrong_passphrase_one_line(session: Session, vault_dir: Path, tmp_path: Path) -> None:
    session.lock()
    env = dict(os.environ, OUTREACH_DESKTOP_PASSPHRASE=PASSPHRASE)  # must be ignored
    result = cli(
        "vault",
        "check",
        "--vault",
        vault_dir,
        "--passphrase-file",
        "-",
        stdin="ganz und gar falsch\n",
        env=env,
    )
    assert result.returncode == 1
    assert result.stderr == "Fehler: Die Passphrase ist falsch.\n"
    assert "Traceback" not in result.stdout + result.stderr


def test_passphrase_option_does_not_exist(session: Session, vault_dir: Path) -> None:
    session.lock()
    result = cli("vault", "info", "--vault", vault_dir, "--passphrase", PASSPHRASE)
    assert result.returncode == 2
    assert "Aufruf fehlerhaft" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_into_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    """`… clients list | head -1`: the reader stops early; that is no "Programmfehler"."""
    env = {**os.environ, "OUTREACH_DESKTOP_HOME": str(tmp_path / "home")}
    pf = tmp_path / "pass.txt"
    pf.write_text("Korrekt Pferd Batterie 42\n", encoding="utf-8")
    vault = tmp_path / "v"
    demo = subprocess.run(
        [sys.executable, "-m", "outreach_desktop", "demo", "--vault", str(vault),
         "--passphrase-file", str(pf), "--clients", "250"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert demo.returncode == 0, demo.stderr
    listing = subprocess.Popen(
        [sys.executable, "-m", "outreach_desktop", "clients", "list", "--vault", str(vault),
         "--passphrase-file", str(pf), "--json"],  # > 64 KiB: more than a pipe buffers
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert listing.stdout is not None
    listing.stdout.readline()
    listing.stdout.close()  # like `head -1`
    _out, err = listing.communicate(timeout=60)
    assert listing.returncode == 0
    assert b"Programmfehler" not in err
