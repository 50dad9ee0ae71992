"""A widget's background work, shown while it runs (Anki's `QueryOp(...).with_progress()`).

`Busy(owner, alive).run(fn, on_done)` hands `fn` to a worker thread (`tasks.run_in_background`).
While it runs the owner shows a wait cursor, the button that started it is disabled (and may
say what is happening: "Wird entsperrt …"), further controls may be disabled, and the keyboard
focus comes back where it was; the callbacks, back on the GUI thread, first restore all that.
A result that arrives after Qt deleted the owner, or after `alive()` turned False (the vault
locked meanwhile), is dropped: no callback touches a closed window or a locked vault.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from shiboken6 import isValid

from outreach_desktop.domain.errors import UserError
from outreach_desktop.logs import describe_bug
from outreach_desktop.ui.messages import show_error
from outreach_desktop.ui.tasks import run_in_background

log = logging.getLogger(__name__)
T = TypeVar("T")


def _always() -> bool:
    return True


class _Shown:
    """The visible busy state of one run, and how to undo it."""

    def __init__(
        self, button: QAbstractButton | None, text: str, disable: Sequence[QWidget]
    ) -> None:
        self.button, self.text = button, button.text() if button else ""
        self.disabled = [w for w in ([button] if button else []) + list(disable) if w.isEnabled()]
        focus = QApplication.focusWidget()
        lost = focus is not None and any(w is focus or w.isAncestorOf(focus) for w in self.disabled)
        self.focus = focus if lost else None
        for widget in self.disabled:
            widget.setEnabled(False)
        if button is not None and text:
            button.setText(text)

    def restore(self) -> None:
        for widget in self.disabled:
            if isValid(widget):
                widget.setEnabled(True)
        if self.button is not None and isValid(self.button):
            self.button.setText(self.text)
        focus = self.focus  # a keyboard user finds the focus where they left it
        if focus is not None and isValid(focus) and focus.isEnabled() and focus.isVisible():
            focus.setFocus()


class Busy:
    """The background work of `owner`; `running` counts the runs not yet finished."""

    def __init__(self, owner: QWidget, alive: Callable[[], bool] = _always) -> None:
        self.owner, self.alive = owner, alive
        self.running = 0
        self._newest = 0  # the ticket of the newest `latest` run

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException], None] | None = None,
        *,
        button: QAbstractButton | None = None,
        text: str = "",
        disable: Sequence[QWidget] = (),
        latest: bool = False,
    ) -> None:
        """Run `fn` off the GUI thread, then `on_done(result)` or `on_failed(error)` on it
        (by default the error is shown in German beside the owner). `latest`: a newer
        `latest` run replaces this one, whose result is then dropped (search as you type)."""
        shown = _Shown(button, text, disable)
        self.running += 1
        self.owner.setCursor(Qt.CursorShape.WaitCursor)
        if latest:
            self._newest += 1
        ticket = self._newest

        def finish() -> bool:
            self.running -= 1
            if not isValid(self.owner):
                return False
            if not self.running:
                self.owner.unsetCursor()
            shown.restore()
            return self.alive() and (not latest or ticket == self._newest)

        def done(result: Any) -> None:
            if finish():
                on_done(result)

        def failed(exc: BaseException) -> None:
            if finish():
                (on_failed or self.show_error)(exc)
            elif not isinstance(exc, UserError):
                log.error("bug after close: %s", describe_bug(exc))

        run_in_background(fn, done, failed)

    def drop_pending(self) -> None:
        """The `latest` run still going is not shown when it ends (its work cannot be stopped,
        only forgotten): the list was cleared, or what it was asked for is answered already."""
        self._newest += 1

    def show_error(self, exc: BaseException) -> None:
        show_error(self.owner, exc)
