"""Validation of clients, staff and third parties: every error names its field in German."""

from __future__ import annotations

import pytest

from outreach_desktop.domain.errors import FieldError, UserError, ValidationError
from outreach_desktop.domain.people import Client, Staff, ThirdParty, normalize_customer_number


def errors_of(record: Client | Staff | ThirdParty) -> dict[str, FieldError]:
    with pytest.raises(ValidationError) as info:
        record.validate()
    assert isinstance(info.value, UserError)
    return {e.field: e for e in info.value.errors}


def test_valid_client_passes() -> None:
    Client(display_name="Anna Müller", phone="05841 123-45", address="Lange Straße 1").validate()


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_client_needs_a_name(name: str) -> None:
    errors = errors_of(Client(display_name=name))
    assert list(errors) == ["display_name"]
    assert errors["display_name"].label == "Name"
    assert errors["display_name"].message == "Bitte ausfüllen."


def test_client_name_length_limit() -> None:
    Client(display_name="x" * 200).validate()
    error = errors_of(Client(display_name="x" * 201))["display_name"]
    assert "200" in error.message


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("123A456789", "123A456789"),
        ("123a456789", "123A456789"),
        (" 123 a 456 789 ", "123A456789"),
        ("123\tA\u00a0456789", "123A456789"),
        ("", ""),
    ],
)
def test_customer_number_is_normalized(typed: str, stored: str) -> None:
    client = Client(display_name="Anna", customer_number=typed)
    client.validate()
    assert client.customer_number == stored
    assert normalize_customer_number(typed) == stored


@pytest.mark.parametrize(
    "number",
    [
        "123456789",  # letter missing
        "12A456789",  # two digits first
        "123A45678",  # five digits last
        "123A4567890",
        "123AB56789",
        "A23A456789",
        "123Ä456789",
        "١٢٣A٤٥٦٧٨٩",  # Arabic-Indic digits are digits, but not a Kundennummer
    ],
)
def test_customer_number_format_refused(number: str) -> None:
    client = Client(display_name="Anna", customer_number=number)
    error = errors_of(client)["customer_number"]
    assert error.label == "Kundennummer"
    assert "123A456789" in error.message
    assert client.customer_number == number  # an invalid record is not half-normalized


@pytest.mark.parametrize("phone", ["0170 1234567", "+49 (5841) 12/34-5", "05841.123"])
def test_phone_accepted(phone: str) -> None:
    Client(display_name="Anna", phone=phone).validate()


@pytest.mark.parametrize("phone", ["ruf an", "0170 123 4567 x", "12", "0170;1234"])
def test_phone_refused(phone: str) -> None:
    error = errors_of(Client(display_name="Anna", phone=phone))["phone"]
    assert error.label == "Telefon"
    assert error.message.startswith("Nur Ziffern")


def test_client_text_limits_name_their_fields() -> None:
    errors = errors_of(
        Client(display_name="Anna", address="a" * 501, reachability_notes="n" * 2001)
    )
    assert set(errors) == {"address", "reachability_notes"}
    assert errors["address"].label == "Anschrift"
    assert errors["reachability_notes"].label == "Erreichbarkeit"


def test_not_in_own_caseload_needs_main_caseworker() -> None:
    errors = errors_of(Client(display_name="Anna", in_own_caseload=False))
    assert list(errors) == ["main_caseworker_id"]
    assert errors["main_caseworker_id"].label == "Hauptbetreuung"
    assert "betreut" in errors["main_caseworker_id"].message
    Client(display_name="Anna", in_own_caseload=False, main_caseworker_id="s-1").validate()
    Client(display_name="Anna", in_own_caseload=True).validate()


def test_all_problems_are_reported_together() -> None:
    with pytest.raises(ValidationError) as info:
        Client(display_name="", customer_number="x", phone="?", in_own_caseload=False).validate()
    assert info.value.fields == ["display_name", "customer_number", "phone", "main_caseworker_id"]
    text = str(info.value)
    for label in ("Name:", "Kundennummer:", "Telefon:", "Hauptbetreuung:"):
        assert label in text


def test_staff_validation() -> None:
    Staff(name="Birgit Sommer", phone="05841 120-211").validate()
    errors = errors_of(Staff(name=" ", phone="abc"))
    assert set(errors) == {"name", "phone"}
    assert errors["name"].label == "Name"
    assert errors["phone"].label == "Telefon"


def test_third_party_validation() -> None:
    ThirdParty(name="Oberschule am Wall").validate()
    errors = errors_of(ThirdParty(name="", address="a" * 501, contact="c" * 501))
    assert set(errors) == {"name", "address", "contact"}
    assert errors["contact"].label == "Kontakt"
    assert "500" in errors["address"].message


def test_field_error_str_is_label_and_message() -> None:
    assert str(FieldError("place", "Ort", "Bitte angeben.")) == "Ort: Bitte angeben."
