"""AppointmentService: views with names, today's and upcoming appointments."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session

DAY = date(2025, 3, 14)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


@pytest.fixture
def filled(session: Session) -> Session:
    owner = session.owner()
    assert owner is not None
    birgit = session.staff.save(Staff(name="Birgit Sommer"))
    anna = session.clients.save(Client(display_name="Anna Müller"))
    school = session.third_parties.save(ThirdParty(name="Oberschule am Wall"))
    save = session.appointments.save
    save(
        Appointment.plan(
            Approach.ACCOMPANIMENT,
            at(DAY, 11),
            client_id=anna.id,
            third_party_id=school.id,
            place="Schulhof",
            staff_ids=[birgit.id, owner.id],
        )
    )
    save(
        Appointment.plan(Approach.WALK_AND_TALK, at(DAY, 8, 30), place="Park", staff_ids=[owner.id])
    )
    save(
        Appointment.plan(
            Approach.HOME_VISIT, at(DAY, 23, 59), client_id=anna.id, staff_ids=[owner.id]
        )
    )
    save(
        Appointment.plan(
            Approach.HOME_VISIT, at(date(2025, 3, 15), 0), client_id=anna.id, staff_ids=[owner.id]
        )
    )
    save(
        Appointment.plan(
            Approach.HOME_VISIT,
            at(date(2025, 3, 13), 23, 59),
            client_id=anna.id,
            staff_ids=[owner.id],
        )
    )
    save(
        Appointment.plan(
            Approach.HOME_VISIT, at(date(2025, 3, 28), 9), client_id=anna.id, staff_ids=[owner.id]
        )
    )
    return session


def test_on_day_carries_names(filled: Session) -> None:
    views = filled.appointments.on_day(DAY)
    assert [v.appointment.start for v in views] == [at(DAY, 8, 30), at(DAY, 11), at(DAY, 23, 59)]
    anonymous, escort, visit = views
    assert anonymous.client_name == "" and anonymous.third_party_name == ""
    assert anonymous.staff_names == ["Alex Beispiel"]
    assert escort.client_name == "Anna Müller"
    assert escort.third_party_name == "Oberschule am Wall"
    assert escort.staff_names == ["Birgit Sommer", "Alex Beispiel"]  # in planned order
    assert visit.third_party_name == ""


def test_on_day_without_appointments(filled: Session) -> None:
    assert filled.appointments.on_day(date(2025, 3, 16)) == []


def test_upcoming(filled: Session) -> None:
    starts = [v.appointment.start for v in filled.appointments.upcoming(at(DAY, 9), days=1)]
    assert starts == [at(DAY, 11), at(DAY, 23, 59), at(date(2025, 3, 15), 0)]
    two_weeks = filled.appointments.upcoming(at(DAY, 9))
    assert at(date(2025, 3, 28), 9) not in [v.appointment.start for v in two_weeks]
    assert len(filled.appointments.upcoming(at(DAY, 9), days=15)) == 4


def test_search_views(filled: Session) -> None:
    views = filled.appointments.search_views("schule")
    assert [v.third_party_name for v in views] == ["Oberschule am Wall"]


def test_views_of_renamed_client_use_current_name(filled: Session) -> None:
    (client,) = filled.clients.all()
    client.display_name = "Anna Schulz"
    filled.clients.save(client)
    assert {v.client_name for v in filled.appointments.on_day(DAY)} == {"", "Anna Schulz"}


def test_where_shows_the_home_address_for_home_visits(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(
        Client(display_name="Ute Voß", address="Lindenweg 4\n29439 Lüchow")
    )
    save = session.appointments.save
    save(
        Appointment.plan(Approach.HOME_VISIT, at(DAY, 9), client_id=client.id, staff_ids=[owner.id])
    )
    save(
        Appointment.plan(
            Approach.WALK_AND_TALK,
            at(DAY, 10),
            client_id=client.id,
            place="Park",
            staff_ids=[owner.id],
        )
    )
    views = session.appointments.on_day(DAY)
    assert [v.where for v in views] == ["Lindenweg 4, 29439 Lüchow", "Park"]


def test_save_stamps_with_the_given_time(session: Session) -> None:
    """Without `now` the clock stamps the record; the demo data gives its own day."""
    owner = session.owner()
    assert owner is not None
    stamp = datetime(2025, 3, 14, 6, 0, tzinfo=UTC)
    a = Appointment.plan(Approach.WALK_AND_TALK, at(DAY, 9), place="Park", staff_ids=[owner.id])
    saved = session.appointments.save(a, now=stamp)
    assert saved.created_at == saved.updated_at == stamp
    assert session.appointments.get(a.id).created_at == stamp
