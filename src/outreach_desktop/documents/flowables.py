"""Platypus flowables that draw text through bidi_text (any script, either direction)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Table, TableStyle

from outreach_desktop.documents import bidi_text, fonts
from outreach_desktop.documents.bidi_text import ARABIC_SCALE
from outreach_desktop.documents.styles import BOX, NOTE_FILL, RULE, TextStyle


def baseline_offset(style: TextStyle) -> float:
    """Distance from the top of a line box down to its baseline."""
    size = style.size * ARABIC_SCALE if style.rtl else style.size
    descent = 0.36 * size if style.rtl else 0.24 * size
    return style.leading - (style.leading - size) / 2 - descent


class TextParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of plain text, wrapped in logical order and drawn line by line; splits
    across pages between lines."""

    def __init__(self, text: str, style: TextStyle, *, lines: list[str] | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._lines = lines
        self._wrapped_for: float | None = None if lines is None else -1.0

    def __repr__(self) -> str:
        return f"TextParagraph({self.text[:30]!r})"

    def _text_width(self, avail_width: float) -> float:
        return max(avail_width - self.style.indent, 10.0)

    def _wrap_lines(self, avail_width: float) -> list[str]:
        if self._lines is not None and self._wrapped_for in (-1.0, avail_width):
            return self._lines
        if not self.text.strip():
            self._lines = []
        else:
            s = self.style
            self._lines = bidi_text.wrap(self.text, self._text_width(avail_width), s.size, s.bold)
        self._wrapped_for = avail_width
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self._wrap_lines(avail_width)) * self.style.leading
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self._wrap_lines(avail_width)
        fit = int((avail_height + 0.01) // self.style.leading)
        if len(lines) >= 4:  # no single line left alone on either page
            fit = min(fit, len(lines) - 2)
            if fit < 2:
                return []
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        head = TextParagraph(self.text, replace(self.style, space_after=0), lines=lines[:fit])
        tail = TextParagraph(self.text, replace(self.style, space_before=0), lines=lines[fit:])
        return [head, tail]

    def getSpaceBefore(self) -> float:
        return self.style.space_before

    def getSpaceAfter(self) -> float:
        return self.style.space_after

    def draw(self) -> None:
        s = self.style
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(s.color)
        text_width = self._text_width(self.width)
        left = 0.0 if s.rtl else s.indent
        for i, line in enumerate(self._lines or []):
            baseline = self.height - i * s.leading - baseline_offset(s)
            bidi_text.draw_line(
                canvas,
                line,
                left,
                baseline,
                text_width,
                s.size,
                bold=s.bold,
                rtl=s.rtl,
                align=s.align,
            )
        if s.bar and self._lines:
            x = self.width - 1 * mm if s.rtl else 1 * mm
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(1.2)
            canvas.line(x, 1, x, self.height - 1)
        canvas.restoreState()


def note_box(content: list[Flowable], width: float) -> Table:
    """A shaded box around a few paragraphs (the "German is authoritative" notice)."""
    table = Table([[content]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),  # else Helvetica is referenced
                ("BACKGROUND", (0, 0), (-1, -1), NOTE_FILL),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ]
        )
    )
    return table


def grid_table(
    rows: Sequence[Sequence[Any]],
    col_widths: list[float],
    header: bool = False,
    row_heights: list[float | None] | None = None,
) -> Table:
    table = Table(rows, colWidths=col_widths, rowHeights=row_heights, repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),  # else Helvetica is referenced
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), NOTE_FILL))
    table.setStyle(TableStyle(commands))
    return table


@dataclass(frozen=True)
class Caption:
    text: str
    style: TextStyle


@dataclass(frozen=True)
class SignatureField:
    """One box to sign or write in, with its labels above and captions below."""

    labels: tuple[Caption, ...]
    width: float  # share of the row, 0..1
    image_png: bytes | None = None
    text_in_box: str = ""
    captions: tuple[Caption, ...] = ()
    notes_in_box: tuple[Caption, ...] = ()  # small print at the foot of the box


