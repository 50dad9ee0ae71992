"""Telling the user, once, that the settings file could not be used (services/settings.py keeps
it aside and the defaults apply); the main window asks at start and after each unlock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from outreach_desktop.services.settings import take_settings_problem
from outreach_desktop.ui.messages import show_warning

translate = QCoreApplication.translate


def tell_settings_problem(parent: QWidget | None) -> bool:
    """Show the waiting problem, if any; True when one was shown."""
    problem = take_settings_problem()
    if problem is None:
        return False
    text = translate(
        "SettingsNotice",
        "The settings file {path} could not be used, so the default settings apply.",
    ).format(path=problem.path)
    if problem.kept_as is not None:
        text += " " + translate(
            "SettingsNotice",
            "It was kept as {kept}; a new one is written when you next change a setting.",
        ).format(kept=problem.kept_as)
    show_warning(parent, translate("SettingsNotice", "Settings reset"), text)
    return True
