"""Background work of a widget: it runs off the GUI thread, the widget shows that it is busy
until the result is back, errors are shown in German, and a result for a closed widget or a
locked vault is dropped without touching either."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from outreach_desktop.domain.errors import DomainError
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.tasks import wait_for_background


class Panel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.edit = QLineEdit()
        self.button = QPushButton("&Drucken …")
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)


@pytest.fixture
def panel(qtbot: Any, german: None) -> Panel:
    widget = Panel()
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def blocking(result: Any = None) -> tuple[Callable[[], Any], threading.Event, list[bool]]:
    """Work that waits for `release`; `on_gui` tells for each call whether it ran on the GUI
    thread."""
    release, on_gui = threading.Event(), []

    def work() -> Any:
        on_gui.append(threading.current_thread() is threading.main_thread())
        assert release.wait(10)
        return result

    return work, release, on_gui


def settled() -> None:
    wait_for_background()
    QApplication.processEvents()


def test_work_runs_off_the_gui_thread_while_the_widget_shows_it_is_busy(
    panel: Panel, qtbot: Any
) -> None:
    work, release, on_gui = blocking(42)
    results: list[tuple[int, bool]] = []
    busy = Busy(panel)
    panel.button.setFocus()
    busy.run(
        work,
        lambda r: results.append((r, threading.current_thread() is threading.main_thread())),
        button=panel.button,
        text="Wird erstellt …",
        disable=(panel.edit,),
    )
    qtbot.waitUntil(lambda: bool(on_gui))
    assert on_gui == [False]  # the work runs in a worker thread
    assert busy.running == 1 and panel.cursor().shape() == Qt.CursorShape.WaitCursor
    assert not panel.button.isEnabled() and panel.button.text() == "Wird erstellt …"
    assert not panel.edit.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: bool(results))
    assert results == [(42, True)]  # the result comes back on the GUI thread
    assert busy.running == 0 and panel.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert panel.button.isEnabled() and panel.button.text() == "&Drucken …"
    assert panel.edit.isEnabled()
    assert panel.button.hasFocus()  # the keyboard user is back where they were


def test_a_failure_is_shown_in_german_and_the_busy_state_cleared(
    panel: Panel, qtbot: Any, error_boxes: list[str]
) -> None:
    def refused() -> None:
        raise DomainError("An einen anonymen Termin geht kein Brief.")

    def broken() -> None:
        raise KeyError("client")

    busy = Busy(panel)
    busy.run(refused, lambda _r: None, button=panel.button)
    qtbot.waitUntil(lambda: bool(error_boxes))
    assert error_boxes == ["An einen anonymen Termin geht kein Brief."]
    assert panel.button.isEnabled() and busy.running == 0
    busy.run(broken, lambda _r: None, button=panel.button)
    qtbot.waitUntil(lambda: len(error_boxes) == 2)
    assert error_boxes[1].startswith("Ein interner Programmfehler ist aufgetreten (KeyError).")


def test_a_result_for_a_closed_widget_is_dropped(qtbot: Any, error_boxes: list[str]) -> None:
    panel = Panel()
    work, release, _on_gui = blocking("result")
    results: list[str] = []
    busy = Busy(panel)
    busy.run(work, results.append, button=panel.button, disable=(panel,))
    panel.deleteLater()
    qtbot.waitUntil(lambda: not isValid(panel))
    release.set()
    settled()
    assert results == [] and error_boxes == [] and busy.running == 0


def test_a_result_after_the_vault_locked_is_dropped(panel: Panel, error_boxes: list[str]) -> None:
    locked = threading.Event()
    work, release, _on_gui = blocking("result")
    results: list[str] = []
    busy = Busy(panel, lambda: not locked.is_set())
    busy.run(work, results.append, button=panel.button)
    busy.run(lambda: (release.wait(10), 1 / 0), results.append)  # fails once locked: not shown
    locked.set()
    release.set()
    settled()
    assert results == [] and error_boxes == []
    assert panel.button.isEnabled()  # the look is restored all the same


def test_only_the_newest_of_several_searches_is_shown(panel: Panel, qtbot: Any) -> None:
    slow, release, _on_gui = blocking("old query")
    results: list[str] = []
    busy = Busy(panel)
    busy.run(slow, results.append, latest=True)
    busy.run(lambda: "new query", results.append, latest=True)
    qtbot.waitUntil(lambda: results == ["new query"])
    release.set()
    settled()
    assert results == ["new query"] and busy.running == 0
    busy.run(lambda: "dropped", results.append, latest=True)
    busy.drop_pending()  # e.g. the list was cleared meanwhile
    settled()
    assert results == ["new query"]
