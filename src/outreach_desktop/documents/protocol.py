"""The memory protocol as a PDF for the office: structured, fonts embedded, addenda shown
beside (after) the original text, which is never changed."""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from outreach_desktop.documents.flowables import TextParagraph
from outreach_desktop.documents.fonts import SANS, SANS_BOLD, ensure_fonts
from outreach_desktop.documents.layout import numbered_canvas
from outreach_desktop.documents.styles import TextStyle
from outreach_desktop.domain.documents import ProtocolDocument

BODY = ParagraphStyle("body", fontName=SANS, fontSize=10, leading=13.5)
LABEL = ParagraphStyle("label", fontName=SANS_BOLD, fontSize=10, leading=13.5, spaceBefore=8)
TITLE = ParagraphStyle("title", fontName=SANS_BOLD, fontSize=15, leading=19, spaceAfter=2)
SMALL = ParagraphStyle("small", fontName=SANS, fontSize=8.5, leading=11)
TEXT = TextStyle(size=10, leading=13.5, space_after=0)  # the protocol's texts, as BODY


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def _paragraphs(text: str) -> list[Flowable]:
    """One paragraph per line, each wrapped once by bidi_text (linear in the text, a word
    wider than a line cut) and split across pages between its lines: reportlab's Paragraph
    lays out the rest of a long paragraph again on every page and measures a long word
    character by character, both quadratic. An empty line becomes a little space."""
    return [
        TextParagraph(line, TEXT) if line.strip() else Spacer(1, 2 * mm)
        for line in text.strip().split("\n")
    ]


def render_protocol(doc: ProtocolDocument) -> bytes:
    ensure_fonts()
    out = BytesIO()
    template = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=22 * mm, rightMargin=20 * mm, topMargin=20 * mm,
        bottomMargin=20 * mm, title="Gedächtnisprotokoll", author=doc.letterhead.agency_name,
        initialFontName=SANS, initialFontSize=10,  # else pages name an unembedded Helvetica
    )  # fmt: skip
    story: list[object] = [
        Paragraph(_text(doc.letterhead.agency_name), SMALL),
        Spacer(1, 4 * mm),
        Paragraph(_text(doc.title), TITLE),
        Paragraph(_text(doc.status), SMALL),
        Spacer(1, 3 * mm),
    ]
    if doc.facts:
        table = Table(
            [[Paragraph(_text(k), LABEL), Paragraph(_text(v), BODY)] for k, v in doc.facts],
            colWidths=[48 * mm, None],
        )
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("FONTNAME", (0, 0), (-1, -1), SANS),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
        story.append(table)
    for label, text in doc.sections:
        if text.strip():
            story += [Paragraph(_text(label), LABEL), *_paragraphs(text)]
    if doc.addenda:
        story += [Spacer(1, 4 * mm), Paragraph("Nachträge", LABEL)]
        for when, text in doc.addenda:
            story += [Paragraph(_text(when), SMALL), *_paragraphs(text)]

    def footer(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.drawString(22 * mm, 12 * mm, f"Gedächtnisprotokoll · Ref. {doc.reference}")
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"Seite {number}/{total}")
        canvas.restoreState()

    template.build(story, canvasmaker=numbered_canvas(footer))
    return out.getvalue()
