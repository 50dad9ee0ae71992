"""Export and import of everything: a copy of the benchmark's vault joins a new office station,
exports every record to a folder, and the office imports that file. Timed are the export
(choosing, serializing, sealing, writing) and the import (reading back, verifying,
committing); not the copying of the vault or the unlocking. The plain run does the same with
both databases unencrypted (benchmarks/vaults.plain_keys)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.vaults import PASSPHRASE, plain_keys
from outreach_desktop.services.vaults import create_office_vault, unlock_vault
from outreach_desktop.storage.kdf import MINIMUM


def exchange_seconds(vault: Path, plain: bool) -> tuple[float, float, int]:
    """(export seconds, import seconds, records) for a copy of `vault`."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(vault, root / "laptop", ignore=shutil.ignore_patterns("backups"))
        keys = plain_keys() if plain else contextlib.nullcontext()
        with keys:
            office, signed = create_office_vault(
                root / "office", PASSPHRASE, agency_name="Bench", kdf=MINIMUM
            )
            laptop = unlock_vault(root / "laptop", PASSPHRASE)
        try:
            laptop.identity.join(signed.data)
            fingerprint = laptop.identity.device_fingerprint()
            (root / "stick").mkdir()
            start = time.perf_counter()
            result = laptop.outbox.export(root / "stick", datetime.now(UTC))
            exported = time.perf_counter() - start
        finally:
            laptop.lock()
        assert result.path is not None
        try:
            start = time.perf_counter()
            [done] = office.inbox.import_files([result.path], datetime.now(UTC), {fingerprint})
            imported = time.perf_counter() - start
            assert done.ok, done.line
        finally:
            office.lock()
    records = sum(n for kind, n in result.counts.items() if kind != "forms")
    return exported, imported, records
