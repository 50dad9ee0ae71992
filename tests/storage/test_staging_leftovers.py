"""A killed `vault create` leaves `.NAME.creating-*` beside the vault; the next create or open
of that folder removes it, unless a running process is still building it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from outreach_desktop.storage.vault import Vault
from testkit import FAST_KDF, PASSPHRASE

CHILD = """
import os, sys, time
from pathlib import Path
from outreach_desktop.storage.kdf import MINIMUM
from outreach_desktop.storage.vault import Vault

def stop(src, dst):  # staged completely, killed just before it takes its name
    print("staged", flush=True)
    time.sleep(600)

os.rename = stop
Vault.create(Path(sys.argv[1]), sys.argv[2], kdf=MINIMUM)
"""


def staging(vault_dir: Path) -> list[Path]:
    return sorted(vault_dir.parent.glob(f".{vault_dir.name}.creating-*"))


def test_a_killed_creation_is_cleaned_once_its_process_is_gone(vault_dir: Path) -> None:
    vault_dir.parent.mkdir(parents=True, exist_ok=True)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault_dir), PASSPHRASE], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "staged"
        [left] = staging(vault_dir)
        assert (left / "vault.db").is_file()
        # another process creates the vault meanwhile: the running one's folder stays
        Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF).lock()
        assert staging(vault_dir) == [left]
    finally:
        child.kill()
        child.wait()
    assert staging(vault_dir) == [left]  # killed: left for ever, until …
    Vault.unlock(vault_dir, PASSPHRASE).lock()  # … the next open of that folder
    assert staging(vault_dir) == []


def test_an_old_leftover_goes_on_the_next_create_a_fresh_one_stays(vault_dir: Path) -> None:
    parent = vault_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    old = parent / f".{vault_dir.name}.creating-k3j_x9q1"  # named as before (no process id)
    (old / "sub").mkdir(parents=True)
    (old / "vault.db").write_bytes(b"\0" * 100)
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    fresh = parent / f".{vault_dir.name}.creating-zz81"
    fresh.mkdir()
    other = parent / ".someone-else.creating-1-x"  # another vault's: not ours to judge
    other.mkdir()
    os.utime(other, (hour_ago, hour_ago))
    Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF).lock()
    assert staging(vault_dir) == [fresh]
    assert other.is_dir()
