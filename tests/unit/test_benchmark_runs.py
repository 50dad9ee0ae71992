"""`make bench` keeps working: `python -m benchmarks --quick` (the small demo, one run of each
step) prints the machine, the table with every row measured on the vault and on its plain twin,
and the longest GUI-thread blocks. Nothing about speed is asserted here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROWS = (
    "KDF alone", "unlock without the KDF", "unlock → main window", "first visit (cold)",
    "resident memory after every page", "peak resident memory", "page Today",
    "page Appointments", "page Protocols",
    "client search as you type, p50", "client search as you type, p95", "one month of",
    "full-text search, rare word", "full-text search, common word", "full-text search, one letter",
    "protocol autosave", "appointment save", "opening a protocol", "consent PDF, first",
    "consent PDF, warm", "New appointment + New protocol", "export of everything",
    "import of that file",
)  # fmt: skip


def test_quick_benchmark_prints_the_table(tmp_path: Path) -> None:
    env = {**os.environ, "BENCH_DIR": str(tmp_path), "PYTHONPATH": str(ROOT),
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Machine: ") and " cores" in lines[0]
    assert "| operation | outreach_desktop | plain SQLite | ratio | target |" in lines
    rows = [line for line in lines if line.startswith("| ") and "operation" not in line]
    for name in ROWS:
        row = next((r for r in rows if r.startswith(f"| {name}")), None)
        assert row is not None, name
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[1].endswith(("ms", "MB")) and cells[2].endswith(("ms", "MB")), row
        assert cells[3] != "–", row
    assert "Longest GUI-thread blocks" in done.stdout
