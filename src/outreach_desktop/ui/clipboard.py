"""Copying Sozialdaten for pasting into VerBIS: marked as sensitive for clipboard managers and
cleared after 30 s if the text is still ours, and on lock and exit."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000
# KDE/Klipper and other managers skip entries carrying this hint; Windows skips the other.
SECRET_HINTS = {
    "x-kde-passwordManagerHint": b"secret",
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"1",
}


class SensitiveClipboard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CLEAR_AFTER_MS)
        self._timer.timeout.connect(self.clear_if_ours)

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        for kind, value in SECRET_HINTS.items():
            mime.setData(kind, value)
        QGuiApplication.clipboard().setMimeData(mime)
        self._ours = text
        self._timer.start()

    def clear_if_ours(self) -> None:
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._ours is not None and clipboard.text() == self._ours:
            clipboard.clear()
        self._ours = None

    @property
    def holds_ours(self) -> bool:
        return self._ours is not None and QGuiApplication.clipboard().text() == self._ours


_instance: SensitiveClipboard | None = None


def sensitive_clipboard() -> SensitiveClipboard:
    global _instance
    if _instance is None:
        _instance = SensitiveClipboard()
    return _instance
