"""Lines of text in any of our scripts, measured, wrapped and drawn on a reportlab canvas.

Arabic is shaped with arabic-reshaper (contextual letter forms) and put into visual order
with python-bidi. Wrapping happens in *logical* order, measuring the shaped words; only each
finished line is reordered for display, so a line break never splits the wrong end of a
sentence. A visual line is then cut into runs by script: Arabic letters in Noto Naskh Arabic,
everything else (names, numbers, Latin punctuation) in DejaVu Sans, which has the Latin and
Cyrillic glyphs Noto Naskh lacks. German, English, Turkish, Ukrainian and Russian lines without
Arabic characters skip all of that and are drawn in DejaVu directly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypeVar

from arabic_reshaper import ArabicReshaper
from bidi.algorithm import get_display
from reportlab.pdfgen.canvas import Canvas

from outreach_desktop.documents import fonts
from outreach_desktop.domain.text_safety import cleaned

ARABIC_SCALE = 1.15  # Naskh letters look smaller than DejaVu at the same point size
# Joins the words of a name so a line never breaks inside it (a name split over two lines of
# Arabic would read in the wrong order). Drawn and extracted as an ordinary space.
NOBREAK = "\ue000"
# Every value put into a text is embedded, so whatever it holds can never reorder the text
# around it: left-to-right embedding for a phone number or a German phrase inside Arabic text
# (one unit, "05841 123-456", not "123-456 05841"), right-to-left for an Arabic value. The
# value itself holds no bidi characters (`cleaned_data`), so the embedding is closed where
# the value ends; to the text around it, it is one unit of the embedding's direction — what an
# isolate does. (Isolates themselves are out of reach: python-bidi's algorithm that mirrors
# brackets predates them, its newer one mirrors nothing.) The bidi algorithm removes the
# marks; they are never drawn.
LRE, RLE, PDF = "\u202a", "\u202b", "\u202c"
_OPENERS = (LRE, RLE)
_CONTROLS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
Align = Literal["start", "end", "center"]
T = TypeVar("T")
LONG_WORD = 500  # characters

_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


_ARABIC = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _ARABIC_RANGES) + "]")


def is_arabic(char: str) -> bool:
    return _ARABIC.match(char) is not None


def has_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


# Only the obligatory lam-alef ligatures (Noto Naskh has their presentation forms); harakat
# are dropped, as reportlab cannot position marks over their base letter.
_RESHAPER = ArabicReshaper(
    configuration={
        "delete_harakat": True,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
    }
)


def shape(text: str) -> str:
    """Contextual Arabic letter forms (presentation forms); other text unchanged."""
    return str(_RESHAPER.reshape(text)) if has_arabic(text) else text


def keep_together(text: str) -> str:
    """`text` as one unbreakable unit for wrap()."""
    return text.replace(" ", NOBREAK)


def ltr_unit(text: str) -> str:
    """`text` (no Arabic in it) kept left to right inside right-to-left text."""
    return f"{LRE}{text}{PDF}" if text and not has_arabic(text) else text


def _first_strong_is_rtl(text: str) -> bool:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def isolate(value: str, rtl: bool = False) -> str:
    """A value (a name, a place, a date) for the inside of a text, embedded as one unit: it can
    never reorder the text around it. In right-to-left text a value without Arabic letters is
    a left-to-right unit, as `ltr_unit`; else its first strong letter sets its direction (as
    a first-strong isolate would). The data itself was cleaned of control and bidi characters
    by `cleaned_data`, so the embedding closes where the value ends."""
    if not value:
        return value
    opener = RLE if (has_arabic(value) or not rtl) and _first_strong_is_rtl(value) else LRE
    return f"{opener}{value}{PDF}"


def cleaned_data(data: T) -> T:
    """Document data without control and bidi characters in any text (domain/text_safety.py;
    data stored before that rule may hold them): a value cannot reopen or close the isolates
    the document puts around it."""
    return cleaned(data)


def strip_controls(text: str) -> str:
    return text.translate(_CONTROLS)


def plain(text: str) -> str:
    """Text as a reader sees it (for PDF metadata): no layout marks."""
    return strip_controls(text.replace(NOBREAK, " "))


def visual(line: str, rtl: bool) -> str:
    """One line in drawing order (left to right), shaped."""
    line = line.replace(NOBREAK, " ")
    if not rtl and not has_arabic(line):
        return strip_controls(line)
    return strip_controls(str(get_display(shape(line), base_dir="R" if rtl else "L")))


@dataclass(frozen=True)
class Run:
    text: str
    font: str
    size: float

    @property
    def width(self) -> float:
        return fonts.string_width(self.text, self.font, self.size)


@lru_cache(maxsize=4096)
def _strong_font(char: str, bold: bool) -> str | None:
    """The font a character needs by its script; None for neutrals (spaces, punctuation)."""
    if is_arabic(char):
        return fonts.arabic(bold)
    if char.isalnum():
        latin = fonts.latin(bold)
        if fonts.has_glyph(latin, char) or not fonts.has_glyph(fonts.arabic(bold), char):
            return latin
        return fonts.arabic(bold)
    return None


def runs(visual_text: str, size: float, bold: bool = False) -> list[Run]:
    """Cut a visual line into runs of one font each. Neutral characters join the run before
    them if its font has the glyph, else the next run's font, else DejaVu. Linear in the text."""
    latin = fonts.latin(bold)
    assigned: list[str | None] = [_strong_font(c, bold) for c in visual_text]
    following: list[str | None] = [None] * len(assigned)  # the next strong font after i
    upcoming: str | None = None
    for i in range(len(assigned) - 1, -1, -1):
        following[i] = upcoming
        upcoming = assigned[i] or upcoming
    for i, char in enumerate(visual_text):
        if assigned[i] is not None:
            continue
        before = assigned[i - 1] if i else None
        for candidate in (before, following[i], latin):
            if candidate is not None and fonts.has_glyph(candidate, char):
                assigned[i] = candidate
                break
        else:
            assigned[i] = latin
    result: list[Run] = []
    start = 0
    for end in range(1, len(visual_text) + 1):
        if end < len(visual_text) and assigned[end] == assigned[start]:
            continue
        font = assigned[start]
        assert font is not None
        run_size = size * ARABIC_SCALE if font in (fonts.ARABIC, fonts.ARABIC_BOLD) else size
        result.append(Run(visual_text[start:end], font, run_size))
        start = end
    return result


