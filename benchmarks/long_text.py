"""Rendering long protocol texts: seconds for 10,000 and 50,000 characters (one paragraph of
words, and one single word), and the ratio, which stays near 5 when the time is linear in the
text (reportlab's Paragraph alone gave 19 for the paragraph and 30 for the word)."""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable

from outreach_desktop.documents import bidi_text, render_protocol
from outreach_desktop.domain.documents import Letterhead, ProtocolDocument

SIZES = (10_000, 50_000)
WORDS = ("Spaziergang", "an", "der", "Elbe;", "Gespräch", "über", "den", "Führerschein,",
         "Bewerbungen", "und", "Kita-Platz.")  # fmt: skip


def _paragraph(n: int) -> str:
    rng = random.Random(1)
    return " ".join(rng.choice(WORDS) for _ in range(n // 5))[:n]


def _word(n: int) -> str:
    rng = random.Random(2)
    return "".join(rng.choice(string.ascii_letters + "äöüß") for _ in range(n))


def _render(text: str) -> float:
    doc = ProtocolDocument(
        Letterhead("Jobcenter", "", "", "", "", ""), "Gedächtnisprotokoll", "Entwurf",
        (("Kundin", "Jürgen Größer"),), (("Gesprächsverlauf", text),),
    )  # fmt: skip
    bidi_text.measure.cache_clear()  # each render measures its words afresh
    start = time.perf_counter()
    render_protocol(doc)
    return time.perf_counter() - start


def long_text_figure() -> str:
    """Lines: render time for each kind of text at each size, and the ratio large/small."""
    _render("warm up: fonts and caches")
    lines = ["protocol PDF of long texts (best of 3 renders):"]
    kinds: tuple[tuple[str, Callable[[int], str]], ...] = (
        ("one paragraph", _paragraph),
        ("one word", _word),
    )
    for name, make in kinds:
        small, large = (min(_render(make(n)) for _ in range(3)) for n in SIZES)
        lines.append(
            f"  {name:<14} {SIZES[0]:>6} chars {small:6.2f} s   {SIZES[1]:>6} chars "
            f"{large:6.2f} s   ratio {large / small:4.1f} (linear: {SIZES[1] / SIZES[0]:.0f})"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(long_text_figure())
