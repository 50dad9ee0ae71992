"""The QApplication: translations, the main window, optional auto-unlock."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from outreach_desktop import __version__
from outreach_desktop.services.settings import load_settings
from outreach_desktop.ui.i18n import install_translators
from outreach_desktop.ui.main_window import MainWindow
from outreach_desktop.ui.shutdown import close_on_signals
from outreach_desktop.ui.tasks import wait_for_background


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("Outreach Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("outreach-desktop")
    app.setDesktopFileName("outreach-desktop")
    return app


def run_gui(
    vault: Path | None = None, passphrase: str | None = None, exit_when_ready: bool = False
) -> int:
    app = create_application()
    settings = load_settings()
    install_translators(app, settings.language)
    window = MainWindow(settings, fixed_vault=vault)
    screen = app.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        window.resize(min(1280, area.width()), min(820, area.height()))
    close_on_signals(app, window)
    window.show()
    if exit_when_ready:  # an installation check: the window came up, then it closes again
        QTimer.singleShot(0, lambda: _report_ready(app, window))
    elif vault is not None and passphrase:
        window.unlock(vault, passphrase)
    code = int(app.exec())
    # an unlock still running when the window closed: let it finish and lock what it opened
    wait_for_background()
    app.processEvents()
    window.lock(reason="exit")
    return code


def _report_ready(app: QApplication, window: MainWindow) -> None:
    try:
        shown = "Anmeldeseite" if window.current_widget() is window.welcome else "Arbeitsbereich"
        print(f"bereit: {shown} gezeigt", flush=True)
    finally:
        app.quit()