@lru_cache(maxsize=8192)
def measure(text: str, size: float, bold: bool = False) -> float:
    """Width of logical `text` once shaped (reordering does not change the width)."""
    plain = strip_controls(text.replace(NOBREAK, " "))
    return sum(run.width for run in runs(shape(plain), size, bold))


def _split_long_word(
    word: str, max_width: float, size: float, bold: bool
) -> list[tuple[str, float]]:
    """`word` cut into pieces no wider than `max_width`, each with its width, in time linear
    in the word: widths add up character by character (exact for unshaped text); a piece with
    Arabic in it is measured shaped and shortened while it is too wide."""
    pieces: list[tuple[str, float]] = []
    start = 0
    while start < len(word):
        end, width = start, 0.0
        while end < len(word):
            char_width = measure(word[end], size, bold)
            if end > start and width + char_width > max_width:
                break
            width += char_width
            end += 1
        if has_arabic(word[start:end]):
            width = measure(word[start:end], size, bold)
            while end - start > 1 and width > max_width:
                end -= 1
                width = measure(word[start:end], size, bold)
        pieces.append((word[start:end], width))
        start = end
    return pieces


def wrap(text: str, max_width: float, size: float, bold: bool = False) -> list[str]:
    """Break logical text into logical lines no wider than `max_width` (points). "\\n" forces
    a break; a word wider than a line is cut."""
    lines: list[str] = []
    space = measure(" ", size, bold)
    for hard_line in text.split("\n"):
        words = hard_line.split()
        if not words:
            lines.append("")
            continue
        current: list[str] = []
        width = 0.0
        for word in words:
            # a word this long is wider than any line (0.25 em a character at 5 pt is more
            # than a page's width): cut at once, without measuring all of it
            word_width = measure(word, size, bold) if len(word) <= LONG_WORD else max_width + 1
            pieces = (
                _split_long_word(word, max_width, size, bold)
                if word_width > max_width
                else [(word, word_width)]
            )
            for piece, piece_width in pieces:
                if current and width + space + piece_width > max_width:
                    lines.append(" ".join(current))
                    current, width = [], 0.0
                width = piece_width if not current else width + space + piece_width
                current.append(piece)
        lines.append(" ".join(current))
    return _balance_embeddings(lines)


def _balance_embeddings(lines: list[str]) -> list[str]:
    """An embedding cut by a line break is closed at the end of the line and reopened on the
    next, since each line goes through the bidi algorithm on its own."""
    out = []
    still_open: list[str] = []
    for line in lines:
        reopened = "".join(still_open) + line
        for char in line:
            if char in _OPENERS:
                still_open.append(char)
            elif char == PDF and still_open:
                still_open.pop()
        out.append(reopened + PDF * len(still_open))
    return out


def line_width(line: str, size: float, bold: bool = False, rtl: bool = False) -> float:
    return sum(run.width for run in runs(visual(line, rtl), size, bold))


def draw_line(
    canvas: Canvas,
    line: str,
    left: float,
    baseline: float,
    width: float,
    size: float,
    *,
    bold: bool = False,
    rtl: bool = False,
    align: Align = "start",
) -> float:
    """Draw one logical line inside [left, left + width]; returns the drawn width.
    "start" is the left edge for left-to-right text and the right edge for Arabic."""
    line_runs = runs(visual(line, rtl), size, bold)
    total = sum(run.width for run in line_runs)
    if align == "center":
        x = left + (width - total) / 2
    elif (align == "start") == rtl:
        x = left + width - total
    else:
        x = left
    for run in line_runs:
        canvas.setFont(run.font, run.size)
        canvas.drawString(x, baseline, run.text)
        x += run.width
    return total
