"""Run slow service calls (Argon2id unlock, checks) off the GUI thread, Anki-style:
a function plus success and failure callbacks that run back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_running: set[_Task] = set()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_done, self._on_failed = on_done, on_failed
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failed)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self._on_done(result)

    @Slot(object)
    def _deliver_failed(self, exc: BaseException) -> None:
        self._on_failed(exc)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> None:
    task: _Task

    def finish_ok(result: Any) -> None:
        _running.discard(task)
        on_done(result)

    def finish_failed(exc: BaseException) -> None:
        _running.discard(task)
        on_failed(exc)

    task = _Task(fn, _Relay(finish_ok, finish_failed))
    _running.add(task)
    QThreadPool.globalInstance().start(task)


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """For shutdown and tests: wait until no task is running."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
