"""The window of accepted dates (01.01.1900–31.12.2200): one domain rule, a field error."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent, ConsentKind
from outreach_desktop.domain.date_window import EARLIEST, LATEST, MESSAGE, in_window
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome
from outreach_desktop.domain.protocols import AnonymousCounselling, Protocol
from outreach_desktop.domain.vocabulary import Approach

FAR = [datetime(1, 1, 1), datetime(1899, 12, 31, 23, 59), datetime(2201, 1, 1),
       datetime(9999, 12, 31, 23, 30)]  # fmt: skip
NEAR = [datetime(1900, 1, 1), datetime(2026, 11, 25, 10), datetime(2200, 12, 31, 23, 30)]


def field_messages(record: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        record.validate()  # type: ignore[attr-defined]
    return {e.field: e.message for e in info.value.errors}


def test_window_edges() -> None:
    assert in_window(EARLIEST) and in_window(LATEST)
    assert all(in_window(d) for d in NEAR)
    assert not any(in_window(d) for d in FAR)
    assert "01.01.1900" in MESSAGE and "31.12.2200" in MESSAGE


@pytest.mark.parametrize("start", FAR)
def test_appointment_outside_window_is_a_field_error(start: datetime) -> None:
    a = Appointment.plan(Approach.WALK_AND_TALK, start, client_id="c", place="Markt",
                         staff_ids=["s"])  # fmt: skip
    assert field_messages(a) == {"start": MESSAGE}


@pytest.mark.parametrize("start", NEAR)
def test_appointment_inside_window_is_valid(start: datetime) -> None:
    a = Appointment.plan(Approach.HOME_VISIT, start, client_id="c", staff_ids=["s"])
    a.validate()
    assert a.blocked_until > a.start  # the arithmetic of the rules does not overflow


def test_other_records_check_their_dates() -> None:
    far = datetime(9999, 12, 31, 23, 30)
    protocol = Protocol(approach=Approach.WALK_AND_TALK, met_at=far, client_id="c",
                        staff_ids=["s"])  # fmt: skip
    assert field_messages(protocol) == {"met_at": MESSAGE}
    anonymous = AnonymousCounselling(day=date(1, 1, 1), approach=Approach.WALK_AND_TALK,
                                     duration_min=30, staff_ids=["s"])  # fmt: skip
    assert field_messages(anonymous) == {"day": MESSAGE}
    assert field_messages(CallAttempt(at=far, outcome=CallOutcome.REACHED)) == {"at": MESSAGE}
    release = Consent(client_id="c", kind=ConsentKind.CONFIDENTIALITY_RELEASE,
                      third_party_id="t", purpose="Schulanmeldung",
                      valid_until=date(9999, 12, 31))  # fmt: skip
    assert field_messages(release) == {"valid_until": MESSAGE}
