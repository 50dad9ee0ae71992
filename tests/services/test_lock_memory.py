"""After a lock the data key is gone from the process's memory, and so are the decrypted pages
SQLite held. Measured from outside: the test reads the memory of a child process that unlocked,
worked and locked (testkit/memory_scan.py)."""

from __future__ import annotations

import secrets
import string
import sys
import textwrap
from pathlib import Path

import pytest

from outreach_desktop.domain.people import Client
from outreach_desktop.services.vaults import create_vault, unlock_vault
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import vault_of
from testkit.memory_scan import inspect_at, key_needles, paused_child, resume, text_needles

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/<pid>/mem")

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from outreach_desktop.services.vaults import unlock_vault

    session = unlock_vault(Path(sys.argv[1]), sys.stdin.readline().rstrip("\\n"))
    # every client row is read (and decrypted), none reaches Python
    assert session.clients.search("zzz-nothing") == []
    print("UNLOCKED", flush=True)
    sys.stdin.readline()
    session.lock()
    print("LOCKED", flush=True)
    sys.stdin.readline()
    """
)


def unusual_name() -> str:
    letters = "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))
    return f"quabbelwitz {letters}"  # lower case: as it stands in the search column too


def vault_with_client(tmp_path: Path, name: str) -> tuple[Path, bytes]:
    """A vault holding a client `name`, and its data key (read here, never by the child)."""
    vault = tmp_path / "vault"
    session = create_vault(vault, PASSPHRASE, owner_name="Alex", kdf=FAST_KDF)
    session.clients.save(Client(display_name=name, address="Am Hang 3\n01067 Dresden"))
    session.lock()
    session = unlock_vault(vault, PASSPHRASE)
    key = bytes(vault_of(session)._key)
    session.lock()
    return vault, key


def test_key_and_decrypted_pages_gone_after_lock(tmp_path: Path) -> None:
    name = unusual_name()
    vault, key = vault_with_client(tmp_path, name)
    needles = {**key_needles(key), **text_needles("name", name)}
    with paused_child(CHILD, str(vault)) as child:
        unlocked = inspect_at(child, "UNLOCKED", needles)
        resume(child)
        locked = inspect_at(child, "LOCKED", needles)
    # the scan sees what the child holds: the key (SQLCipher's copy) and the decrypted page
    assert "key bytes" in unlocked and "name UTF-8" in unlocked, unlocked
    assert locked == {}, locked
