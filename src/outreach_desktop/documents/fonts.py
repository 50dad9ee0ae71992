"""The fonts every document uses, registered with reportlab once, on first use.

DejaVu Sans covers Latin (German, English, Turkish) and Cyrillic; Noto Naskh Arabic covers
Arabic but has no Latin letters, so Arabic lines switch fonts per run (see bidi_text).
reportlab embeds TrueType fonts as subsets, so every PDF carries the glyphs it shows.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from outreach_desktop.resources import resources_dir

SANS = "OD-DejaVuSans"
SANS_BOLD = "OD-DejaVuSans-Bold"
ARABIC = "OD-NotoNaskhArabic"
ARABIC_BOLD = "OD-NotoNaskhArabic-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    ARABIC_BOLD: "NotoNaskhArabic-Bold.ttf",
}
LICENCES = ("LICENSE-DejaVu.txt", "OFL-NotoNaskhArabic.txt")

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def ensure_fonts() -> None:
    """Register the fonts with reportlab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / filename)))
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS)
        addMapping(SANS, 1, 1, SANS_BOLD)
        _registered = True


def latin(bold: bool = False) -> str:
    return SANS_BOLD if bold else SANS


def arabic(bold: bool = False) -> str:
    return ARABIC_BOLD if bold else ARABIC


@cache
def _charmap(name: str) -> frozenset[int]:
    ensure_fonts()
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


def has_glyph(font_name: str, char: str) -> bool:
    return ord(char) in _charmap(font_name)


def string_width(text: str, font_name: str, size: float) -> float:
    ensure_fonts()
    return float(pdfmetrics.stringWidth(text, font_name, size))
