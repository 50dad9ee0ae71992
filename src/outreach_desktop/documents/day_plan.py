"""Außentermine heute: the day plan as one A4 page for the team board — the agency's letterhead,
a table of who is out when and roughly where, an empty column to note the return, and a German
footer saying whether client names are on it."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from outreach_desktop.documents.fonts import SANS, SANS_BOLD, ensure_fonts
from outreach_desktop.documents.layout import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    draw_footer_lines,
    draw_form_letterhead,
    numbered_canvas,
)
from outreach_desktop.documents.styles import MUTED, NOTE_FILL, RULE
from outreach_desktop.domain.day_plan import DayPlan, PlanRow
from outreach_desktop.domain.documents import Letterhead

LEFT = RIGHT = 15 * mm
WIDTH = PAGE_WIDTH - LEFT - RIGHT
TOP = 38 * mm  # below the form letterhead
BOTTOM = 26 * mm
TITLE = ParagraphStyle("title", fontName=SANS_BOLD, fontSize=15, leading=19, spaceAfter=2)
NOTE = ParagraphStyle("note", fontName=SANS, fontSize=8.5, leading=11, textColor=MUTED)
CELL = ParagraphStyle("cell", fontName=SANS, fontSize=9, leading=11.5)
HEAD = ParagraphStyle("head", fontName=SANS_BOLD, fontSize=8.5, leading=10.5)
WITHOUT_NAMES = "Ohne Namen von Kundinnen und Kunden; Orte nur ungefähr (Postleitzahl und Ort)."
WITH_NAMES = "Enthält Namen und Orte von Kundinnen und Kunden (Sozialdaten): nicht aushängen."


def _p(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _weekday(day: datetime) -> str:
    names = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
    return names[day.weekday()]


def _row(r: PlanRow, with_names: bool) -> list[Flowable]:
    where = f"{r.where}\nKundin/Kunde: {r.client}" if with_names else r.where
    cells = [f"{r.start:%H:%M}–{r.end:%H:%M}", f"{r.back_by:%H:%M}", r.staff, r.approach, where]
    return [*(_p(c) for c in cells), _p(r.status), _p("")]


def _table(plan: DayPlan) -> Table:
    where = "Wo, mit Kundin/Kunde" if plan.with_names else "Wo (ungefähr)"
    head = ["Zeit", "Zurück bis", "Wer (Telefon)", "Ansatz", where, "Stand", "Zurück um"]
    widths = [24 * mm, 15 * mm, 36 * mm, 23 * mm, 0.0, 21 * mm, 18 * mm]
    widths[4] = WIDTH - sum(widths)
    data = [[_p(h, HEAD) for h in head], *(_row(r, plan.with_names) for r in plan.rows)]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # else the table names an unembedded Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), NOTE_FILL),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 1), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
    ]))  # fmt: skip
    return table


def _story(plan: DayPlan) -> list[Flowable]:
    day = datetime.combine(plan.day, datetime.min.time())
    story: list[Flowable] = [
        _p(f"Außentermine am {_weekday(day)}, {plan.day:%d.%m.%Y}", TITLE),
        _p(WITH_NAMES if plan.with_names else WITHOUT_NAMES, NOTE),
        Spacer(1, 4 * mm),
    ]
    if plan.is_empty:
        story.append(_p("An diesem Tag sind keine Außentermine geplant."))
    else:
        story.append(_table(plan))
    return story


def render_day_plan(plan: DayPlan, letterhead: Letterhead, made_at: datetime) -> bytes:
    """The day plan as PDF bytes (fonts embedded, nothing written to disk)."""
    ensure_fonts()
    out = BytesIO()
    doc = BaseDocTemplate(
        out, pagesize=A4, title=f"Außentermine {plan.day:%d.%m.%Y}",
        author=letterhead.agency_name, creator="Outreach Desktop",
        producer="Outreach Desktop (reportlab)", lang="de-DE", displayDocTitle=True,
        initialFontName=SANS, initialFontSize=10,  # else pages name an unembedded Helvetica
    )  # fmt: skip
    frame = Frame(LEFT, BOTTOM, WIDTH, PAGE_HEIGHT - TOP - BOTTOM, 0, 0, 0, 0, id="plan")

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        draw_form_letterhead(canvas, letterhead, LEFT, WIDTH)

    doc.addPageTemplates([PageTemplate(id="plan", frames=[frame], onPage=on_page)])
    names = "mit Namen" if plan.with_names else "ohne Namen von Kundinnen und Kunden"
    lines = [
        f"Außentermine am {plan.day:%d.%m.%Y} · {names}",
        f"Erstellt am {made_at:%d.%m.%Y} um {made_at:%H:%M} Uhr · Nur für den Dienstgebrauch",
    ]

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        draw_footer_lines(canvas, lines, f"Seite {page} von {pages}", LEFT, WIDTH)

    doc.build(_story(plan), canvasmaker=numbered_canvas(footer))
    return out.getvalue()
