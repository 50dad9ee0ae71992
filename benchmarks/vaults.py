"""The vaults the benchmark measures: the demo of a size (`demo --size large` by default),
generated once into a cache folder outside the repository and reused, and its plain twin: the
same database exported by SQLCipher into an unencrypted file beside the same key files, opened
through the same code with the keying step left out (`plain_keys`).

The cache: $BENCH_DIR, else ~/.cache/outreach-bench; one folder per size, seed and schema
version (a new migration makes a new vault). Delete the folder to generate it again."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from outreach_desktop.demo import fill_demo
from outreach_desktop.demo.sizes import SIZES
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.storage import database
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.kdf import MINIMUM
from outreach_desktop.storage.keyslots import KeySlots
from outreach_desktop.storage.migrations import load_migrations

PASSPHRASE = "Benchmark Passphrase 2026"
SEED = 1


@dataclass(frozen=True)
class BenchVaults:
    size: str
    encrypted: Path
    plain: Path
    made_on: date
    seconds_to_make: float  # when this run generated it; 0.0 when it came from the cache
    contents: str  # what the demo made, and the file sizes

    def describe(self) -> str:
        mb = (self.encrypted / "vault.db").stat().st_size / 1e6
        plain_mb = (self.plain / "vault.db").stat().st_size / 1e6
        return f"{self.contents}; vault.db {mb:.0f} MB, plain copy {plain_mb:.0f} MB"


def cache_root() -> Path:
    return Path(os.environ.get("BENCH_DIR") or Path.home() / ".cache" / "outreach-bench")


def bench_vaults(size: str, root: Path | None = None, *, quick: bool = False) -> BenchVaults:
    """The cached vault pair of `size`, made when missing (that takes a while for large).
    `quick`: with the smallest KDF the app accepts (for the test of the harness)."""
    name = f"{size}-seed{SEED}-schema{len(load_migrations())}" + ("-quick" if quick else "")
    folder = (root or cache_root()) / name
    encrypted, plain, stamp = folder / "vault", folder / "plain", folder / "made.json"
    seconds = 0.0
    if not stamp.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        start = time.perf_counter()
        session = create_vault(
            encrypted, PASSPHRASE, owner_name="Alex Beispiel", kdf=MINIMUM if quick else None
        )
        try:
            made = fill_demo(session, seed=SEED, size=SIZES[size])
        finally:
            session.lock()
        seconds = time.perf_counter() - start
        export_plain(encrypted, plain)
        contents = (
            f"{made.clients} clients, {made.appointments} appointments, {made.protocols or ''}"
            f"{' protocols, ' if made.protocols else ''}{made.answers} checklist answers"
        )
        stamp.write_text(
            json.dumps({"day": date.today().isoformat(), "seconds": seconds, "contents": contents})
        )
    made_json = json.loads(stamp.read_text())
    return BenchVaults(
        size,
        encrypted,
        plain,
        date.fromisoformat(made_json["day"]),
        seconds,
        made_json["contents"],
    )


def data_key(vault: Path) -> bytearray:
    slots = KeySlots.load(vault)
    return slots.passphrase.unwrap(PASSPHRASE, slots.vault_id)


def export_plain(vault: Path, plain: Path) -> None:
    """The same vault with its database exported unencrypted (sqlcipher_export)."""
    shutil.copytree(vault, plain, ignore=shutil.ignore_patterns("vault.db*", "backups"))
    db = Database.open(vault / "vault.db", data_key(vault))
    try:
        target = str(plain / "vault.db").replace("'", "''")
        db.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        db.execute("SELECT sqlcipher_export('plain')")
        version = int(db.scalar("PRAGMA user_version"))
        db.execute(f"PRAGMA plain.user_version = {version}")
        db.execute("DETACH DATABASE plain")
    finally:
        db.close()


@contextlib.contextmanager
def plain_keys() -> Iterator[None]:
    """Inside the block, a database opens without being keyed: the plain twin opens through
    the same `Database.open`, pragmas, migrations check and services as the vault."""
    keyed = database._set_key
    database._set_key = lambda _conn, _key: None
    try:
        yield
    finally:
        database._set_key = keyed
