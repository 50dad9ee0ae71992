"""A value with bidi or control characters can never reorder the text around it: it prints as
the same value without them, in the German half and in the Arabic half alike."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from documents.samples import Rendered
from outreach_desktop.documents import render
from outreach_desktop.domain.documents import DocumentData, DocumentKind, PersonRef

Make = Callable[..., DocumentData]
ADDRESS = "Am Mühlenweg 3\n29439 Lüchow"
HOSTILE = [
    ("Jürgen \u202eFDP.exe", "Jürgen FDP.exe"),  # right-to-left override
    ("Ali \u202bعلي", "Ali علي"),  # right-to-left embedding never closed
    ("علي \u202aMüller", "علي Müller"),  # left-to-right embedding never closed
    ("Mia\u2067 Roth\x1b[31m\x00", "Mia Roth[31m"),  # isolate never closed, ESC, NUL
    ("Zoë \u2069\u202c\u2069Kern", "Zoë Kern"),  # closers without openers
]


def text_of(make: Make, name: str, place: str = "Am Markt 1") -> str:
    client = PersonRef(name, ADDRESS, "0170 1234567")
    data = make(DocumentKind.HOME_VISIT_CONSENT, "ar", client=client, place=place)
    return Rendered(render(data)).poppler_text()


@pytest.mark.parametrize(("hostile", "clean"), HOSTILE, ids=[c for _h, c in HOSTILE])
def test_a_hostile_name_prints_as_its_clean_self(make: Make, hostile: str, clean: str) -> None:
    text = text_of(make, hostile)
    # the German half keeps the value (its words; an Arabic one reads right to left)
    found = re.search(r"Ich, (.+?), bin damit einverstanden", text)
    assert found is not None and sorted(found.group(1).split()) == sorted(clean.split())
    assert text == text_of(make, clean)  # and nothing else moved, in either half


def test_a_hostile_place_in_a_letter(make: Make, read: Callable[[bytes], Rendered]) -> None:
    def letter(place: str) -> str:
        data = make(DocumentKind.ANNOUNCEMENT_LETTER, "ar", place=place)
        return read(render(data)).poppler_text()

    assert letter("Kirchplatz \u202e1 am Brunnen\u2066") == letter("Kirchplatz 1 am Brunnen")
