"""Start to the unlock page: the program from the venv as a fresh process with
`--exit-when-ready` (offscreen), the median of some runs. (The frozen build of `make dist`
starts alike; `python -m benchmarks.startup` compares the two.)"""

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


def _time(command: list[str], runs: int) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OUTREACH_DESKTOP_HOME=home)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def start_to_unlock_page(runs: int = 5) -> float:
    return _time([sys.executable, "-m", "outreach_desktop", "--exit-when-ready"], runs)


def main() -> None:
    venv = start_to_unlock_page()
    print(f"Start → unlock page (fresh process, offscreen, median of 5): venv {venv * 1000:.0f} ms")
    if FROZEN.is_file():
        frozen = _time([str(FROZEN), "--exit-when-ready"], 5)
        print(f"  frozen (make dist) {frozen * 1000:.0f} ms, ratio {frozen / venv:.2f}")
    else:
        print("  frozen (make dist): not built here, run `make dist` first")


if __name__ == "__main__":
    main()
