"""Copied Sozialdaten: marked as secret for clipboard managers, cleared after 30 s if the text
is still ours, never clearing what the user copied elsewhere since."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication

from outreach_desktop.ui.clipboard import CLEAR_AFTER_MS, SensitiveClipboard


def test_cleared_after_thirty_seconds_if_still_ours(qapp: Any) -> None:
    board = SensitiveClipboard()
    board.copy("Olena Kovalenko, Führerschein")
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "Olena Kovalenko, Führerschein" and board.holds_ours
    assert CLEAR_AFTER_MS == 30_000
    assert board._timer.isActive() and board._timer.isSingleShot()
    assert board._timer.interval() == 30_000
    board._timer.timeout.emit()  # what happens when the 30 s are up
    assert clipboard.text() == "" and not board.holds_ours


def test_text_copied_elsewhere_since_is_left_alone(qapp: Any) -> None:
    board = SensitiveClipboard()
    board.copy("Termin Bahnhof 10 Uhr")
    QGuiApplication.clipboard().setText("eigene Notiz aus einem anderen Programm")
    board.clear_if_ours()  # timer, lock or quit
    assert QGuiApplication.clipboard().text() == "eigene Notiz aus einem anderen Programm"
    mime = QGuiApplication.clipboard().mimeData()
    assert not mime.hasFormat("x-kde-passwordManagerHint")
