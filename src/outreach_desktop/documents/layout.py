"""Page furniture: the agency letterhead, DIN 5008 letter geometry, footers with "page x/y"."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from outreach_desktop.documents import bidi_text, fonts
from outreach_desktop.documents.styles import INK, MUTED, RULE
from outreach_desktop.domain.documents import Letterhead

PAGE_WIDTH, PAGE_HEIGHT = float(A4[0]), float(A4[1])


def from_top(distance: float) -> float:
    """A y coordinate given as distance from the top edge (DIN 5008 measures from the top)."""
    return PAGE_HEIGHT - distance


class Din5008:
    """DIN 5008, form B (window envelope DL/C6-5, window at the left)."""

    LEFT_MARGIN = 25 * mm
    RIGHT_MARGIN = 20 * mm
    ADDRESS_LEFT = 20 * mm  # address field, from the left edge
    ADDRESS_TOP = 45 * mm  # from the top edge
    ADDRESS_WIDTH = 85 * mm
    ADDRESS_HEIGHT = 45 * mm
    ADDITIONS_HEIGHT = 17.7 * mm  # return address / notes zone above the recipient zone
    ADDRESS_INSET = 5 * mm  # text starts 5 mm inside the field
    INFO_LEFT = 125 * mm  # information block (contact, date)
    INFO_TOP = 50 * mm
    INFO_WIDTH = 75 * mm
    SUBJECT_TOP = 98.46 * mm
    FOLD_MARKS = (105 * mm, 210 * mm)
    HOLE_MARK = 148.5 * mm
    BOTTOM_MARGIN = 24 * mm


FooterFn = Callable[[Canvas, int, int], None]


def numbered_canvas(footer: FooterFn) -> type[Canvas]:
    """A canvas class that holds back the pages until the end, so each page's footer can say
    "page x of y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def draw_logo(canvas: Canvas, png: bytes, right: float, top: float, w: float, h: float) -> None:
    image = ImageReader(io.BytesIO(png))
    canvas.drawImage(
        image, right - w, top - h, w, h, preserveAspectRatio=True, anchor="ne", mask="auto"
    )


def _text(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    size: float,
    bold: bool = False,
    width: float = 400,
    align: bidi_text.Align = "start",
) -> None:
    bidi_text.draw_line(canvas, text, x, y, width, size, bold=bold, align=align)


def contact_parts(head: Letterhead) -> list[str]:
    parts = []
    if head.phone:
        parts.append(f"Telefon {head.phone}")
    if head.email:
        parts.append(head.email)
    if head.website:
        parts.append(head.website)
    return parts


def draw_form_letterhead(canvas: Canvas, head: Letterhead, left: float, width: float) -> float:
    """The compact letterhead on a form's first page; returns the y below it."""
    top = from_top(14 * mm)
    canvas.saveState()
    canvas.setFillColor(INK)
    text_width = width - (50 * mm if head.logo_png else 0)
    _text(canvas, head.agency_name, left, top - 11, 12, bold=True, width=text_width)
    canvas.setFillColor(MUTED)
    if head.department:
        _text(canvas, head.department, left, top - 23, 8.5, width=text_width)
    address = " · ".join(p for p in (head.street, head.postcode_city) if p)
    _text(canvas, address, left, top - 34, 8, width=text_width)
    _text(canvas, " · ".join(contact_parts(head)), left, top - 44, 8, width=text_width)
    if head.logo_png:
        draw_logo(canvas, head.logo_png, left + width, top, 45 * mm, 16 * mm)
    bottom = top - 50
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, bottom, left + width, bottom)
    canvas.restoreState()
    return bottom


def draw_letter_letterhead(canvas: Canvas, head: Letterhead) -> None:
    """Letterhead zone of a DIN 5008 form B letter (the top 45 mm)."""
    d = Din5008
    width = PAGE_WIDTH - d.LEFT_MARGIN - d.RIGHT_MARGIN
    canvas.saveState()
    text_width = width - (55 * mm if head.logo_png else 0)
    canvas.setFillColor(INK)
    _text(
        canvas, head.agency_name, d.LEFT_MARGIN, from_top(20 * mm), 14, bold=True, width=text_width
    )
    canvas.setFillColor(MUTED)
    if head.department:
        _text(canvas, head.department, d.LEFT_MARGIN, from_top(26 * mm), 10, width=text_width)
    if head.logo_png:
        draw_logo(
            canvas, head.logo_png, PAGE_WIDTH - d.RIGHT_MARGIN, from_top(12 * mm), 50 * mm, 22 * mm
        )
    canvas.restoreState()


