"""The wording files in resources/forms/: complete, consistent between languages, versioned,
and printable with the fonts we ship."""

from __future__ import annotations

import pytest

from documents.samples import LANGUAGES
from outreach_desktop.documents import bidi_text, fonts, form_version
from outreach_desktop.documents.texts import (
    BLANK,
    PLACEHOLDERS,
    FormTextError,
    Section,
    common_text,
    fill,
    form_text,
    forms_dir,
    is_included,
    placeholders_in,
)
from outreach_desktop.domain.documents import DocumentKind as K

TRANSLATIONS = LANGUAGES[1:]
CASES = [pytest.param(k, lang, id=f"{k.value}-{lang}") for k in K for lang in TRANSLATIONS]


def all_strings(kind: K, lang: str) -> list[str]:
    text = form_text(kind, lang)
    out = [text.title, text.greeting, text.closing]
    for section in text.sections:
        out += [section.heading, section.text]
    return out


def test_a_file_for_every_kind_and_language() -> None:
    for kind in K:
        files = sorted(p.name for p in (forms_dir() / kind.value).glob("*.toml"))
        assert files == sorted(f"{lang}.toml" for lang in LANGUAGES), kind
    assert sorted(p.name for p in (forms_dir() / "common").glob("*.toml")) == sorted(
        f"{lang}.toml" for lang in LANGUAGES
    )


@pytest.mark.parametrize("kind", list(K), ids=[k.value for k in K])
def test_german_is_reviewed_translations_are_marked_for_review(kind: K) -> None:
    assert form_text(kind, "de").reviewed is True
    assert common_text("de").reviewed is True
    for lang in TRANSLATIONS:
        assert form_text(kind, lang).reviewed is False
        assert common_text(lang).reviewed is False
        assert form_text(kind, lang).version == form_text(kind, "de").version


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_translation_has_the_same_sections_and_placeholders(kind: K, lang: str) -> None:
    german, other = form_text(kind, "de"), form_text(kind, lang)
    assert [s.id for s in other.sections] == [s.id for s in german.sections]
    assert placeholders_in(other.title) == placeholders_in(german.title)
    assert placeholders_in(other.greeting) == placeholders_in(german.greeting)
    assert bool(other.closing) == bool(german.closing)
    for de_section, section in zip(german.sections, other.sections, strict=True):
        assert bool(section.heading) == bool(de_section.heading), section.id
        assert placeholders_in(section.text) == placeholders_in(de_section.text), section.id
        assert section.text.strip(), section.id


@pytest.mark.parametrize("kind", list(K), ids=[k.value for k in K])
def test_only_known_placeholders_and_conditions(kind: K) -> None:
    for lang in LANGUAGES:
        for text in all_strings(kind, lang):
            assert placeholders_in(text) <= PLACEHOLDERS, (lang, text)
    for section in form_text(kind, "de").sections:
        name = section.when.partition("=")[0].removesuffix("!")
        assert not name or name in PLACEHOLDERS | {"approach"}, section.when
        assert section.block in ("", "signature", "others-table")
        assert section.checkbox in ("", "to-door", "in-conversation")


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_common_texts_translate_every_label(lang: str) -> None:
    german, other = common_text("de"), common_text(lang)
    assert set(other.labels) == set(german.labels)
    assert all(other.labels.values())
    assert len(other.weekdays) == 7
    assert other.authoritative and other.authoritative != german.authoritative
    assert "{datetime}" in other.label("signed_on_screen")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_character_has_a_glyph_in_the_font_that_draws_it(lang: str) -> None:
    fonts.ensure_fonts()
    strings = [s for kind in K for s in all_strings(kind, lang)]
    common = common_text(lang)
    strings += [*common.labels.values(), *common.weekdays, common.authoritative]
    missing = set()
    for text in strings:
        for run in bidi_text.runs(bidi_text.shape(text), 10):
            missing |= {c for c in run.text if not fonts.has_glyph(run.font, c)}
    assert not missing


def test_form_version_joins_german_and_translation() -> None:
    assert form_version(K.HOME_VISIT_CONSENT, "de") == "de:2026-11-1"
    assert form_version("confidentiality-release", "ar") == "de:2026-11-1+ar:2026-11-1"
    with pytest.raises(FormTextError):
        form_version(K.HOME_VISIT_CONSENT, "fr")


def test_fill_prints_a_blank_line_for_a_missing_value() -> None:
    assert fill("Am {date} um {time} Uhr", {"date": "15.12.2026", "time": ""}) == (
        f"Am 15.12.2026 um {BLANK} Uhr"
    )
    with pytest.raises(FormTextError, match="placeholder"):
        fill("Hallo {nickname}", {})


def test_conditional_sections() -> None:
    values = {"recognition_sign": "rote Mütze", "approach": "walk-and-talk"}
    assert is_included(Section("a", "x"), values)
    assert is_included(Section("a", "x", when="recognition_sign"), values)
    assert not is_included(Section("a", "x", when="third_party"), values)
    assert is_included(Section("a", "x", when="approach=walk-and-talk"), values)
    assert not is_included(Section("a", "x", when="approach=home-visit"), values)


def test_arabic_texts_carry_no_vowel_marks() -> None:
    """Harakat cannot be placed over their letter without a shaping engine; the texts are
    written without them (the reshaper would drop them anyway)."""
    marks = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}
    for kind in K:
        assert not any(set(text) & marks for text in all_strings(kind, "ar")), kind
