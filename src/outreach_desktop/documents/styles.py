"""Type sizes, colours and spacing shared by all documents (points unless named _MM)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.units import mm

from outreach_desktop.documents.bidi_text import ARABIC_SCALE, Align

INK = black
MUTED = HexColor("#4a4a4a")  # translations and small print: dark enough to read and copy
TRANSLATION = HexColor("#1f3a5f")
RULE = HexColor("#8a8a8a")
BOX = HexColor("#555555")
NOTE_FILL = HexColor("#f1f1f1")

PAGE_MARGIN = 20 * mm


@dataclass(frozen=True)
class TextStyle:
    size: float = 10
    leading: float = 13.2
    bold: bool = False
    color: Color = INK
    space_before: float = 0
    space_after: float = 4
    align: Align = "start"
    rtl: bool = False
    indent: float = 0  # at the start edge (left, or right for Arabic)
    bar: bool = False  # a thin rule at the start edge, marking a translation

    def for_language(self, language: str) -> TextStyle:
        """The same style for text in `language`: Arabic is right to left with more leading."""
        if language != "ar":
            return self
        return replace(self, rtl=True, leading=max(self.leading, self.size * ARABIC_SCALE * 1.6))

    def with_(self, **changes: object) -> TextStyle:
        return replace(self, **changes)  # type: ignore[arg-type]


BODY = TextStyle()
SMALL = TextStyle(size=7.5, leading=9.5, color=MUTED, space_after=2)
LABEL = TextStyle(size=8.5, leading=10.5, bold=True, space_after=0)
LABEL_TRANSLATION = TextStyle(size=7.5, leading=9.5, color=TRANSLATION, space_after=0)
VALUE = TextStyle(size=10, leading=12.5, space_after=0)
TITLE = TextStyle(size=15, leading=19, bold=True, space_after=2)
TITLE_TRANSLATION = TextStyle(size=12, leading=16, bold=True, color=TRANSLATION, space_after=6)
HEADING = TextStyle(size=10.5, leading=13.5, bold=True, space_before=6, space_after=2)
HEADING_TRANSLATION = TextStyle(
    size=9.5, leading=12, bold=True, color=TRANSLATION, space_after=2, indent=4 * mm, bar=True
)
TRANSLATED = TextStyle(
    size=9.5, leading=12.2, color=TRANSLATION, space_after=5, indent=4 * mm, bar=True
)
LETTER_BODY = TextStyle(size=10.5, leading=14, space_after=8)
LETTER_SUBJECT = TextStyle(size=10.5, leading=14, bold=True, space_after=14)
