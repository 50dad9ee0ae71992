"""Loading Qt translators: ours (built from resources/translations) and qtbase's."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from outreach_desktop.resources import translation_file

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []
_language = "en"


def ui_language() -> str:
    """ "de" or "en": which labels of data files (checklists, forms) to show."""
    return _language


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Install the translations of `language` ("de" or "en").

    English is the source language of the interface's own texts, German that of the domain's
    labels ("Labels" context), so English loads our file too: it holds just those labels.
    Returns False when our translation file is missing (run `make` to build it).
    """
    global _language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _language = language
    QLocale.setDefault(
        QLocale(
            QLocale.Language.German if language == "de" else QLocale.Language.English,
            QLocale.Country.Germany,
        )
    )
    ok = True
    ours = QTranslator(app)
    if ours.load(str(translation_file(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation %s not found; build it with make", language)
        ok = False
    if language == "en":
        return ok
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok


def locale() -> QLocale:
    return QLocale()
