"""Letters after DIN 5008 form B: the recipient sits in the window of the envelope, the date in
the information block at the right, the subject in bold below; translations follow on a page
of their own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from documents.samples import LANGUAGES, Placed, Rendered, client_for, placed_text
from outreach_desktop.documents import render
from outreach_desktop.documents.layout import Din5008
from outreach_desktop.domain.documents import DocumentKind as K
from outreach_desktop.domain.documents import PersonRef

LETTERS = [k for k in K if k.is_letter]
CASES = [pytest.param(k, lang, id=f"{k.value}-{lang}") for k in LETTERS for lang in LANGUAGES]
RenderFn = Callable[[K, str], Rendered]

# The window of a DL envelope for form B, in mm from the left and the top edge.
WINDOW_LEFT, WINDOW_TOP, WINDOW_WIDTH, WINDOW_HEIGHT = 20, 45, 85, 45


def find(pieces: list[Placed], text: str) -> Placed:
    matches = [p for p in pieces if text in p.text]
    assert matches, f"{text!r} not drawn; drawn: {[p.text for p in pieces]}"
    return matches[0]


def in_window(piece: Placed) -> bool:
    return (
        WINDOW_LEFT <= piece.x_mm <= WINDOW_LEFT + WINDOW_WIDTH
        and WINDOW_TOP <= piece.top_mm <= WINDOW_TOP + WINDOW_HEIGHT
    )


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_recipient_address_sits_in_the_window(rendered: RenderFn, kind: K, lang: str) -> None:
    pieces = placed_text(rendered(kind, lang).pdf, page=0)
    client = client_for(lang)
    name = find(pieces, client.name)
    assert in_window(name), name
    # the recipient zone: below the 17.7 mm for the return address, text 5 mm inside the field
    assert name.top_mm > WINDOW_TOP + 17.7
    assert name.x_mm == pytest.approx(WINDOW_LEFT + 5, abs=0.1)
    for line in client.address.splitlines():
        assert in_window(find(pieces, line))
    sender = find(pieces, "Königsberger Straße 10")
    assert in_window(sender) and sender.top_mm < WINDOW_TOP + 17.7 and sender.size >= 6


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_date_and_contact_in_the_information_block(rendered: RenderFn, kind: K, lang: str) -> None:
    pieces = placed_text(rendered(kind, lang).pdf, page=0)
    date = find(pieces, "20.11.2026")
    assert date.x_mm >= 125 and 50 <= date.top_mm <= 100
    assert find(pieces, "Datum").x_mm == pytest.approx(125, abs=0.1)
    assert find(pieces, "anna.schaefer@example.org").x_mm + 40 <= 200  # inside the page's block


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_subject_is_bold_below_the_address_field(rendered: RenderFn, kind: K, lang: str) -> None:
    pieces = placed_text(rendered(kind, lang).pdf, page=0)
    subject = next(p for p in pieces if p.top_mm > 90 and p.x_mm < 30)
    assert subject.font == "DejaVuSans-Bold"
    assert Din5008.SUBJECT_TOP / (72 / 25.4) <= subject.top_mm <= 106
    assert "15.12.2026" in subject.text


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_translation_follows_on_its_own_page(rendered: RenderFn, lang: str) -> None:
    doc = rendered(K.ANNOUNCEMENT_LETTER, lang)
    first, second = (doc.reader.pages[i].extract_text() for i in (0, 1))
    assert "Übersetzung" not in first
    assert "Übersetzung (" in second and "Maßgeblich ist der deutsche Text." in second
    street = client_for(lang).address.splitlines()[0]
    assert street in first and street not in second  # no second address field


def test_letters_name_the_essentials(rendered: RenderFn) -> None:
    announcement = rendered(K.ANNOUNCEMENT_LETTER, "de").poppler_text()
    for phrase in (
        "am Dienstag, 15.12.2026, um 10:00 Uhr zu Hause besuchen",
        "Anna Schäfer und Ömer Yıldız",
        "keine Kontrolle",
        "freiwillig",
        "an der Tür um Ihr schriftliches Einverständnis",
        "der Besuch endet dort",
        "sagen Sie bitte ab",
        "Anna Schäfer, 05841 123-456",  # whom to call (falls back to the caseworker)
        "Datenschutz",
    ):
        assert phrase in announcement, phrase
    reminder = rendered(K.REMINDER_LETTER, "de").poppler_text()
    for phrase in ("Anna Schäfer und Ömer Yıldız", "keine Kontrolle", "sagen Sie bitte ab"):
        assert phrase in reminder, phrase
    confirmation = rendered(K.CONFIRMATION_LETTER, "de").poppler_text()
    assert "Treffpunkt" not in confirmation  # a home visit meets at the home
    for phrase in (
        "Erkennungszeichen vereinbart: rote Mütze",
        "Ausweis mit",
        "erreichen Sie Anna Schäfer unter Telefon 05841 123-456",
    ):
        assert phrase in confirmation, phrase


def test_confirmation_follows_the_approach_and_the_recognition_sign(
    make: Callable[..., object], read: Callable[[bytes], Rendered]
) -> None:
    from outreach_desktop.domain.vocabulary import Approach

    def text(**changes: object) -> str:
        return read(render(make(K.CONFIRMATION_LETTER, "en", **changes))).poppler_text()

    walk = text(approach=Approach.WALK_AND_TALK, recognition_sign="")
    assert "bei einem gemeinsamen Spaziergang" in walk
    assert "while taking a walk together" in walk
    assert "Erkennungszeichen" not in walk and "Recognition sign" not in walk
    assert "zu Ihnen nach Hause" not in walk and "We will come to your home" not in walk
    accompany = text(approach=Approach.ACCOMPANIMENT, third_party=PersonRef("Fachklinik Nord"))
    assert "zu Ihrem Termin bei Fachklinik Nord" in accompany
    assert "to your appointment with Fachklinik Nord" in accompany
    assert "Erkennungszeichen vereinbart: rote Mütze" in accompany
    assert "Ausweis mit" in accompany and "Treffpunkt" in accompany
    assert "Ausweis mit" not in walk  # no recognition sign: they have met, no ID asked


def test_home_visit_confirmation_has_no_other_meeting_point(
    make: Callable[..., object], read: Callable[[bytes], Rendered]
) -> None:
    from outreach_desktop.domain.vocabulary import Approach

    home = " ".join(read(render(make(
        K.CONFIRMATION_LETTER, "de", approach=Approach.HOME_VISIT, recognition_sign="",
    ))).poppler_text().split())  # fmt: skip
    assert "zu Ihnen nach Hause" in home
    assert "Treffpunkt" not in home
    assert "Ausweis mit" not in home


def test_arabic_letter_keeps_phone_numbers_left_to_right(rendered: RenderFn) -> None:
    pieces = placed_text(rendered(K.CONFIRMATION_LETTER, "ar").pdf, page=1)
    drawn = " ".join(p.text for p in pieces)
    assert "05841 123-456" in drawn  # not "123-456 05841"
    assert "123-456 05841" not in drawn


def test_only_an_outdoor_confirmation_warns_that_others_may_overhear(
    make: Callable[..., object], read: Callable[[bytes], Rendered]
) -> None:
    from outreach_desktop.domain.vocabulary import Approach

    def text(approach: Approach) -> str:
        pdf = render(make(K.CONFIRMATION_LETTER, "en", approach=approach))
        return " ".join(read(pdf).poppler_text().split())

    home, walk = text(Approach.HOME_VISIT), text(Approach.WALK_AND_TALK)
    assert "Draußen können andere Menschen mithören" not in home
    assert "Outdoors, other people may overhear" not in home
    assert "durch das Sozialgeheimnis geschützt" in home  # the data-protection note stays
    assert "Draußen können andere Menschen mithören" in walk
