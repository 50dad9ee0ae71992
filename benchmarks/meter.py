"""Timing on the GUI thread: run a step, let the event loop deliver what the step started in
the background (a page fills when its worker is done), and watch how long the event loop was
kept from running (a timer that should tick every few milliseconds)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QElapsedTimer, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from outreach_desktop.ui import tasks

TICK_MS = 5


def settle(timeout: float = 120.0) -> None:
    """Process events until no background task is running and its result was delivered."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        QApplication.processEvents()
        if not tasks._running and QThreadPool.globalInstance().activeThreadCount() == 0:
            QApplication.processEvents()
            if not tasks._running:
                return
        time.sleep(0.0005)
    raise TimeoutError("background work did not finish")


@dataclass
class BlockMeter:
    """The longest gaps between ticks of a timer on the GUI thread, each with the step that was
    running (`label`); a gap longer than the tick is time the event loop stood still."""

    label: str = ""
    worst: dict[str, float] = field(default_factory=dict)
    _clock: QElapsedTimer = field(default_factory=QElapsedTimer)
    _timer: QTimer | None = None
    _last: int = 0

    def start(self) -> None:
        self._clock.start()
        self._last = self._clock.elapsed()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.elapsed()
        gap = (now - self._last) / 1000
        self._last = now
        if self.label and gap > self.worst.get(self.label, 0.0):
            self.worst[self.label] = gap

    def measure(self, label: str, step: Callable[[], object]) -> float:
        """Seconds for `step` and the background work it started to be shown."""
        QApplication.processEvents()
        self._last = self._clock.elapsed()
        self.label = label
        start = time.perf_counter()
        step()
        self._tick_now()
        settle()
        seconds = time.perf_counter() - start
        self._tick_now()
        self.label = ""
        return seconds

    def _tick_now(self) -> None:
        """The gap up to here counts as well (a step run straight from here blocks the loop)."""
        self._tick()

    def top(self, n: int = 3) -> list[tuple[str, float]]:
        return sorted(self.worst.items(), key=lambda kv: -kv[1])[:n]


def median(samples: list[float]) -> float:
    return statistics.median(samples) if samples else float("nan")


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]
