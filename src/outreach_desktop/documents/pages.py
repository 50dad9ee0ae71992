"""Document skeleton shared by forms and letters: metadata, frames, build to bytes."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from outreach_desktop.documents import fonts
from outreach_desktop.documents.layout import PAGE_HEIGHT, PAGE_WIDTH, FooterFn, numbered_canvas
from outreach_desktop.domain.documents import DocumentData

PageFn = Callable[[Canvas, BaseDocTemplate], None]


def frame(left: float, top: float, right: float, bottom: float, frame_id: str) -> Frame:
    """A frame given by its margins from the page edges."""
    return Frame(
        left,
        bottom,
        PAGE_WIDTH - left - right,
        PAGE_HEIGHT - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=frame_id,
    )


def build_pdf(
    data: DocumentData,
    title: str,
    story: list[Flowable],
    first: tuple[Frame, PageFn],
    later: tuple[Frame, PageFn],
    footer: FooterFn,
) -> bytes:
    fonts.ensure_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        title=title,
        author=data.letterhead.agency_name,
        subject=data.kind.value,
        creator="Outreach Desktop",
        producer="Outreach Desktop (reportlab)",
        lang="de-DE",
        displayDocTitle=True,
        initialFontName=fonts.SANS,  # else every page names Helvetica, a font not embedded
        initialFontSize=10,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="first", frames=[first[0]], onPage=first[1], autoNextPageTemplate="later"
            ),
            PageTemplate(id="later", frames=[later[0]], onPage=later[1]),
        ]
    )
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()
