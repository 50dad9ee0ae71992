"""Long work with a progress dialog that can be cancelled (an export, an import): the work runs
off the GUI thread and reports `progress(done, total)`; it polls `cancelled()` and stops without
leaving a partial result (the services guarantee that). The dialog stays until the work has
really stopped, so a cancel is never mistaken for "done"."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from outreach_desktop.ui.tasks import run_in_background

T = TypeVar("T")
translate = QCoreApplication.translate
Progress = Callable[[int, int], None]
Work = Callable[[Progress, Callable[[], bool]], T]


class _Relay(QObject):
    step = Signal(int, int)


class ProgressRun:
    """One run: `dialog` is shown while `work` runs; `cancel()` asks it to stop."""

    def __init__(self, parent: QWidget, title: str, text: str) -> None:
        self.dialog = QProgressDialog(text, translate("ProgressRun", "Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.disconnect()  # a cancel asks the work to stop; the end closes it
        self.dialog.canceled.connect(self.cancel)
        self._stop = threading.Event()
        self._relay = _Relay()
        self._relay.step.connect(self._show_step, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        self._stop.set()
        self.dialog.setLabelText(translate("ProgressRun", "Stopping…"))
        self.dialog.setCancelButtonText("")

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    @Slot(int, int)
    def _show_step(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def start(
        self,
        work: Work[T],
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        self.dialog.show()

        def run() -> Any:
            return work(self._relay.step.emit, self._stop.is_set)

        def done(result: Any) -> None:
            if isValid(self.dialog):  # the window may have closed (the vault locked) meanwhile
                self.dialog.close()
                on_done(result)

        def failed(exc: BaseException) -> None:
            if isValid(self.dialog):
                self.dialog.close()
                on_failed(exc)

        run_in_background(run, done, failed)
