"""GUI fixtures: a main window in German with an injectable clock, fast key derivation, and a
helper to work inside modal dialogs (which block in exec())."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from outreach_desktop.services.settings import Settings
from outreach_desktop.ui.i18n import install_translators
from outreach_desktop.ui.main_window import MainWindow
from outreach_desktop.ui.tasks import wait_for_background
from testkit import FAST_KDF
from testkit.gui import MODAL_ERRORS, FakeClock
from testkit.stations import station_folders, stations, stations_template  # noqa: F401


@pytest.fixture(autouse=True)
def modal_errors() -> Iterator[None]:
    """An assertion that failed inside a modal dialog fails the test that opened it."""
    MODAL_ERRORS.clear()
    yield
    if MODAL_ERRORS:
        raise MODAL_ERRORS[0]


@pytest.fixture(scope="session", autouse=True)
def english_by_default(qapp: QApplication) -> None:
    """As in the app, some language is always installed: English unless a test asks for German
    (without any, the domain's labels would show in German, their source language)."""
    assert install_translators(qapp, "en"), "run `make translations` first"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert install_translators(qapp, "de"), "run `make translations` first"
    yield
    install_translators(qapp, "en")


@pytest.fixture
def make_window(qtbot: Any, german: None, clock: FakeClock) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(vault: Path | None = None, settings: Settings | None = None) -> MainWindow:
        window = MainWindow(
            settings or Settings(),
            fixed_vault=vault,
            clock=clock,
            today=lambda: date(2026, 11, 25),
            kdf=FAST_KDF,
        )
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.lock()
    wait_for_background()


@pytest.fixture
def settle(qtbot: Any) -> Callable[..., None]:
    """Wait until the background work of the given pages or panels (their `busy`) is shown."""

    def wait(*widgets: Any) -> None:
        qtbot.waitUntil(lambda: all(w.busy.running == 0 for w in widgets), timeout=10000)

    return wait


@pytest.fixture
def error_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the error boxes that would have opened (none opens)."""
    texts: list[str] = []
    monkeypatch.setattr(
        "outreach_desktop.ui.messages.QMessageBox.warning",
        lambda _parent, _title, text: texts.append(text),
    )
    return texts


@pytest.fixture
def answerable_sender() -> None:
    """A letterhead a client can answer: no "contact details missing" warning before printing
    (tests of that warning leave this fixture out)."""
    from outreach_desktop.services.settings import load_settings, save_settings

    settings = load_settings()
    settings.agency_street, settings.agency_postcode_city = "Am Markt 1", "29439 Lüchow"
    settings.agency_phone = "05841 1234"
    save_settings(settings)
