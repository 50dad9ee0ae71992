"""The exchange's figures: exporting the demo (BENCH_EXPORT_CLIENTS clients, 400 by default)
from a laptop that joined an office station, to a folder, and importing that file at the office
(first as new, then again as "already imported"); seconds and records per second.

Real vaults (minimum Argon2id: unlocking is not what is measured), real keys, real age; the
time covers choosing, serializing, sealing, writing, reading back and verifying, committing."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_office_vault, create_vault
from outreach_desktop.storage.kdf import MINIMUM

CLIENTS = int(os.environ.get("BENCH_EXPORT_CLIENTS", "400"))
PASSPHRASE = "Benchmark Passphrase 2026"


def export_figure(clients: int = CLIENTS) -> str:
    """Lines: the export (records and forms, seconds, records/s, file size) and the import at
    the office (seconds, records/s; and the same file a second time)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        office, signed = create_office_vault(root / "office", PASSPHRASE, agency_name="Bench",
                                             kdf=MINIMUM)  # fmt: skip
        laptop = create_vault(root / "laptop", PASSPHRASE, owner_name="Alex Beispiel", kdf=MINIMUM)
        try:
            fill_demo(laptop, clients=clients, seed=1, today=date(2026, 11, 20))
            laptop.identity.join(signed.data)
            fingerprint = laptop.identity.device_fingerprint()
            (root / "stick").mkdir()
            start = time.perf_counter()
            result = laptop.outbox.export(root / "stick", datetime.now(UTC))
            seconds = time.perf_counter() - start
        finally:
            laptop.lock()
        assert result.path is not None
        try:
            first, again = (
                _timed_import(office, result.path, fingerprint) for _ in range(2)
            )  # fmt: skip
        finally:
            office.lock()
        records = sum(n for kind, n in result.counts.items() if kind != "forms")
        size = result.path.stat().st_size
    return (
        f"export of the {clients}-client demo: {records} records, "
        f"{result.counts.get('forms', 0)} forms, {size / 1024:.0f} KiB in {seconds:.2f} s "
        f"({records / seconds:.0f} records/s)\n"
        f"import of that file at the office: {first:.2f} s ({records / first:.0f} records/s); "
        f"the same file again (nothing changes): {again:.2f} s"
    )


def _timed_import(office: Session, path: Path, fingerprint: str) -> float:
    start = time.perf_counter()
    [result] = office.inbox.import_files([path], datetime.now(UTC), {fingerprint})
    seconds = time.perf_counter() - start
    assert result.ok, result.line
    return seconds
