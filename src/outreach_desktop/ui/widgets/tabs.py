"""Tabs whose labels are never clipped. Fusion (the style on a plain X server) sizes a tab by the
font's line height and shifts an unselected tab's text down by two pixels; glyphs that reach
above the ascent (the dots of "Ü" in "Übernahme", in DejaVu Sans) are then cut off at the top.
The tab bar here adds the room those glyphs need, measured from the font, not guessed."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

SHIFT = 2  # Fusion draws an unselected tab's label this much lower


def overshoot(metrics: QFontMetrics, text: str) -> int:
    """Pixels the text's glyphs reach beyond the font's ascent or descent (0 if none)."""
    tight = metrics.tightBoundingRect(text)
    above = -tight.top() - metrics.ascent()
    below = tight.bottom() - metrics.descent()
    return max(0, above, below)


class RoomyTabBar(QTabBar):
    def tabSizeHint(self, index: int) -> QSize:
        size = super().tabSizeHint(index)
        extra = overshoot(self.fontMetrics(), self.tabText(index))
        if extra:
            size.setHeight(size.height() + 2 * (extra + SHIFT))
        return size


def tab_widget(parent: QWidget | None = None) -> QTabWidget:
    """A QTabWidget with the roomy tab bar."""
    tabs = QTabWidget(parent)
    tabs.setTabBar(RoomyTabBar(tabs))
    return tabs
