"""Lock on inactivity: an application-wide event filter notes the last input; one single-shot
timer fires when the timeout may have passed (no busy polling).

The clock counts time the laptop spent asleep (CLOCK_BOOTTIME on Linux), and input arriving
after the timeout locks at once and is swallowed, so waking the laptop never shows an unlocked
vault even though Qt's timers do not advance during sleep.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal


def _default_clock() -> float:
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()


ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


class IdleWatcher(QObject):
    timed_out = Signal()

    def __init__(
        self,
        timeout_seconds: float,
        clock: Callable[[], float] = _default_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.timeout = float(timeout_seconds)
        self._last = clock()
        self._active = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._last = self.clock()
        if not self._active:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._active = True
        self._arm(self.timeout)

    def stop(self) -> None:
        self._timer.stop()
        if self._active:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._active = False

    @property
    def active(self) -> bool:
        return self._active

    def set_timeout(self, seconds: float) -> None:
        self.timeout = float(seconds)
        if self._active:
            self.check()

    def idle_seconds(self) -> float:
        return self.clock() - self._last

    def check(self) -> None:
        """Lock if idle long enough, otherwise re-arm for the remaining time."""
        if not self._active:
            return
        remaining = self.timeout - self.idle_seconds()
        if remaining <= 0:
            self.stop()
            self.timed_out.emit()
        else:
            self._arm(remaining)

    def _arm(self, seconds: float) -> None:
        self._timer.start(max(1000, int(seconds * 1000) + 50))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in ACTIVITY:
            if self.idle_seconds() >= self.timeout:
                self.stop()
                self.timed_out.emit()
                return True
            self._last = self.clock()
        return False
