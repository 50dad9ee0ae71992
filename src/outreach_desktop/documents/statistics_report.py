"""The statistics report as an A4 PDF: the agency's letterhead, two charts drawn with
reportlab's own graphics (outcomes per approach; the follow-up rate per month), then the table.
Counts only — the data it gets (`domain.statistics_report.StatisticsReport`) holds no names,
places or texts, and small counts are already hidden. Fonts embedded, as every document."""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from outreach_desktop.documents.fonts import SANS, SANS_BOLD, ensure_fonts
from outreach_desktop.documents.layout import (
    draw_footer_lines,
    draw_form_letterhead,
    numbered_canvas,
)
from outreach_desktop.documents.styles import RULE
from outreach_desktop.domain.statistics_report import StatisticsReport

LEFT, RIGHT, TOP, BOTTOM = 20 * mm, 20 * mm, 36 * mm, 24 * mm
WIDTH = A4[0] - LEFT - RIGHT
SERIES_COLOURS = (HexColor("#1f5f8b"), HexColor("#e08a1e"), HexColor("#4b8b3b"))
RATE_COLOUR = HexColor("#1f5f8b")
BODY = ParagraphStyle("body", fontName=SANS, fontSize=9, leading=12)
SMALL = ParagraphStyle("small", fontName=SANS, fontSize=7.5, leading=9.5)
HEADING = ParagraphStyle("heading", fontName=SANS_BOLD, fontSize=11, leading=14, spaceBefore=8,
                         spaceAfter=4)  # fmt: skip
TITLE = ParagraphStyle("title", fontName=SANS_BOLD, fontSize=15, leading=19, spaceAfter=2)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _axis_fonts(chart: VerticalBarChart) -> None:
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels):
        labels.fontName, labels.fontSize = SANS, 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True


def _legend(pairs: list[tuple[Color, str]], x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y, legend.fontName, legend.fontSize = x, y, SANS, 7.5
    legend.alignment, legend.columnMaximum, legend.deltay = "right", 1, 9
    legend.dxTextSpace, legend.dx, legend.dy = 4, 7, 7
    legend.boxAnchor = "nw"
    legend.colorNamePairs = pairs
    legend.deltax = 120
    return legend


def _drawing(height: float) -> Drawing:
    """A drawing whose renderer starts in the embedded font (else the page names Helvetica)."""
    drawing = Drawing(WIDTH, height)
    drawing.initialFontName, drawing.initialFontSize = SANS, 8
    return drawing


def outcome_chart(report: StatisticsReport) -> Drawing:
    """Grouped bars: per outcome, one bar per approach."""
    drawing = _drawing(82 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 28, 48, WIDTH - 40, 82 * mm - 80
    chart.data = [list(values) for _label, values in report.outcome_series]
    chart.categoryAxis.categoryNames = list(report.outcome_labels)
    chart.categoryAxis.labels.angle, chart.categoryAxis.labels.boxAnchor = 25, "ne"
    chart.barSpacing, chart.groupSpacing = 1, 8
    for index, colour in enumerate(SERIES_COLOURS[: len(chart.data)]):
        chart.bars[index].fillColor, chart.bars[index].strokeColor = colour, None
    _axis_fonts(chart)
    chart.valueAxis.valueStep = _step(chart.data)
    drawing.add(chart)
    pairs = [(SERIES_COLOURS[i], label) for i, (label, _v) in enumerate(report.outcome_series)]
    drawing.add(_legend(pairs, 28, 82 * mm - 4))
    return drawing


def _step(data: list[list[int | None]]) -> int:
    top = max((v for row in data for v in row if v is not None), default=0)
    return max(1, -(-top // 5))


def follow_up_chart(report: StatisticsReport) -> Drawing:
    """Bars: the follow-up rate (planned) per month, in percent; no bar where not shown."""
    drawing = _drawing(62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 28, 30, WIDTH - 40, 62 * mm - 52
    chart.data = [list(report.follow_up_rates)]
    chart.categoryAxis.categoryNames = list(report.month_labels)
    chart.categoryAxis.labels.angle = 30 if len(report.month_labels) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(report.month_labels) > 8 else "n"
    chart.bars[0].fillColor, chart.bars[0].strokeColor = RATE_COLOUR, None
    _axis_fonts(chart)
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = 100, 20
    chart.valueAxis.labelTextFormat = "%d %%"
    drawing.add(chart)
    drawing.add(String(28, 62 * mm - 10, "Folgeterminquote (geplant) je Monat", fontName=SANS,
                       fontSize=7.5))  # fmt: skip
    return drawing


def figures_table(report: StatisticsReport) -> Table:
    tab = report.table
    columns = len(tab.columns)
    size = 7 if columns <= 6 else 6 if columns <= 10 else 5.5
    pad = 6 if columns <= 6 else 2
    cell = ParagraphStyle("cell", fontName=SANS, fontSize=size, leading=size + 2)
    label_width = 70 * mm if columns <= 6 else 52 * mm if columns <= 10 else 44 * mm
    right = ParagraphStyle("right", parent=cell, alignment=TA_RIGHT)
    head = [_p("Kennzahl", cell), *(_p(c, right) for c in tab.columns)]
    body = [[_p(line[0], cell), *line[1:]] for line in tab.text(report.threshold)]
    widths = [label_width, *([(WIDTH - label_width) / columns] * columns)]
    table = Table([head, *body], colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SANS), ("FONTSIZE", (0, 0), (-1, -1), size),
        ("FONTNAME", (0, 0), (-1, 0), SANS_BOLD), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.2, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
    ]))  # fmt: skip
    return table


def render_statistics_report(report: StatisticsReport) -> bytes:
    ensure_fonts()
    out = BytesIO()
    template = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
        bottomMargin=BOTTOM, title=report.title, author=report.letterhead.agency_name,
        initialFontName=SANS, initialFontSize=9,  # else pages name an unembedded Helvetica
    )  # fmt: skip
    story = [
        _p(report.title, TITLE),
        _p(f"Zeitraum: {report.period_de} · {report.scope_de} · Stand {report.made_on}", BODY),
        Spacer(1, 2 * mm),
        _p(report.note_de, SMALL),
        _p("Termine je Handlungsansatz und Ergebnis", HEADING),
        outcome_chart(report),
        _p("Folgetermine im Verlauf", HEADING),
        follow_up_chart(report),
        _p("Kennzahlen", HEADING),
        figures_table(report),
    ]

    def first_page(canvas: Canvas, _doc: object) -> None:
        draw_form_letterhead(canvas, report.letterhead, LEFT, WIDTH)

    def footer(canvas: Canvas, number: int, total: int) -> None:
        lines = [f"{report.title} · {report.period_de} · Stand {report.made_on}"]
        draw_footer_lines(canvas, lines, f"Seite {number}/{total}", LEFT, WIDTH)

    template.build(story, onFirstPage=first_page, canvasmaker=numbered_canvas(footer))
    return out.getvalue()
