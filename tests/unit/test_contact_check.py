"""The sender's contact details a printed letter or form must show (domain/contact_check.py)."""

from __future__ import annotations

from outreach_desktop.domain.contact_check import contact_warning, missing_contact
from outreach_desktop.domain.documents import Letterhead, PersonRef

FULL = Letterhead("Jobcenter Lüchow", "M&I", "Am Markt 1", "29439 Lüchow", "05841 1234", "")


def test_complete_sender_misses_nothing() -> None:
    assert missing_contact(FULL, PersonRef("Frau Berg")) == ()
    assert contact_warning(()) == ""


def test_each_gap_is_named_with_where_to_set_it() -> None:
    empty = Letterhead("", "", "", "29439 Lüchow", "", "")
    missing = missing_contact(empty, PersonRef("Frau Berg"))
    assert [m.code for m in missing] == ["agency_name", "address", "phone"]
    for m in missing:
        assert "Einstellungen › Briefkopf" in m.message
    text = contact_warning(missing)
    assert "Telefonnummer für Rückfragen fehlt" in text and "Anschrift der Dienststelle" in text


def test_the_caseworkers_own_phone_is_a_way_to_answer() -> None:
    no_phone = Letterhead("Jobcenter", "", "Am Markt 1", "29439 Lüchow", "", "")
    assert [m.code for m in missing_contact(no_phone, None)] == ["phone"]
    assert missing_contact(no_phone, PersonRef("Frau Berg", phone="0151 222")) == ()
    assert [m.code for m in missing_contact(no_phone, PersonRef("Frau Berg", phone=" "))] == [
        "phone"
    ]
