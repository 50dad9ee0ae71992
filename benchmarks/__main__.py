"""`make bench` (`python -m benchmarks`): the app on a large vault against the same app on the
same data unencrypted; one table (benchmarks/README.md says how to read it).

    python -m benchmarks [--quick] [--size small|medium|large] [--no-exchange]

--quick: the small demo, one run of each step (the test suite runs this so the harness keeps
working; it says nothing about speed). The vaults are cached (benchmarks/vaults.py)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.table import Row, Rows, machine, markdown
from benchmarks.vaults import BenchVaults, bench_vaults

STEADY = "≤ 100 ms"


def read_through(vault: Path) -> None:
    """Read the vault's files once, so that the operating system's file cache holds them: a
    cold row measures the app's own caches empty (a fresh process: SQLCipher's decrypted pages,
    Python's imports), not whether this machine's memory reclaim (kdamond) happened to drop the
    file meanwhile — that made the same row 235 or 759 ms from one run to the next."""
    for path in sorted(vault.iterdir()):
        if path.is_file():
            with path.open("rb") as file:
                while file.read(8 << 20):
                    pass


def fresh(vault: Path, plain: bool) -> dict[str, Any]:
    """The cold figures from a fresh process (benchmarks/fresh.py)."""
    read_through(vault)
    command = [sys.executable, "-m", "benchmarks.fresh", str(vault)] + (
        ["--plain"] if plain else []
    )
    done = subprocess.run(command, check=True, capture_output=True, text=True, timeout=1800)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def cold_rows(vaults: BenchVaults, runs: int) -> tuple[list[Row], list[tuple[str, float]]]:
    samples: dict[bool, list[dict[str, Any]]] = {False: [], True: []}
    for _ in range(runs):  # in turn: neither side gets a warmer disk cache
        for plain in (False, True):
            samples[plain].append(fresh(vaults.plain if plain else vaults.encrypted, plain))

    def mid(plain: bool, key: str, page: str = "") -> float:
        values = sorted(s["pages"][page] if page else s[key] for s in samples[plain])
        return float(values[len(values) // 2])

    rows = [
        Row("KDF alone (Argon2id of the passphrase slot)", mid(False, "kdf"), mid(True, "kdf")),
        Row(
            "unlock without the KDF (open, check, session)",
            mid(False, "unlock"),
            mid(True, "unlock"),
        ),
        Row(
            "unlock → main window, Heute filled and painted (cold)",
            mid(False, "window"),
            mid(True, "window"),
            "≤ 300 ms after the KDF",
        ),
    ]
    for page in samples[False][0]["pages"]:
        rows.append(
            Row(f"first visit (cold): {page}", mid(False, "", page), mid(True, "", page), STEADY)
        )
    kdf = mid(False, "kdf_mib")
    rows += [
        Row(
            "resident memory after every page (the largest)",
            mid(False, "resident_mb"),
            mid(True, "resident_mb"),
            "≤ 300 MB",
            unit="MB",
        ),
        Row(  # the vault's KDF parameters are calibrated when it is made, so they vary
            f"peak resident memory of the process (the KDF's {kdf:.0f} MiB included)",
            mid(False, "peak_mb"),
            mid(True, "peak_mb"),
            unit="MB",
        ),
    ]
    blocks = [(str(b[0]), float(b[1])) for s in samples[False] for b in s["blocks"]]
    return rows, blocks


def startup_row(runs: int) -> Row:
    from benchmarks.startup import start_to_unlock_page

    return Row(
        "process start → unlock dialog (offscreen, fresh process)", start_to_unlock_page(runs), None
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--size", choices=("small", "medium", "large"))
    parser.add_argument("--no-exchange", action="store_true")
    parser.add_argument(
        "--cold-runs",
        type=int,
        default=1,
        metavar="N",
        help="fresh processes per side for the cold rows (median)",
    )
    args = parser.parse_args(argv)
    size = args.size or ("small" if args.quick else "large")
    runs = 1 if args.quick else 3
    vaults = bench_vaults(size, quick=args.quick)
    print(f"Machine: {machine()}")
    print(
        f"Vault: demo --size {size} (seed 1, made {vaults.made_on:%d.%m.%Y}; {vaults.describe()})\n"
    )
    rows = Rows()
    if vaults.seconds_to_make:
        rows.append(
            Row(
                f"demo --size {size} (generation, once)",
                vaults.seconds_to_make,
                None,
                "≤ 90 s (large)",
                unit="s",
            )
        )
    rows.append(startup_row(runs))
    cold, blocks = cold_rows(vaults, args.cold_runs)
    rows += cold
    from benchmarks.warm_run import warm_rows

    warm, warm_blocks = warm_rows(vaults, quick=args.quick)
    rows.extend(warm)  # told on stderr already
    if not args.no_exchange:
        from benchmarks.warm_run import exchange_table_rows

        rows += exchange_table_rows(vaults)
    print(markdown(rows))
    worst = sorted([*blocks, *warm_blocks], key=lambda b: -b[1])[:3]
    print("\nLongest GUI-thread blocks (event loop kept from running; target ≤ 100 ms):")
    for label, seconds in worst:
        print(f"  {seconds * 1000:7.0f} ms  {label}")
    if not args.quick:
        from benchmarks.long_text import long_text_figure

        print(f"\n{long_text_figure()}")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as _home:
        import os

        os.environ.setdefault("OUTREACH_DESKTOP_HOME", _home)  # no settings of the user touched
        main()
