"""Control and bidi formatting characters: removed from stored text by one domain rule."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.protocols import OtherPresent, Protocol
from outreach_desktop.domain.text_safety import BIDI_CONTROLS, clean_line, clean_text, is_hurtful
from outreach_desktop.domain.vocabulary import Approach

HOSTILE = "\x00\x1b[31m\x07\x1b]0;title\x07\x7f\x9b" + "".join(sorted(BIDI_CONTROLS))


def test_line_and_text() -> None:
    assert clean_line("Anna\x00 \u202eMüller\x1b[2J") == "Anna Müller[2J"
    assert clean_line("Am Markt\n1\tLinks") == "Am Markt 1 Links"
    assert clean_text("Zeile 1\r\nZeile 2\rZeile 3\n\tEingerückt\x0c\x00") == (
        "Zeile 1\nZeile 2\nZeile 3\n\tEingerückt"
    )
    # kept: right-to-left marks, joiners, Arabic, emoji
    kept = "علي\u200f \u200e Mehr\u200cdad 🙂"
    assert clean_line(kept) == kept and clean_text(kept) == kept


@given(st.text())
def test_nothing_hurtful_survives(text: str) -> None:
    for cleaned in (clean_line(text), clean_text(text)):
        assert not any(is_hurtful(c) and c not in "\n\t" for c in cleaned)
        assert not set(cleaned) & BIDI_CONTROLS
    assert "\n" not in clean_line(text) and "\t" not in clean_line(text)


def test_client_fields_are_cleaned_on_validate() -> None:
    client = Client(
        display_name=f"Anna{HOSTILE} Müller",
        phone="0170\x1b 123",
        address="Am Markt 1\r\n29439 Lüchow\x00",
        reachability_notes="ab\u202e 9 Uhr",
    )
    client.validate()
    assert client.display_name == "Anna[31m]0;title Müller"
    assert client.phone == "0170 123"
    assert client.address == "Am Markt 1\n29439 Lüchow"
    assert client.reachability_notes == "ab 9 Uhr"


def test_a_name_of_controls_only_is_empty() -> None:
    with pytest.raises(ValidationError) as info:
        Client(display_name="\x00\u202e\x1b").validate()
    assert info.value.fields == ["display_name"]


def test_nested_single_line_fields() -> None:
    p = Protocol(approach=Approach.HOME_VISIT, met_at=datetime(2026, 11, 25, 10), client_id="c",
                 staff_ids=["s"], place="Flur\u202e", course="Eins\nZwei\x1b",
                 others_present=[OtherPresent("Maria\nGrößer\u2066", "Ehe\x00frau")])  # fmt: skip
    p.validate()
    assert p.place == "Flur" and p.course == "Eins\nZwei"
    assert p.others_present == [OtherPresent("Maria Größer", "Ehefrau")]


def test_appointment_place() -> None:
    a = Appointment.plan(Approach.WALK_AND_TALK, datetime(2026, 11, 25, 10), client_id="c",
                         place="Markt\x1b]8;;http://x\x07platz", staff_ids=["s"])  # fmt: skip
    a.validate()
    assert a.place == "Markt]8;;http://xplatz"


def test_a_finalized_protocol_is_left_as_it_was() -> None:
    """Finalized text never changes, not even invisibly (addenda are cleaned by the service)."""
    day = datetime(2026, 11, 25, 10)
    p = Protocol(approach=Approach.HOME_VISIT, met_at=day, client_id="c", staff_ids=["s"],
                 course="Alt\u202e", finalized_at=day)  # fmt: skip
    p.validate()
    assert p.course == "Alt\u202e"


def test_texts_with_nothing_to_clean_are_returned_as_they_are() -> None:
    """The shortcut for texts without a character the rule changes (a regular expression in
    place of a look at every character) gives what the rule gives."""
    from outreach_desktop.domain import text_safety as ts

    def by_character(text: str, line: bool) -> str:
        if line:
            return "".join(" " if c in ts._LINE_BREAKS else c for c in text
                           if c in ts._LINE_BREAKS or not ts.is_hurtful(c))  # fmt: skip
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return "".join(c for c in text if c in ts._KEPT_IN_TEXT or not ts.is_hurtful(c))

    # every control and formatting character lies below U+3000; above, a sample
    for point in [*range(0x3000), *range(0x3000, 0x110000, 997)]:
        if 0xD800 <= point <= 0xDFFF:
            continue
        text = f"a{chr(point)}b"
        assert ts.clean_line(text) == by_character(text, True), hex(point)
        assert ts.clean_text(text) == by_character(text, False), hex(point)
