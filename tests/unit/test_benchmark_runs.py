"""`make bench` keeps working: a small run prints every figure with its ratio."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_prints_vault_and_plain_figures() -> None:
    env = {**os.environ, "BENCH_ROWS": "300", "BENCH_PROTOCOLS": "100", "PYTHONPATH": str(ROOT),
           "BENCH_EXPORT_CLIENTS": "8"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Argon2id calibration: m=")
    figures = [line for line in lines if line.startswith(("insert", "search", "full text"))]
    assert len(figures) == 11
    for line in figures:
        vault, plain, ratio = (float(x) for x in line.split()[-3:])
        assert vault >= 0 and plain >= 0 and ratio > 0
    (export,) = [line for line in lines if line.startswith("export of the 8-client demo: ")]
    assert re.search(r" in [0-9.]+ s \([0-9]+ records/s\)$", export), export
    (imported,) = [line for line in lines if line.startswith("import of that file at the office")]
    assert re.search(r": [0-9.]+ s \([0-9]+ records/s\); .* again .*: [0-9.]+ s$", imported)
