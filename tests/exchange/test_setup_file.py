"""The agency's setup file: written signed, read back exactly; anything altered, newer or
unknown is refused with one German sentence, never a traceback."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_desktop.domain.agency import AgencyLetterhead, AgencyRules, AgencySetup
from outreach_desktop.domain.home_visit import TimelineSettings
from outreach_desktop.exchange.errors import SetupRefused
from outreach_desktop.exchange.json_text import canonical_json
from outreach_desktop.exchange.keys import Identity, new_identity
from outreach_desktop.exchange.setup_file import read_setup, write_setup

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
AGENCY = new_identity()


def agency_setup(identity: Identity = AGENCY, **changes: object) -> AgencySetup:
    setup = AgencySetup(
        name="Jobcenter Lüchow-Dannenberg",
        age_recipient=identity.public.age_recipient,
        sign_public=identity.public.sign_public,
        fingerprint=identity.fingerprint,
        recovery_recipient=identity.public.age_recipient,
        letterhead=AgencyLetterhead(street="Königsberger Str. 10", postcode_city="29439 Lüchow"),
        rules=AgencyRules(TimelineSettings(min_failed_calls=3), retention_days=0),
    )
    return replace(setup, **changes)  # type: ignore[arg-type]


def document(data: bytes) -> dict:  # type: ignore[type-arg]
    return json.loads(data)


def test_written_and_read_back() -> None:
    written = write_setup(agency_setup(), AGENCY, NOW)
    read = read_setup(written.data)
    assert read.setup == agency_setup() and read.issued_at == NOW
    assert read.setup.rules.retention_days == 0 and read.setup.rules.timeline.min_failed_calls == 3


def test_only_the_agencys_own_keys_sign_its_file() -> None:
    with pytest.raises(ValueError):
        write_setup(agency_setup(), new_identity(), NOW)


def resigned(doc: dict, identity: Identity = AGENCY) -> bytes:  # type: ignore[type-arg]
    import base64

    doc["signature"] = base64.b64encode(identity.sign(canonical_json(doc["setup"]))).decode()
    return canonical_json(doc)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["setup"].update(name="Jobcenter Anderswo"),
        lambda d: d["setup"]["rules"].update(retention_days=365),
        lambda d: d["setup"].update(recovery_recipient=new_identity().public.age_recipient),
    ],
)
def test_an_altered_file_is_refused(change) -> None:  # type: ignore[no-untyped-def]
    doc = document(write_setup(agency_setup(), AGENCY, NOW).data)
    change(doc)
    with pytest.raises(SetupRefused, match="Signatur"):
        read_setup(canonical_json(doc))


def test_a_file_signed_by_someone_else_with_the_agencys_keys_is_refused() -> None:
    doc = document(write_setup(agency_setup(), AGENCY, NOW).data)
    with pytest.raises(SetupRefused, match="Signatur"):
        read_setup(resigned(doc, new_identity()))


def test_keys_that_do_not_match_the_fingerprint_are_refused() -> None:
    other = new_identity()
    doc = document(write_setup(agency_setup(), AGENCY, NOW).data)
    doc["setup"]["age_recipient"] = other.public.age_recipient  # fingerprint left as it was
    with pytest.raises(SetupRefused, match="Signatur"):
        read_setup(resigned(doc))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format_version=2), "neueres Format"),
        (lambda d: d.update(format="other"), "beschädigt"),
        (lambda d: d.update(extra=1), "beschädigt"),
        (lambda d: d["setup"].update(extra=1), "beschädigt"),
        (lambda d: d["setup"]["rules"].update(max_visits=2), "kennt diese Programmversion nicht"),
        (lambda d: d["setup"]["rules"].update(retention_days=-1), "Zwischen 0 und 365"),
        (lambda d: d["setup"].update(issued_at="gestern"), "beschädigt"),
        (lambda d: d.update(signature="AAAA"), "beschädigt"),
    ],
)
def test_a_file_this_version_cannot_trust_is_refused(change, message: str) -> None:  # type: ignore[no-untyped-def]
    doc = document(write_setup(agency_setup(), AGENCY, NOW).data)
    change(doc)
    data = resigned(doc) if "setup" in doc and doc.get("signature") != "AAAA" else None
    with pytest.raises(SetupRefused, match=message):
        read_setup(data or canonical_json(doc))


def test_truncated_or_not_json() -> None:
    data = write_setup(agency_setup(), AGENCY, NOW).data
    for broken in (data[:-1], data[: len(data) // 2], b"", b"\xff\xfe", b"[]", b"x" * 300_000):
        with pytest.raises(SetupRefused):
            read_setup(broken)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000) | st.from_regex(r"\{.*\}", fullmatch=True).map(str.encode))
def test_any_bytes_are_a_clean_refusal(data: bytes) -> None:
    with pytest.raises(SetupRefused):
        read_setup(data)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2000), st.integers(0, 7))
def test_any_flipped_bit_is_refused(position: int, bit: int) -> None:
    data = bytearray(write_setup(agency_setup(), AGENCY, NOW).data)
    position %= len(data)
    data[position] ^= 1 << bit
    try:
        read = read_setup(bytes(data))
    except SetupRefused:
        return
    # a flip that still reads must leave the signed content as it was (e.g. JSON whitespace)
    assert read.setup == agency_setup()
