"""What the charts of the Auswertung page share: plot area, value axis with German numbers,
tooltips on the drawn marks, the empty state, colours readable in light and dark palettes.

Drawn with QPainter, not QtCharts: QtCharts comes only in PySide6-Addons (well over 100 MB of
modules we would otherwise not ship, against the Essentials wheel we depend on), and pyqtgraph
would be another dependency with its own look. Two small charts — grouped bars, a rate per
month — are a few hundred lines of painting, follow the palette (dark mode) and are easy to
test by rendering into a QImage.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)
# Mid tones: readable as marks on a white and on a dark grey background alike.
SERIES_COLOURS = ("#3b78c2", "#e08a2c", "#3a9e6a", "#b0509e", "#8a8a2a")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 52.0, 12.0, 30.0, 46.0


def german_number(value: float, decimals: int = 0) -> str:
    """1234 → "1.234", 45.5 (decimals=1) → "45,5"."""
    if decimals == 0:
        return GERMAN.toString(round(value))
    return GERMAN.toString(float(value), "f", decimals)


def german_percent(value: float) -> str:
    """45.5 → "45,5 %" (a whole number without decimals: "50 %")."""
    decimals = 0 if float(value).is_integer() else 1
    return f"{german_number(value, decimals)} %"


def nice_step(top: float, ticks: int = 5) -> float:
    """A step of 1, 2 or 5 times a power of ten giving at most `ticks` steps up to `top`."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return float(max(factor * power, 1))
    return float(10 * power)


class ChartBase(QWidget):
    """A titled chart; subclasses paint their marks into `plot_rect()` and register each with
    `add_hit(rect, text)` for its tooltip."""

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.empty_text = title, empty_text
        self._hits: list[tuple[QRectF, str]] = []
        self.setAccessibleName(title)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader user reaches the values
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(460, 280)

    def has_data(self) -> bool:
        raise NotImplementedError

    def describe(self) -> str:
        """The values in words, for screen readers (accessibleDescription) and the tooltip."""
        raise NotImplementedError

    def paint_marks(self, painter: QPainter, plot: QRectF) -> None:
        raise NotImplementedError

    def data_changed(self) -> None:
        text = self.describe() if self.has_data() else self.empty_text
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def extra_top(self) -> float:
        """Room above the plot for a legend (subclasses)."""
        return 0.0

    def plot_rect(self) -> QRectF:
        top = MARGIN_TOP + self.extra_top()
        return QRectF(MARGIN_LEFT, top, max(10.0, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
                      max(10.0, self.height() - top - MARGIN_BOTTOM))  # fmt: skip

    def text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def grid_colour(self) -> QColor:
        colour = QColor(self.text_colour())
        colour.setAlphaF(0.25)
        return colour

    def add_hit(self, rect: QRectF, text: str) -> None:
        self._hits.append((rect, text))

    def hit_text(self, point: QPointF) -> str:
        return next((text for rect, text in self._hits if rect.contains(point)), "")

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            text = self.hit_text(QPointF(e.pos())) or self.toolTip()
            QToolTip.showText(e.globalPos(), text, self)
            return True
        return super().event(e)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._hits = []
        painter.setPen(self.text_colour())
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(8, 4, self.width() - 16, 22),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.title)  # fmt: skip
        painter.setFont(self.font())
        if not self.has_data():
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.empty_text)
        else:
            self.paint_marks(painter, self.plot_rect())
        painter.end()

    def draw_value_axis(self, painter: QPainter, plot: QRectF, top: float, percent: bool) -> None:
        """Grid lines and labels from 0 to `top` (a multiple of the step)."""
        step = nice_step(top)
        painter.save()
        value = 0.0
        while value <= top + 1e-9:
            y = plot.bottom() - value / top * plot.height()
            painter.setPen(self.grid_colour())
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.text_colour())
            label = german_percent(value) if percent else german_number(value)
            painter.drawText(QRectF(0, y - 9, plot.left() - 6, 18),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             label)  # fmt: skip
            value += step
        painter.setPen(self.text_colour())
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.restore()

    def draw_category_labels(self, painter: QPainter, plot: QRectF, labels: list[str]) -> None:
        """Labels under the plot, one per equal slot: wrapped to two lines, each elided to the
        slot; labels of one word (months) that do not fit are shown every n-th slot."""
        if not labels:
            return
        slot = plot.width() / len(labels)
        painter.save()
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(self.text_colour())
        metrics = painter.fontMetrics()
        every = 1
        if not any(" " in label for label in labels):
            widest = max(metrics.horizontalAdvance(label) for label in labels) + 6
            every = max(1, math.ceil(widest / slot))
        line_height = metrics.height()
        for i, label in enumerate(labels):
            if i % every:
                continue
            width = slot * every - 2
            centre = plot.left() + (i + 0.5) * slot
            for n, line in enumerate(_two_lines(label, metrics, width)):
                box = QRectF(centre - width / 2, plot.bottom() + 3 + n * line_height, width,
                             line_height)  # fmt: skip
                painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter), line)
        painter.restore()


def _two_lines(label: str, metrics: QFontMetrics, width: float) -> list[str]:
    """`label` in at most two lines of `width`, broken at spaces, each elided to fit."""
    words, lines = label.split(), [""]
    for word in words:
        joined = f"{lines[-1]} {word}".strip()
        if metrics.horizontalAdvance(joined) <= width or not lines[-1] or len(lines) == 2:
            lines[-1] = joined
        else:
            lines.append(word)
    elide = Qt.TextElideMode.ElideRight
    return [metrics.elidedText(line, elide, int(width)) for line in lines]


def series_colour(index: int) -> QColor:
    return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
