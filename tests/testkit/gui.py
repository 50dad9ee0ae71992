"""GUI test helpers: a fake clock and a way to act inside modal dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


MODAL_ERRORS: list[BaseException] = []  # re-raised after the test by an autouse fixture


def in_modal(qtbot: Any, kind: type[QWidget], action: Callable[[Any], None]) -> list[Any]:
    """Run `action(dialog)` as soon as a modal dialog of `kind` is open.

    Returns a list that receives the dialog, for assertions afterwards. A failing action
    closes the dialog (instead of leaving the test waiting forever) and fails the test.
    """
    seen: list[Any] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget not in seen:
            seen.append(widget)
            try:
                action(widget)
            except BaseException as exc:
                MODAL_ERRORS.append(exc)
                for _ in range(10):
                    open_ = QApplication.activeModalWidget()
                    if open_ is None:
                        break
                    open_.close()
        elif not seen:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def activate(qtbot: Any, window: QWidget) -> None:
    """Offscreen, closing a dialog does not reactivate its parent; a window manager would."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
