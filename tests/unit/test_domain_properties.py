"""Property tests of the pure domain helpers and validation."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.passphrase import check_new_passphrase, normalize_passphrase
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.text import fold
from outreach_desktop.domain.vocabulary import Approach

texts = st.text(max_size=60)
long_texts = st.text(max_size=700)


@given(texts)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(texts)
def test_fold_has_no_combining_marks_and_ignores_case(text: str) -> None:
    folded = fold(text)
    assert not any(unicodedata.combining(c) for c in folded)
    assert fold(text.casefold()) == folded
    assert fold(text.upper()) == fold(text.upper().lower())


@given(texts)
def test_fold_ignores_normal_form(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(texts)
def test_normalize_passphrase_is_idempotent(text: str) -> None:
    once = normalize_passphrase(text)
    assert normalize_passphrase(once) == once
    assert normalize_passphrase(unicodedata.normalize("NFD", text)) == once


@given(texts, st.none() | texts)
def test_passphrase_check_only_raises_validation_error(text: str, repeated: str | None) -> None:
    try:
        value = check_new_passphrase(text, repeated)
    except ValidationError as exc:
        assert exc.errors
        assert all(e.field in ("passphrase", "passphrase_repeat") for e in exc.errors)
    else:
        assert value == normalize_passphrase(text)
        assert len(value) >= 12


@given(
    name=long_texts,
    number=texts,
    address=long_texts,
    phone=texts,
    notes=st.text(max_size=2100),
    own=st.booleans(),
    caseworker=st.none() | texts,
)
def test_client_validation_only_raises_validation_error(
    name: str, number: str, address: str, phone: str, notes: str, own: bool, caseworker: str | None
) -> None:
    client = Client(
        display_name=name,
        customer_number=number,
        address=address,
        phone=phone,
        reachability_notes=notes,
        in_own_caseload=own,
        main_caseworker_id=caseworker,
    )
    try:
        client.validate()
    except ValidationError as exc:
        assert exc.errors and all(e.label and e.message for e in exc.errors)
    else:
        assert client.display_name.strip()
        assert client.customer_number == "" or re.fullmatch(
            r"[0-9]{3}[A-Z][0-9]{6}", client.customer_number
        )


@given(name=long_texts, phone=texts, address=long_texts, contact=long_texts)
def test_staff_and_third_party_validation_only_raise_validation_error(
    name: str, phone: str, address: str, contact: str
) -> None:
    for record in (
        Staff(name=name, phone=phone),
        ThirdParty(name=name, address=address, contact=contact),
    ):
        try:
            record.validate()
        except ValidationError as exc:
            assert exc.errors


@given(
    approach=st.sampled_from(list(Approach)),
    place=st.text(max_size=400),
    client=st.none() | texts,
    party=st.none() | texts,
    staff=st.lists(st.text(max_size=5), max_size=4),
    duration=st.integers(-1000, 1000),
    buffer=st.integers(-1000, 1000),
)
def test_appointment_validation_only_raises_validation_error(
    approach: Approach,
    place: str,
    client: str | None,
    party: str | None,
    staff: list[str],
    duration: int,
    buffer: int,
) -> None:
    appointment = Appointment(
        approach=approach,
        start=datetime(2025, 1, 2, 9, 30),
        place=place,
        client_id=client,
        third_party_id=party,
        staff_ids=staff,
        planned_duration_min=duration,
        buffer_min=buffer,
    )
    try:
        appointment.validate()
    except ValidationError as exc:
        assert exc.errors
    else:
        assert staff and len(set(staff)) == len(staff)
        assert duration >= 5 and buffer >= 0
        assert client is not None or approach is Approach.WALK_AND_TALK
