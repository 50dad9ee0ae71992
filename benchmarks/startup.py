"""Start to the unlock page: the frozen app (dist/outreach-desktop, from `make dist`) beside the
same program from the venv, each a fresh process with `--exit-when-ready` (offscreen), median of
five runs. The frozen row is skipped when no frozen build is there."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "outreach-desktop" / "outreach-desktop"
RUNS = 5


def _time(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OUTREACH_DESKTOP_HOME=home)
        runs = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
            runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def startup_figure() -> str:
    venv = _time([sys.executable, "-m", "outreach_desktop", "--exit-when-ready"])
    lines = ["Start → unlock page (fresh process, offscreen, median of 5):",
             f"  from the venv          {venv * 1000:8.0f} ms"]  # fmt: skip
    if FROZEN.is_file():
        frozen = _time([str(FROZEN), "--exit-when-ready"])
        ratio = frozen / venv
        lines.append(f"  frozen (make dist)     {frozen * 1000:8.0f} ms   ratio {ratio:.2f}")
    else:
        lines.append("  frozen (make dist)     not built here: run `make dist` first")
    return "\n".join(lines)
