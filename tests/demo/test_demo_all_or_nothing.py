"""`demo` is one change: a full disk half-way or a killed process leaves no demo record, and
the message says what is true."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from outreach_desktop.demo import DEMO_KEY, fill_demo
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage.errors import DiskFull
from testkit import PASSPHRASE
from testkit.internals import vault_of
from testkit.media import cli, needs_namespaces, run_in_namespace


def test_a_disk_full_half_way_leaves_no_demo_client(session: Session, vault_dir: Path) -> None:
    conn = vault_of(session).db.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 60}")  # room for some clients, not all
    with pytest.raises(DiskFull) as info:
        fill_demo(session, clients=30)
    assert str(info.value).startswith("Speicherplatz voll — nichts wurde geändert.")
    assert session.clients.count() == 0
    assert session.meta(DEMO_KEY) is None
    session.lock()
    again = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert again.clients.count() == 0 and again.appointments.count() == 0
        assert again.check() == []
    finally:
        again.lock()


CHILD = """
import sys
from outreach_desktop.demo import fill_demo
from outreach_desktop.services.vaults import unlock_vault

session = unlock_vault(sys.argv[1], sys.argv[2])
real = session.clients.save
saved = 0

def save(*args, **kwargs):
    global saved
    client = real(*args, **kwargs)
    saved += 1
    print(saved, flush=True)
    return client

session.clients.save = save
fill_demo(session, clients=30)
print("done", flush=True)
"""


def test_a_demo_killed_half_way_leaves_no_demo_client(session: Session, vault_dir: Path) -> None:
    session.lock()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault_dir), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    try:
        for line in child.stdout:
            if line.strip() == "15":
                break
        else:
            pytest.fail("the demo ended before its 15th client")
    finally:
        child.kill()
        child.wait()
    again = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert again.clients.count() == 0
        assert again.meta(DEMO_KEY) is None
        assert again.check() == []
    finally:
        again.lock()


@needs_namespaces
def test_the_demo_command_on_a_disk_that_fills_up_says_what_is_true(
    tmp_path: Path, passphrase_file: Path
) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    vault = disk / "vault"
    script = "\n".join([
        f"mount -t tmpfs -o size=850k tmpfs {disk}",  # room for the vault, not for the demo
        "echo '--- demo'", cli("demo", "--vault", vault, "--passphrase-file", passphrase_file,
                               "--clients", "30"),
        "echo '--- list'", cli("clients", "list", "--vault", vault, "--passphrase-file",
                               passphrase_file),
    ])  # fmt: skip
    done = run_in_namespace(script)
    made, listed = done.stdout.split("--- ")[1:]
    assert "exit=1" in made and "Beispieldaten angelegt" not in made, done.stderr
    assert "Keine Kundinnen und Kunden gefunden." in listed and "exit=0" in listed
    assert "Hinweis: Der Tresor wurde angelegt; Beispieldaten enthält er keine." in done.stderr
    assert "Fehler: Speicherplatz voll — nichts wurde geändert." in done.stderr
    assert "Traceback" not in done.stderr
