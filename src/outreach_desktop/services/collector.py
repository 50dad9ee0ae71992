"""Python's cyclic garbage collector paused while a bulk read builds tens of thousands of objects
(a month's appointments with their checklist states): each full collection it would trigger
walks every object of the process and holds the interpreter lock meanwhile, so the GUI thread
stood still for 40–90 ms at a time while a worker read (measured on the large demo vault). What
such a read creates is freed by reference counting; cycles, if any, are collected after it.
Nested and concurrent pauses (several workers) end when the last one does."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
