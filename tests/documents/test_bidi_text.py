"""Arabic lines: shaped, wrapped in logical order, reordered per line, drawn in two fonts."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_desktop.documents import bidi_text, fonts
from outreach_desktop.documents.bidi_text import (
    NOBREAK,
    keep_together,
    ltr_unit,
    measure,
    runs,
    visual,
    wrap,
)

SENTENCE = "الزيارة المنزلية طوعية ويمكنك إنهاء الزيارة في أي وقت حتى في منتصف المحادثة"


def folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_wrap_keeps_logical_order_and_fits() -> None:
    lines = wrap(SENTENCE, 120, 10)
    assert len(lines) > 2
    assert " ".join(lines) == SENTENCE  # logical order, nothing lost
    assert all(measure(line, 10) <= 120 for line in lines)


def test_each_line_is_reordered_on_its_own() -> None:
    lines = wrap(SENTENCE, 120, 10)
    first = visual(lines[0], rtl=True)
    # drawn left to right, the line's first word is at the right end, shaped
    assert folded(first).endswith(lines[0].split()[0][::-1])
    # and the second line starts where the first ended, not with the paragraph's last word
    assert folded(visual(lines[1], rtl=True)).endswith(lines[1].split()[0][::-1])


def test_letters_are_joined() -> None:
    shaped = bidi_text.shape("مرحبا")
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in shaped)  # contextual presentation forms
    assert folded(shaped) == "مرحبا"


def test_latin_names_and_numbers_are_drawn_with_the_latin_font() -> None:
    line = visual("أنا، Jürgen Größer، بتاريخ 15.12.2026", rtl=True)
    by_font: dict[str, str] = {}
    for run in runs(line, 10):
        by_font[run.font] = by_font.get(run.font, "") + run.text
    assert "Jürgen Größer" in by_font[fonts.SANS]
    assert "15.12.2026" in by_font[fonts.SANS]
    assert not any(bidi_text.is_arabic(c) for c in by_font[fonts.SANS])
    assert all(bidi_text.is_arabic(c) or not c.isalnum() for c in by_font[fonts.ARABIC])
    arabic_run = next(r for r in runs(line, 10) if r.font == fonts.ARABIC)
    assert arabic_run.size == 10 * bidi_text.ARABIC_SCALE


def test_brackets_are_mirrored() -> None:
    assert "(Jobcenter)" in visual("مركز العمل (Jobcenter) في", rtl=True)


def test_phone_numbers_stay_left_to_right_in_arabic() -> None:
    assert "05841 123-456" not in visual("الهاتف 05841 123-456", rtl=True)  # bidi alone
    kept = visual(f"الهاتف {ltr_unit('05841 123-456')}.", rtl=True)
    assert "05841 123-456" in kept
    assert "\u202a" not in kept and "\u202c" not in kept


def test_embedding_cut_by_a_line_break_is_reopened() -> None:
    text = "الغرض " + ltr_unit("a long German phrase that wraps over lines") + " نهاية"
    lines = wrap(text, 80, 10)
    assert len(lines) > 2
    for line in lines:
        assert line.count("\u202a") == line.count("\u202c") > 0


def test_names_are_never_broken() -> None:
    name = keep_together("Jürgen Größer")
    lines = wrap(f"Guten Tag {name}, wir haben es mehrmals versucht.", 70, 10)
    assert any(name in line for line in lines)
    assert NOBREAK not in visual(lines[0], rtl=False)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["طوعية", "الزيارة", "Jürgen", "15.12.2026", "منزلك،", "Олена", "(SGB X)"]),
        min_size=1,
        max_size=30,
    ),
    st.integers(min_value=60, max_value=400),
)
def test_wrapping_never_loses_or_reorders_words(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap(text, width, 10)
    assert " ".join(lines) == text
    for line in lines:
        assert len(line.split()) == 1 or measure(line, 10) <= width
