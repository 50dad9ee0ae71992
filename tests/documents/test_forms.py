"""The consent forms: what they are pre-filled with, what is left to fill by hand, the
signature made on screen, and the notices every form must carry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from documents.samples import LANGUAGES, LETTERHEAD, Rendered
from outreach_desktop.documents import render
from outreach_desktop.documents.texts import BLANK
from outreach_desktop.domain.documents import DocumentData, PersonRef
from outreach_desktop.domain.documents import DocumentKind as K

FORMS = [k for k in K if not k.is_letter]
Make = Callable[..., DocumentData]
Read = Callable[[bytes], Rendered]
RenderFn = Callable[[K, str], Rendered]


def images_on(doc: Rendered) -> int:
    count = 0
    for page in doc.reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        count += sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")
    return count


@pytest.mark.parametrize("lang", ["de", "ar"])
@pytest.mark.parametrize("kind", FORMS, ids=[k.value for k in FORMS])
def test_signature_made_on_screen_is_embedded(
    make: Make, read: Read, signature: bytes, kind: K, lang: str
) -> None:
    unsigned = read(render(make(kind, lang)))
    signed = read(
        render(make(kind, lang, signature_png=signature, signed_at=datetime(2026, 12, 15, 10, 23)))
    )
    assert images_on(unsigned) == 0
    assert images_on(signed) == 1
    text = signed.poppler_text()
    assert "elektronisch auf dem Bildschirm unterschrieben am 15.12.2026 10:23" in text
    if lang == "ar":
        assert "تم التوقيع إلكترونيا على الشاشة بتاريخ" in text
    assert signed.pages == unsigned.pages


@pytest.mark.parametrize("kind", FORMS, ids=[k.value for k in FORMS])
def test_every_form_says_voluntary_revocable_and_data_protection(
    rendered: RenderFn, kind: K
) -> None:
    text = rendered(kind, "de").poppler_text()
    assert "freiwillig" in text
    assert "widerrufen" in text
    assert "Sozialdaten" in text and "§§ 67 ff. Zehntes Buch Sozialgesetzbuch" in text
    assert "Unterschrift Kundin / Kunde" in text and "Ort, Datum" in text
    assert "Jürgen Größer" in text and "123A456789" in text


def test_home_visit_form_is_prefilled(rendered: RenderFn) -> None:
    text = rendered(K.HOME_VISIT_CONSENT, "de").poppler_text()
    assert "Dienstag, 15.12.2026, 10:00–11:00 Uhr" in text
    assert "Am Mühlenweg 3, 29439 Lüchow" in text
    assert "Anna Schäfer, 05841 123-456" in text and "Ömer Yıldız" in text
    assert "keine Kontrolle Ihrer Wohnung" in text
    assert "Unterschrift Jobcenter" in text


def test_release_names_third_party_purpose_topics_and_end(rendered: RenderFn) -> None:
    text = rendered(K.CONFIDENTIALITY_RELEASE, "de").poppler_text()
    assert "Schuldnerberatung Süd Lange Straße 5, 29439 Lüchow, Telefon 05841 999" in text
    assert "Zweck Termin zur Schuldnerberatung abstimmen" in text
    assert "Themen Stand der Schuldnerberatung, nächste Termine" in text
    assert "Gültig bis 31.03.2027" in text
    assert "Diese Einwilligung gilt bis zum 31.03.2027" in text
    assert "jederzeit für die Zukunft widerrufen" in text
    assert "Unterschrift Jobcenter" not in text  # the client's declaration alone


def test_presence_form_lists_who_and_in_what_role(rendered: RenderFn, make: Make, read: Read):
    text = rendered(K.PRESENCE_CONSENT, "de").poppler_text()
    assert "Maria Größer Ehefrau" in text and "Lukas Größer Sohn" in text
    empty = read(render(make(K.PRESENCE_CONSENT, "de", others_present=())))
    assert "Name der anwesenden Person" in empty.poppler_text()
    assert empty.pages == 1


def test_accompaniment_scope_is_ticked(make: Make, read: Read) -> None:
    def text(**changes: object) -> str:
        return read(render(make(K.ACCOMPANIMENT_CONSENT, "de", **changes))).poppler_text()

    door = text(accompaniment_scope="to-door")
    assert "☒ Begleitung bis zur Tür (die Regel)" in door
    assert "☐ Teilnahme am Gespräch (eine Ausnahme)" in door
    talk = text(accompaniment_scope="in-conversation", exception_reason="Sie wünscht Beistand")
    assert "☐ Begleitung bis zur Tür" in talk
    assert "☒ Teilnahme am Gespräch" in talk
    assert "Grund für die Ausnahme: Sie wünscht Beistand" in talk
    open_choice = text(accompaniment_scope="")
    assert "☐ Begleitung bis zur Tür" in open_choice and "☐ Teilnahme am Gespräch" in open_choice
    assert f"Grund für die Ausnahme: {BLANK}" in open_choice


def test_handover_names_the_main_caseworker(rendered: RenderFn) -> None:
    text = rendered(K.HANDOVER_CONSENT, "de").poppler_text()
    assert "Hauptbetreuung Bernd Müller" in text
    assert "dass Anna Schäfer meine Hauptbetreuung (Bernd Müller)" in text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", list(K), ids=[k.value for k in K])
def test_missing_values_print_lines_to_fill_by_hand(read: Read, kind: K, lang: str) -> None:
    bare = DocumentData(kind=kind, language=lang, letterhead=LETTERHEAD, client=PersonRef("X Y"))
    doc = read(render(bare))
    assert BLANK in doc.poppler_text()
    assert 1 <= doc.pages <= 2


def test_long_lists_flow_onto_more_pages_with_numbering(make: Make, read: Read) -> None:
    many = tuple((f"Person {i} Größer", "Nachbarin") for i in range(40))
    doc = read(render(make(K.PRESENCE_CONSENT, "ar", others_present=many)))
    assert doc.pages >= 3
    text = doc.poppler_text()
    assert all(f"Seite {n}/{doc.pages}" in text for n in range(1, doc.pages + 1))
    assert "Person 39 Größer" in text


def test_rendering_writes_no_file(make: Make, isolated_home: Path, tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*"))
    pdf = render(make(K.HOME_VISIT_CONSENT, "ar"))
    assert pdf.startswith(b"%PDF-")
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("kind", [K.HOME_VISIT_CONSENT, K.ANNOUNCEMENT_LETTER])
def test_agency_logo_is_printed_in_the_letterhead(
    make: Make, read: Read, signature: bytes, kind: K
) -> None:
    head = replace(LETTERHEAD, logo_png=signature)  # any PNG will do
    doc = read(render(make(kind, "ar", letterhead=head)))
    assert images_on(doc) == 1
    assert "Jobcenter Lüchow-Dannenberg" in doc.poppler_text()


def test_unknown_language_is_refused(make: Make) -> None:
    with pytest.raises(ValueError, match="language"):
        make(K.HOME_VISIT_CONSENT, "fr")
    with pytest.raises(ValueError, match="scope"):
        make(K.ACCOMPANIMENT_CONSENT, "de", accompaniment_scope="inside")


# §6 of the instruction: collegial exchange with the main caseworker needs no consent; the
# client's wish or agreement is asked for the information that arranges an appointment.
HANDOVER_OLD_PROMISE = {
    "de": "geben wir die Inhalte des Gesprächs nicht weiter",
    "en": "we will not pass on what was said in the conversation",
    "uk": "ми не передаємо зміст розмови",
    "ru": "мы не передаём содержание беседы",
    "tr": "görüşmenin içeriğini iletmeyiz",
    "ar": "فلن ننقل ما قيل في المحادثة",
}
HANDOVER_EXCHANGE = {
    "de": "Ein kollegialer Austausch zwischen der beratenden Person und Ihrer Hauptbetreuung "
    "ist auch ohne Ihr Einverständnis möglich.",
    "en": "A collegial exchange between the person who counselled you and your main caseworker "
    "is possible even without your consent.",
    "uk": "Колегіальний обмін",
    "ru": "Коллегиальный обмен",
    "tr": "meslektaş olarak görüş alışverişi",
    "ar": "تبادل الرأي بين الزملاء",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handover_promises_no_more_than_the_instruction(rendered: RenderFn, lang: str) -> None:
    text = rendered(K.HANDOVER_CONSENT, lang).poppler_text()
    for shown in {"de", lang}:
        assert HANDOVER_OLD_PROMISE[shown] not in text
        assert HANDOVER_EXCHANGE[shown] in text
    assert "wir diese Information nicht weiter" in text


def test_presence_form_prints_persons_as_written_without_a_role(make: Make, read: Read) -> None:
    written = (("Schwester (Irina)", ""), ("Vater", ""), ("zwei Kinder", ""))
    text = read(render(make(K.PRESENCE_CONSENT, "de", others_present=written))).poppler_text()
    assert "Schwester (Irina)" in text and "Vater" in text and "zwei Kinder" in text
