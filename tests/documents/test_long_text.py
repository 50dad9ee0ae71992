"""Long texts render completely and in time linear in their length: a protocol of 50,000
characters in one paragraph, a word of 50,000 characters, and bidi_text's wrapping of both."""

from __future__ import annotations

import random
import re
import string
import time
from collections.abc import Callable

import pytest

from documents.samples import LETTERHEAD, Rendered, pdftotext
from outreach_desktop.documents import bidi_text, render_protocol
from outreach_desktop.domain.documents import ProtocolDocument

WORDS = ("Spaziergang", "an", "der", "Elbe;", "Gespräch", "über", "den", "Führerschein,",
         "Bewerbungen", "und", "Kita-Platz.", "Größe", "„Zuhören“", "1234")  # fmt: skip
FOOTER = r"Gedächtnisprotokoll·Ref\.p-1Seite\d+/"  # each page's, without spaces
LETTERS = string.ascii_letters + string.digits + "äöüßÄÖÜ"


def paragraph(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    words: list[str] = []
    length = 0
    while length < n:
        words.append(rng.choice(WORDS))
        length += len(words[-1]) + 1
    return " ".join(words)[:n].strip()


def word(n: int, seed: int = 2) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(LETTERS) for _ in range(n))


def protocol(text: str) -> ProtocolDocument:
    return ProtocolDocument(
        LETTERHEAD, "Gedächtnisprotokoll", "Entwurf", (("Kundin", "Jürgen Größer"),),
        (("Gesprächsverlauf", text),), reference="p-1",
    )  # fmt: skip


def no_space(text: str) -> str:
    return "".join(text.split())


def seconds(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("make", [paragraph, word], ids=["paragraph", "word"])
def test_50000_characters_render_and_read_back_complete(make: Callable[[int], str]) -> None:
    text = make(50_000)
    assert len(text) >= 49_990
    pdf = render_protocol(protocol(text))
    pages = Rendered(pdf).pages
    extracted = re.sub(FOOTER + str(pages), "", no_space(pdftotext(pdf)))
    assert no_space(text) in extracted  # every character, in order (lines break anywhere)


@pytest.mark.parametrize("make", [paragraph, word], ids=["paragraph", "word"])
def test_rendering_time_grows_linearly(make: Callable[[int], str]) -> None:
    render_protocol(protocol("warm up: fonts and caches"))
    small = seconds(lambda: render_protocol(protocol(make(10_000))))
    large = seconds(lambda: render_protocol(protocol(make(50_000))))
    # five times the text: about five times the time (quadratic would be 25)
    assert large / small < 12, f"10k: {small:.2f} s, 50k: {large:.2f} s"
    assert large < 10


def test_a_long_word_is_cut_into_pieces_that_fit_and_keep_every_character() -> None:
    text = word(20_000)
    lines = bidi_text.wrap(text, 300, 10)
    assert "".join(lines) == text
    assert all(bidi_text.measure(line, 10) <= 300 for line in lines)
    start = 0
    for line in lines[:-1]:  # each piece as long as fits: one character more would not
        start += len(line)
        assert bidi_text.measure(line + text[start], 10) > 300


def test_a_long_arabic_word_is_cut_into_pieces_that_fit_once_shaped() -> None:
    text = "".join(random.Random(3).choice("سلامعليكمبيت") for _ in range(3000))
    lines = bidi_text.wrap(text, 200, 10)
    assert "".join(lines) == text
    assert all(bidi_text.measure(line, 10) <= 200 for line in lines)


def test_wrapping_a_long_word_or_punctuation_run_is_linear() -> None:
    def cold_wrap(text: str) -> None:
        bidi_text.measure.cache_clear()  # no help from words measured before
        bidi_text.wrap(text, 470, 10)

    for text in (word(200_000), "-" * 200_000, word(200_000).replace("a", "ب")):
        small = seconds(lambda t=text: cold_wrap(t[:40_000]))
        large = seconds(lambda t=text: cold_wrap(t))
        # five times the text: about five times the time (quadratic would be 25)
        assert large / max(small, 0.02) < 12, f"40k: {small:.3f} s, 200k: {large:.3f} s"
