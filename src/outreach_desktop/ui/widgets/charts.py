"""The Auswertung page's charts (QPainter; why not QtCharts: see chart_base): grouped bars of
counts (appointments per approach and outcome) and bars of a rate in percent per month (the
follow-up rate). Both take plain data; a value None is drawn as no bar and told as such."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QWidget

from outreach_desktop.ui.widgets.chart_base import (
    ChartBase,
    german_number,
    german_percent,
    nice_step,
    series_colour,
)

Series = tuple[str, tuple[float | None, ...]]


class BarChart(ChartBase):
    """Bars per category, one per series side by side; `percent`: values are 0–100 %."""

    def __init__(
        self, title: str, empty_text: str, percent: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, empty_text, parent)
        self.percent = percent
        self.categories: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self._bars: list[tuple[int, int, QRectF]] = []
        self.data_changed()

    def set_data(
        self, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]
    ) -> None:
        self.categories = tuple(categories)
        self.series = tuple((name, tuple(values)) for name, values in series)
        self.data_changed()

    def values(self) -> list[float]:
        return [v for _name, values in self.series for v in values if v is not None]

    def has_data(self) -> bool:
        return bool(self.categories) and any(v > 0 for v in self.values())

    def shown(self, value: float | None) -> str:
        if value is None:
            return self.tr("not shown")
        return german_percent(value) if self.percent else german_number(value)

    def describe(self) -> str:
        parts = []
        for name, values in self.series:
            cells = ", ".join(f"{c} {self.shown(v)}" for c, v in zip(self.categories, values,
                                                                      strict=False))  # fmt: skip
            parts.append(f"{name}: {cells}" if name else cells)
        return f"{self.title}. " + "; ".join(parts)

    def top(self) -> float:
        if self.percent:
            return 100.0
        highest = max(self.values(), default=0.0)
        step = nice_step(highest)
        return max(step, step * -(-highest // step))

    def bar_rects(self) -> list[tuple[int, int, QRectF]]:
        """(series, category, rectangle) of each bar drawn in the last paint."""
        return list(self._bars)

    def paint_marks(self, painter: QPainter, plot: QRectF) -> None:
        self._bars = []
        top = self.top()
        self.draw_value_axis(painter, plot, top, self.percent)
        slot = plot.width() / len(self.categories)
        n = max(1, len(self.series))
        width = slot * 0.8 / n
        for s, (name, values) in enumerate(self.series):
            for c, value in enumerate(values[: len(self.categories)]):
                if not value:
                    continue
                height = round(min(value, top) / top * plot.height())
                x = plot.left() + c * slot + slot * 0.1 + s * width
                rect = QRectF(round(x), plot.bottom() - height, max(1, round(width) - 1), height)
                painter.fillRect(rect, series_colour(s))
                self._bars.append((s, c, rect))
                who = f"{name}, " if name else ""
                self.add_hit(rect, f"{who}{self.categories[c]}: {self.shown(value)}")
        self.draw_category_labels(painter, plot, list(self.categories))
        self._draw_legend(painter, plot)

    def legend_names(self) -> list[str]:
        names = [name for name, _values in self.series if name]
        return names if len(names) > 1 else []

    def extra_top(self) -> float:
        return 20.0 if self.legend_names() else 0.0

    def _draw_legend(self, painter: QPainter, plot: QRectF) -> None:
        """A swatch and the name of each series, in a row above the plot."""
        names = self.legend_names()
        painter.save()
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(self.text_colour())
        metrics = painter.fontMetrics()
        x, y = plot.left(), plot.top() - 24
        for s, name in enumerate(names):
            painter.fillRect(QRectF(x, y + 4, 10, 10), series_colour(s))
            width = metrics.horizontalAdvance(name) + 2
            painter.drawText(QRectF(x + 14, y, width, 18),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             name)  # fmt: skip
            x += width + 28
        painter.restore()
