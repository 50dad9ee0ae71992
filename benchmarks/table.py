"""The benchmark's one table, and the machine it ran on."""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3


@dataclass(frozen=True)
class Row:
    operation: str
    vault: float | None  # seconds (or MB for memory, see `unit`)
    plain: float | None
    target: str = ""
    unit: str = "ms"

    def cells(self) -> list[str]:
        ratio = f"{self.vault / self.plain:.2f}" if self.vault and self.plain else "–"
        return [self.operation, self._show(self.vault), self._show(self.plain), ratio, self.target]

    def _show(self, value: float | None) -> str:
        if value is None:
            return "–"
        if self.unit == "MB":
            return f"{value:.0f} MB"
        if self.unit == "s":
            return f"{value:.1f} s"
        if value >= 10:
            return f"{value:.1f} s"
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value * 1000:.0f} ms"


class Rows(list[Row]):
    """Rows that are also told on stderr as they are measured (a long run shows progress, and
    a run stopped early leaves what it had)."""

    def append(self, row: Row) -> None:
        print("  ".join(row.cells()), file=sys.stderr, flush=True)
        super().append(row)

    def __iadd__(self, rows: Iterable[Row]) -> Rows:  # type: ignore[override,misc]
        for row in rows:
            self.append(row)
        return self


def machine() -> str:
    """CPU, cores, memory, load, OS, Python and SQLCipher: what the figures depend on."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.1f} GiB RAM"
    load = ""
    if hasattr(os, "getloadavg"):
        one, five, fifteen = os.getloadavg()
        load = f", load {one:.1f} {five:.1f} {fifteen:.1f} (1, 5, 15 min)"
    cipher = sqlcipher3.connect(":memory:").execute("PRAGMA cipher_version").fetchone()
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}{load}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; SQLite "
        f"{sqlcipher3.sqlite_version}, SQLCipher {cipher[0] if cipher else '?'}"
    )


def markdown(rows: list[Row]) -> str:
    head = ["operation", "outreach_desktop", "plain SQLite", "ratio", "target"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(lines)
