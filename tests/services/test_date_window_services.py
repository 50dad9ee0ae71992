"""The services refuse days outside the window with a field error, never an OverflowError."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.date_window import MESSAGE
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session

FIRST, LAST = datetime(1, 1, 1), datetime(9999, 12, 31, 23, 30)


def refused(call: object, *args: object) -> list[str]:
    with pytest.raises(ValidationError) as info:
        call(*args)  # type: ignore[operator]
    assert all(e.message == MESSAGE for e in info.value.errors)
    return info.value.fields


def test_day_ranges_outside_the_window(session: Session) -> None:
    assert refused(session.appointments.between_views, FIRST, datetime(2026, 1, 1)) == ["from"]
    assert refused(session.appointments.between_views, datetime(2026, 1, 1), LAST) == ["to"]
    assert refused(session.appointments.on_day, LAST.date()) == ["day"]
    assert refused(session.workflow.letters_due, date(9999, 12, 31)) == ["date"]
    assert refused(session.workflow.letters_due, date(1, 1, 1)) == ["date"]
    end = datetime(2201, 1, 1)  # midnight after the last day: the whole of 31.12.2200
    assert session.appointments.between_views(datetime(2200, 12, 31), end) == []


def test_appointment_at_the_end_of_time_is_not_stored(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(Client(display_name="Heike Voß"))
    a = Appointment.plan(Approach.HOME_VISIT, LAST, client_id=client.id, staff_ids=[owner.id])
    assert refused(session.appointments.save, a) == ["start"]
    assert session.appointments.search_views() == []
    a.start = datetime(2200, 12, 31, 23, 30)
    session.appointments.save(a)
    assert refused(session.workflow.state, a.id, date(9999, 12, 31)) == ["today"]
    assert session.workflow.state(a.id, date(2200, 12, 1)).appointment.id == a.id