def draw_address_field(canvas: Canvas, head: Letterhead, lines: list[str]) -> None:
    """Return address (small, above) and the recipient's lines in the window field."""
    d = Din5008
    x = d.ADDRESS_LEFT + d.ADDRESS_INSET
    inner = d.ADDRESS_WIDTH - d.ADDRESS_INSET
    canvas.saveState()
    sender = " · ".join(p for p in (head.agency_name, head.street, head.postcode_city) if p)
    size = 6.5
    while size > 6 and bidi_text.line_width(sender, size) > inner:
        size -= 0.25
    sender_lines = bidi_text.wrap(sender, inner, size)[:2]
    underline = from_top(d.ADDRESS_TOP + d.ADDITIONS_HEIGHT - 1.5 * mm)
    canvas.setFillColor(MUTED)
    for i, line in enumerate(reversed(sender_lines)):
        _text(canvas, line, x, underline + 1.2 * mm + i * (size + 1.5), size, width=inner)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.3)
    canvas.line(
        x, underline, x + max(bidi_text.line_width(t, size) for t in sender_lines), underline
    )
    canvas.setFillColor(INK)
    y = from_top(d.ADDRESS_TOP + d.ADDITIONS_HEIGHT) - 10
    for line in lines[:6]:  # the recipient zone holds six lines
        wrapped = bidi_text.wrap(line, inner, 10)
        _text(canvas, wrapped[0] if wrapped else "", x, y, 10, width=inner)
        y -= 12.5
    canvas.restoreState()


def draw_info_block(canvas: Canvas, rows: list[tuple[str, str]]) -> None:
    """Contact details and the date, right of the address field (one line each; a long value
    such as an e-mail address is set smaller rather than broken)."""
    d = Din5008
    y = from_top(d.INFO_TOP) - 8
    label_width = 26 * mm
    value_width = d.INFO_WIDTH - label_width
    canvas.saveState()
    for label, value in rows:
        canvas.setFillColor(MUTED)
        _text(canvas, label, d.INFO_LEFT, y, 8, width=label_width)
        canvas.setFillColor(INK)
        size = 9.0
        while size > 6.5 and bidi_text.line_width(value, size) > value_width:
            size -= 0.25
        _text(canvas, value, d.INFO_LEFT + label_width, y, size, width=value_width)
        y -= 11.5
    canvas.restoreState()


def draw_fold_marks(canvas: Canvas) -> None:
    d = Din5008
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    for mark in d.FOLD_MARKS:
        canvas.line(4 * mm, from_top(mark), 8 * mm, from_top(mark))
    canvas.line(4 * mm, from_top(d.HOLE_MARK), 10 * mm, from_top(d.HOLE_MARK))
    canvas.restoreState()


def draw_footer_lines(
    canvas: Canvas,
    left_lines: list[str],
    right: str,
    left: float,
    width: float,
    bottom: float = 10 * mm,
) -> None:
    left_lines = [part for line in left_lines for part in _fit_footer(line, width - 30 * mm)]
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    top = bottom + 9 * len(left_lines) + 2
    canvas.line(left, top, left + width, top)
    y = top - 9
    for line in left_lines:
        _text(canvas, line, left, y, 7, width=width - 30 * mm)
        y -= 9
    _text(canvas, right, left, top - 9, 7, width=width, align="end")
    canvas.restoreState()


def _fit_footer(line: str, width: float) -> list[str]:
    """A footer line too wide for its room (it would run into the page number), broken at its
    " · " separators into lines that fit; a single part wider than the room stays whole."""
    lines: list[str] = []
    for part in line.split(" · "):
        joined = f"{lines[-1]} · {part}" if lines else part
        if lines and bidi_text.measure(joined, 7) <= width:
            lines[-1] = joined
        else:
            lines.append(part)
    return lines


def set_font_default(canvas: Canvas) -> None:
    canvas.setFont(fonts.SANS, 10)
