"""Every document kind in German and in each second language, rendered and read back with
poppler (pdftotext, pdffonts) and pypdf."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

from documents.samples import (
    CYRILLIC_NAME,
    GERMAN_NAME,
    KINDS,
    LANGUAGES,
    Rendered,
    client_for,
    poppler,
    sample,
)
from outreach_desktop.documents import form_version
from outreach_desktop.documents.bidi_text import plain
from outreach_desktop.documents.texts import common_text, fill, form_text
from outreach_desktop.documents.values import placeholder_values
from outreach_desktop.domain.documents import DocumentKind as K

RenderFn = Callable[[K, str], Rendered]
REVIEW_NOTE = "Übersetzung – von der Dienststelle zu prüfen / translation for review by the agency"

# A German phrase (with umlauts) each document must show.
GERMAN = {
    K.HOME_VISIT_CONSENT: "Einverständniserklärung zum Hausbesuch",
    K.CONFIDENTIALITY_RELEASE: "entbinde das Jobcenter und Schuldnerberatung Süd gegenseitig",
    K.PRESENCE_CONSENT: "Einverständnis zur Anwesenheit weiterer Personen",
    K.ACCOMPANIMENT_CONSENT: "Einverständnis zur Begleitung",
    K.HANDOVER_CONSENT: "Einverständnis zur Information der Hauptbetreuung",
    K.ANNOUNCEMENT_LETTER: "Ankündigung eines Hausbesuchs am Dienstag, 15.12.2026",
    K.REMINDER_LETTER: "Erinnerung: Hausbesuch am Dienstag, 15.12.2026, um 10:00 Uhr",
    K.CONFIRMATION_LETTER: "Bestätigung unseres Termins am Dienstag, 15.12.2026, um 10:00 Uhr",
}

# A sentence of each Arabic text, as a reader says it (logical order, ordinary letters).
ARABIC = {
    K.HOME_VISIT_CONSENT: "الزيارة المنزلية طوعية",
    K.CONFIDENTIALITY_RELEASE: "لا يجوز لمركز العمل التحدث عنك مع جهات أخرى دون موافقتك",
    K.PRESENCE_CONSENT: "هؤلاء الأشخاص يحضرون المحادثة",
    K.ACCOMPANIMENT_CONSENT: "لقد طلبت أن يرافقك مركز العمل إلى موعد لدى جهة أخرى",
    K.HANDOVER_CONSENT: "تبقى المعلومات داخل مركز العمل",
    K.ANNOUNCEMENT_LETTER: "حاولنا مؤخرا عدة مرات الاتصال بك هاتفيا",
    K.REMINDER_LETTER: "نود تذكيرك بزيارتنا التي أعلمناك بها كتابيا",
    K.CONFIRMATION_LETTER: "يرجى إحضار وثيقة هوية",
}

CASES = [
    pytest.param(kind, lang, id=f"{kind.value}-{lang}") for kind in KINDS for lang in LANGUAGES
]


def expected_pages(language: str) -> int:
    """German alone fits one page; with a translation, the form or letter takes two."""
    return 1 if language == "de" else 2


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_german_text_and_client_name_read_back(rendered: RenderFn, kind: K, lang: str) -> None:
    doc = rendered(kind, lang)
    for text in (doc.poppler_text(), doc.pypdf_text()):
        assert GERMAN[kind] in text
        assert "Sozialgeheimnis geschützt" in text
        assert client_for(lang).name in text
        assert "Jobcenter Lüchow-Dannenberg" in text


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_page_count(rendered: RenderFn, kind: K, lang: str) -> None:
    assert rendered(kind, lang).pages == expected_pages(lang)


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_footer_names_form_version_and_pages(rendered: RenderFn, kind: K, lang: str) -> None:
    doc = rendered(kind, lang)
    text = doc.poppler_text()
    version = form_version(kind, lang)
    reworded = (K.HANDOVER_CONSENT, K.CONFIRMATION_LETTER)  # §6; follows the approach
    v = "2026-11-2" if kind in reworded else "2026-11-1"
    assert version == (f"de:{v}" if lang == "de" else f"de:{v}+{lang}:{v}")
    assert text.count(version) == doc.pages  # on every page
    assert "Ref. c-0001" in text
    if not kind.is_letter:
        assert f"Seite {doc.pages}/{doc.pages}" in text


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_every_font_is_embedded_per_pypdf(rendered: RenderFn, kind: K, lang: str) -> None:
    names = set()
    for page in rendered(kind, lang).reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]  # TrueType program inside
            names.add(str(font["/BaseFont"]).split("+", 1)[1])
    expected = {"DejaVuSans", "DejaVuSans-Bold"}
    if lang == "ar":
        expected |= {"NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold"}
    assert names == expected


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_every_font_is_embedded_per_pdffonts(
    rendered: RenderFn, kind: K, lang: str, save_pdf: Callable[[bytes, str], object]
) -> None:
    path = save_pdf(rendered(kind, lang).pdf, "doc.pdf")
    out = subprocess.run(
        [poppler("pdffonts"), str(path)], capture_output=True, text=True, check=True
    ).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        # name type encoding emb sub uni object ID: the type may be two words ("Type 1")
        emb, sub, uni = row.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row


@pytest.mark.parametrize("kind", KINDS, ids=[k.value for k in KINDS])
def test_arabic_reads_back_in_logical_order(rendered: RenderFn, kind: K) -> None:
    doc = rendered(kind, "ar")
    sentence = ARABIC[kind]
    assert sentence in form_source_text(kind)  # the sentence really is from our file
    assert sentence in doc.poppler_text()
    assert sentence in doc.pypdf_text()
    assert "النص الألماني هو النص المعتمد" in doc.poppler_text()  # German is authoritative


@pytest.mark.parametrize(
    ("kind", "lang"),
    [pytest.param(k, lang, id=f"{k.value}-{lang}") for k in KINDS for lang in LANGUAGES[1:-1]],
)
def test_translation_is_printed(rendered: RenderFn, kind: K, lang: str) -> None:
    data = sample(kind, lang)
    common = common_text(lang)
    title = plain(fill(form_text(kind, lang).title, placeholder_values(data, common)))
    text = rendered(kind, lang).poppler_text()
    assert title in text
    assert common.authoritative in text
    assert "Maßgeblich ist der deutsche Text." in text
    assert REVIEW_NOTE not in text  # only on the agency's review copy (test_german_marks.py)


def test_german_only_documents_carry_no_translation_marks(rendered: RenderFn) -> None:
    for kind in KINDS:
        text = rendered(kind, "de").poppler_text()
        assert "Maßgeblich" not in text
        assert REVIEW_NOTE not in text


def test_cyrillic_client_name_in_german_and_translated_text(rendered: RenderFn) -> None:
    for lang in ("uk", "ru"):
        text = rendered(K.HOME_VISIT_CONSENT, lang).poppler_text()
        assert f"Ich, {CYRILLIC_NAME}, bin damit einverstanden" in text
        assert f"Я, {CYRILLIC_NAME}," in text
    assert GERMAN_NAME not in rendered(K.HOME_VISIT_CONSENT, "uk").poppler_text()


def form_source_text(kind: K) -> str:
    text = form_text(kind, "ar")
    return " ".join([text.title, *(s.heading + " " + s.text for s in text.sections)])
