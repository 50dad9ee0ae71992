"""A growing delay after repeated wrong passphrases. Kept in memory only: a failed unlock
writes nothing to disk."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

FREE_ATTEMPTS = 1  # a single typo costs nothing
MAX_DELAY_SECONDS = 30.0


class UnlockThrottle:
    def __init__(self, sleep: Callable[[float], None] = time.sleep) -> None:
        self.sleep = sleep
        self._failures: dict[str, int] = {}
        self._lock = threading.Lock()

    def delay_for(self, failures: int) -> float:
        if failures <= FREE_ATTEMPTS:
            return 0.0
        return float(min(2 ** (failures - FREE_ATTEMPTS - 1), MAX_DELAY_SECONDS))

    def failed(self, key: str) -> float:
        """Record a failure and wait; returns the seconds waited."""
        with self._lock:
            count = self._failures.get(key, 0) + 1
            self._failures[key] = count
        delay = self.delay_for(count)
        if delay:
            self.sleep(delay)
        return delay

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def failures(self, key: str) -> int:
        return self._failures.get(key, 0)


throttle = UnlockThrottle()
