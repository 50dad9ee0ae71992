"""Autosave for a form: nothing typed is lost. The form is saved a moment after typing stops
and when the keyboard focus leaves it; the owner also saves on close and when the vault locks.
One single-shot timer, restarted by each change: no polling while the laptop idles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

AUTOSAVE_MS = 2000


class Autosave(QObject):
    def __init__(
        self, form: QWidget, save: Callable[[], bool], delay_ms: int = AUTOSAVE_MS
    ) -> None:
        super().__init__(form)
        self._form, self._save = form, save
        self.dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save)
        app = QApplication.instance()
        self._app = app if isinstance(app, QApplication) else None
        if self._app is not None:
            self._app.focusChanged.connect(self._focus_changed)

    def changed(self) -> None:
        """Something was typed: save once typing has paused."""
        self.dirty = True
        self._timer.start()

    def stop(self) -> None:
        """A save is starting now: the pending one is not needed."""
        self._timer.stop()

    def saved(self) -> None:
        self.dirty = False

    def detach(self) -> None:
        """The form closes: stop watching the focus."""
        self._timer.stop()
        if self._app is not None:
            self._app.focusChanged.disconnect(self._focus_changed)
            self._app = None

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.dirty and old is not None and self._form.isAncestorOf(old):
            self._save()
