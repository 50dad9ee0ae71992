"""The Auswertung charts (QPainter): bars in proportion to the values, counted in pixel columns
of a rendered QImage; the empty state; the values in words for screen readers; dark palettes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor, QImage, QPalette

from outreach_desktop.ui.widgets.chart_base import (
    german_number,
    german_percent,
    nice_step,
    series_colour,
)
from outreach_desktop.ui.widgets.charts import BarChart


def rendered(qtbot: Any, chart: BarChart, w: int = 500, h: int = 300) -> QImage:
    qtbot.addWidget(chart)
    chart.resize(w, h)
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(chart.palette().color(QPalette.ColorRole.Window))
    chart.render(image, QPoint(0, 0))
    return image


def column_height(image: QImage, x: int, colour: QColor, chart: BarChart) -> int:
    """Pixels of exactly `colour` in column x of the plot (not the legend's swatches)."""
    plot = chart.plot_rect()
    rows = range(int(plot.top()), int(plot.bottom()) + 1)
    return sum(1 for y in rows if image.pixelColor(x, y) == colour)


def centre_x(chart: BarChart, series: int, category: int) -> int:
    rect = next(r for s, c, r in chart.bar_rects() if (s, c) == (series, category))
    return round(rect.center().x())


def test_bars_are_drawn_in_proportion(qtbot: Any) -> None:
    chart = BarChart("Termine", "Keine Daten")
    chart.set_data(["Durchgeführt", "Abgesagt", "Nicht angetroffen"],
                   [("Walk and Talk", (8, 2, 0)), ("Hausbesuch", (4, 6, 1))])  # fmt: skip
    image = rendered(qtbot, chart)
    blue, orange = series_colour(0), series_colour(1)
    heights = {
        (s, c): column_height(image, centre_x(chart, s, c), (blue, orange)[s], chart)
        for s, c in [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2)]
    }
    unit = heights[(0, 0)] / 8
    assert unit > 10  # a bar of 8 is tall enough to measure
    for (s, c), value in {(0, 1): 2, (1, 0): 4, (1, 1): 6, (1, 2): 1}.items():
        assert abs(heights[(s, c)] - value * unit) <= 1.5, (s, c, heights)
    assert not any((s, c) == (0, 2) for s, c, _r in chart.bar_rects())  # 0: no bar


def test_a_rate_chart_scales_to_100_percent(qtbot: Any) -> None:
    chart = BarChart("Folgeterminquote", "Keine Daten", percent=True)
    chart.set_data(["01/2026", "02/2026", "03/2026"], [("", (100.0, 25.0, None))])
    image = rendered(qtbot, chart)
    full = column_height(image, centre_x(chart, 0, 0), series_colour(0), chart)
    quarter = column_height(image, centre_x(chart, 0, 1), series_colour(0), chart)
    plot = chart.plot_rect()
    assert abs(full - plot.height()) <= 1.5
    assert abs(quarter - plot.height() / 4) <= 1.5
    assert "03/2026 not shown" in chart.accessibleDescription()
    assert "02/2026 25 %" in chart.accessibleDescription()


def test_empty_state_text_and_no_bars(qtbot: Any) -> None:
    chart = BarChart("Termine", "Keine Termine in diesem Zeitraum")
    chart.set_data(["Durchgeführt"], [("Walk and Talk", (0,))])
    image = rendered(qtbot, chart)
    assert chart.bar_rects() == []
    assert chart.accessibleDescription() == "Keine Termine in diesem Zeitraum"
    text = chart.palette().color(QPalette.ColorRole.WindowText)
    middle = [image.pixelColor(x, 150) for x in range(100, 400)]
    assert any(p == text for p in middle) or any(p != middle[0] for p in middle)  # text drawn


def test_values_in_words_and_tooltips_with_german_numbers(qtbot: Any) -> None:
    chart = BarChart("Termine", "Keine Daten")
    chart.set_data(["Durchgeführt"], [("Walk and Talk", (1234,)), ("Hausbesuch", (3,))])
    rendered(qtbot, chart)
    description = chart.accessibleDescription()
    assert "Walk and Talk: Durchgeführt 1.234" in description
    assert "Hausbesuch: Durchgeführt 3" in description
    rect = chart.bar_rects()[0][2]
    assert chart.hit_text(QPointF(rect.center())) == "Walk and Talk, Durchgeführt: 1.234"
    assert (german_number(1234), german_percent(45.5), german_percent(50.0)) == (
        "1.234", "45,5 %", "50 %"
    )  # fmt: skip
    assert [nice_step(t) for t in (4, 9, 37, 240)] == [1, 2, 10, 50]


def test_axis_text_follows_a_dark_palette(qtbot: Any) -> None:
    chart = BarChart("Termine", "Keine Daten")
    dark = QPalette(chart.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    chart.setPalette(dark)
    chart.set_data(["Durchgeführt"], [("", (5,))])
    image = rendered(qtbot, chart)
    light = QColor("#f0f0f0")
    assert any(image.pixelColor(x, y) == light for x in range(0, 60) for y in range(30, 250))
    assert column_height(image, centre_x(chart, 0, 0), series_colour(0), chart) > 50
