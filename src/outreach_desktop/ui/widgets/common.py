"""Small widget helpers every screen uses the same way: named buttons, scroll areas, labels bound
to their field, the error and warning colours, and the search-as-you-type timer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QWidget

ERROR_COLOR = "#a40000"  # dark red: readable on every light theme
WARNING_COLOR = "#8a4b00"  # dark orange: a hint, not yet an error


def plain(text: str) -> str:
    """A caption as a screen reader should say it: without the Alt-key marker and the ellipsis
    ("Termin &bearbeiten …" → "Termin bearbeiten")."""
    return text.replace("&", "").replace("…", "").strip()


def button(text: str, slot: Callable[[], None]) -> QPushButton:
    """A push button named for screen readers that never reacts to Enter in a text field."""
    push = QPushButton(text)
    push.setAccessibleName(plain(text))
    push.setAutoDefault(False)
    push.clicked.connect(slot)
    return push


def scroll(widget: QWidget, *, framed: bool = True) -> QScrollArea:
    """`widget` in a scroll area that gives it the whole width."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    if not framed:
        area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A caption whose Alt key moves the focus to `buddy`."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def style_error(label: QLabel, *, shown: bool = True, bold: bool = False) -> None:
    """Show `label` in the error colour (`shown=False` restores the normal text colour)."""
    weight = " font-weight: bold;" if bold else ""
    label.setStyleSheet(f"color: {ERROR_COLOR};{weight}" if shown else "")


def style_warning(label: QLabel) -> None:
    label.setStyleSheet(f"color: {WARNING_COLOR};")


def mark_invalid(widget: QWidget, invalid: bool = True) -> None:
    """Frame an input whose value was refused (or clear the frame again)."""
    widget.setStyleSheet(f"border: 2px solid {ERROR_COLOR};" if invalid else "")


def debounce(parent: QWidget, msec: int, slot: Callable[[], None]) -> QTimer:
    """A single-shot timer: (re)start it on every keystroke, `slot` runs once typing pauses."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msec)
    timer.timeout.connect(slot)
    return timer
