"""The real entry point: `python -m outreach_desktop …` in a child process (few: each costs a
Python start, and creating a vault calibrates Argon2id)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from testkit import PASSPHRASE
from testkit.cli import (
    WRONG_PASSPHRASE,
    VaultCli,
    assert_one_error_line,
    assert_usage_error,
    child_argv,
    in_child,
    opens_with,
    write_passphrase,
)


def test_create_via_stdin_then_list(tmp_path: Path, isolated_home: Path) -> None:
    assert os.environ["OUTREACH_DESKTOP_HOME"] == str(isolated_home)
    vault = tmp_path / "neu"
    on_vault = VaultCli(in_child, vault, "-")
    created = on_vault("vault", "create", stdin=PASSPHRASE + "\n").ok()
    assert "Tresor angelegt" in created.out
    assert opens_with(vault, PASSPHRASE)

    on_vault("clients", "add", "--name", "Anna Müller", stdin=PASSPHRASE + "\n").ok()
    listed = on_vault("clients", "list", "--json", stdin=PASSPHRASE + "\n")
    assert [c["display_name"] for c in listed.json()] == ["Anna Müller"]
    log = isolated_home / "logs" / "outreach-desktop.log"
    assert log.is_file() and "Anna" not in log.read_text("utf-8")


def test_info_has_no_names(session: Session, vault_dir: Path, passphrase_file: Path) -> None:
    session.clients.save(Client(display_name="Zacharias Vertraulich"))
    session.lock()
    result = VaultCli(in_child, vault_dir, passphrase_file)("vault", "info").ok()
    assert "Kundinnen und Kunden  1" in result.out
    assert "Zacharias" not in result.out
    assert "Alex Beispiel" not in result.out


def test_wrong_passphrase_one_line(session: Session, vault_dir: Path) -> None:
    session.lock()
    env = dict(os.environ, OUTREACH_DESKTOP_PASSPHRASE=PASSPHRASE)  # must be ignored
    result = in_child("vault", "check", "--vault", vault_dir, "--passphrase-file", "-",
                      stdin=WRONG_PASSPHRASE + "\n", env=env)  # fmt: skip
    assert_one_error_line(result)
    assert result.err == "Fehler: Die Passphrase ist falsch.\n"


def test_passphrase_option_does_not_exist(session: Session, vault_dir: Path) -> None:
    session.lock()
    result = in_child("vault", "info", "--vault", vault_dir, "--passphrase", PASSPHRASE)
    assert_usage_error(result)


def test_output_into_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    """`… clients list | head -1`: the reader stops early; that is no "Programmfehler"."""
    env = {**os.environ, "OUTREACH_DESKTOP_HOME": str(tmp_path / "home")}
    pf = write_passphrase(tmp_path / "pass.txt")
    vault = tmp_path / "v"
    in_child("demo", "--vault", vault, "--passphrase-file", pf, "--clients", "250", env=env).ok()
    listing = subprocess.Popen(
        child_argv("clients", "list", "--vault", vault, "--passphrase-file", pf, "--json"),
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip  # --json of 250 clients: more than a pipe buffers (64 KiB)
    assert listing.stdout is not None
    listing.stdout.readline()
    listing.stdout.close()  # like `head -1`
    _out, err = listing.communicate(timeout=60)
    assert listing.returncode == 0
    assert b"Programmfehler" not in err
