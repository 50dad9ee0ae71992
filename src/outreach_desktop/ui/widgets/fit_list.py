"""A list that is as tall as its rows and wraps long rows instead of cutting them: for pages that
scroll as a whole (Heute), so the page scrolls once instead of lists scrolling inside it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QSizePolicy, QWidget

PAD_V, PAD_H = 5, 4  # each row's padding (pixels), as the style sheet below sets it


class FitList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)  # the delegate wraps within the row's rectangle
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformItemSizes(False)
        self.setStyleSheet(f"QListWidget::item {{ padding: {PAD_V}px {PAD_H}px; }}")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def fit(self) -> None:
        """Size each row for its text wrapped at the current width, and the list for all rows."""
        width = max(self.viewport().width(), 50)
        metrics = self.fontMetrics()
        room = QRect(0, 0, width - 2 * PAD_H - 2, 1_000_000)
        total = 0
        for i in range(self.count()):
            item = self.item(i)
            text = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), item.text())
            height = text.height() + 2 * PAD_V + 2
            item.setSizeHint(QSize(width, height))
            total += height + 2 * self.spacing()
        self.setFixedHeight(max(total, 1) + 2 * self.frameWidth())
        self.doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()