class SignatureRow(Flowable):  # type: ignore[misc]
    """Boxes side by side: place/date, the client's signature, the staff member's. Labels
    above and captions below wrap within their box's width."""

    BOX_HEIGHT = 20 * mm
    GAP = 5 * mm

    def __init__(self, fields: list[SignatureField]) -> None:
        super().__init__()
        self.fields = fields
        self._layout: list[tuple[float, list[Caption], list[Caption], list[Caption]]] = []

    @staticmethod
    def _lines(captions: tuple[Caption, ...], width: float) -> list[Caption]:
        out = []
        for caption in captions:
            s = caption.style
            for line in bidi_text.wrap(caption.text, width, s.size, s.bold) or [""]:
                out.append(Caption(line, s))
        return out

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        usable = avail_width - self.GAP * (len(self.fields) - 1)
        shares = sum(field.width for field in self.fields)
        self._layout = []
        for field in self.fields:
            width = usable * field.width / shares
            self._layout.append(
                (
                    width,
                    self._lines(field.labels, width),
                    self._lines(field.captions, width),
                    self._lines(field.notes_in_box, width - 3 * mm),
                )
            )
        self._label_height = max(sum(c.style.leading for c in row[1]) for row in self._layout)
        caption_height = max(sum(c.style.leading for c in row[2]) for row in self._layout)
        notes_height = max(sum(c.style.leading for c in row[3]) for row in self._layout)
        # room for a signature above the small print, however long it is
        self._box_height = max(self.BOX_HEIGHT, 14 * mm + notes_height)
        self.height = self._label_height + 1 * mm + self._box_height + caption_height
        return avail_width, self.height + 1 * mm

    def getSpaceBefore(self) -> float:  # reportlab's name
        return float(4 * mm)

    def draw(self) -> None:
        canvas = self.canv
        x = 0.0
        box_top = self.height - self._label_height - 1 * mm
        for field, (width, labels, captions, notes) in zip(self.fields, self._layout, strict=True):
            y = self.height
            for caption in labels:
                self._line(caption, x, y, width)
                y -= caption.style.leading
            canvas.saveState()
            canvas.setStrokeColor(BOX)
            canvas.setLineWidth(0.7)
            canvas.rect(x, box_top - self._box_height, width, self._box_height)
            canvas.restoreState()
            notes_height = sum(c.style.leading for c in notes)
            y = box_top - self._box_height + 0.8 * mm + notes_height
            for note in notes:
                self._line(note, x + 1.5 * mm, y, width - 3 * mm)
                y -= note.style.leading
            if field.image_png:
                image = ImageReader(io.BytesIO(field.image_png))
                canvas.drawImage(
                    image,
                    x + 2 * mm,
                    box_top - self._box_height + 1.5 * mm + notes_height,
                    width - 4 * mm,
                    self._box_height - 3 * mm - notes_height,
                    preserveAspectRatio=True,
                    anchor="c",
                    mask="auto",
                )
            if field.text_in_box:
                inside = Caption(field.text_in_box, TextStyle(size=10, leading=12))
                self._line(inside, x + 2 * mm, box_top - 2 * mm, width - 4 * mm)
            y = box_top - self._box_height - 0.5 * mm
            for caption in captions:
                self._line(caption, x, y, width)
                y -= caption.style.leading
            x += width + self.GAP

    def _line(self, caption: Caption, x: float, top: float, width: float) -> None:
        """One line whose line box hangs from `top`."""
        s = caption.style
        self.canv.saveState()
        self.canv.setFillColor(s.color)
        bidi_text.draw_line(
            self.canv,
            caption.text,
            x,
            top - baseline_offset(s),
            width,
            s.size,
            bold=s.bold,
            rtl=s.rtl,
            align=s.align,
        )
        self.canv.restoreState()
