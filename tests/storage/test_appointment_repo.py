"""Appointments: storage, participating staff in order, time ranges, search."""

from __future__ import annotations

from datetime import datetime

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.errors import StaleRecord
from testkit.internals import repository

DAY = datetime(2025, 3, 14, 0, 0)


@pytest.fixture
def people(session: Session) -> dict[str, str]:
    owner = session.owner()
    assert owner is not None
    return {
        "owner": owner.id,
        "birgit": session.staff.save(Staff(name="Birgit Sommer")).id,
        "cem": session.staff.save(Staff(name="Cem Aydın")).id,
        "client": session.clients.save(Client(display_name="Anna Müller")).id,
        "party": session.third_parties.save(ThirdParty(name="Bildungswerk Elbe")).id,
    }


def plan(people: dict[str, str], hour: int, **fields: object) -> Appointment:
    values: dict[str, object] = {
        "client_id": people["client"],
        "place": "Kirchplatz",
        "staff_ids": [people["owner"]],
    }
    values.update(fields)
    approach = values.pop("approach", Approach.WALK_AND_TALK)
    assert isinstance(approach, Approach)
    return Appointment.plan(approach, DAY.replace(hour=hour), **values)


def test_roundtrip_keeps_staff_order(session: Session, people: dict[str, str]) -> None:
    order = [people["cem"], people["owner"], people["birgit"]]
    appointment = plan(
        people,
        10,
        approach=Approach.ACCOMPANIMENT,
        third_party_id=people["party"],
        staff_ids=order,
        status=AppointmentStatus.DONE,
    )
    repository(session, AppointmentRepository).save(appointment)  # storage: any status round-trips
    stored = session.appointments.get(appointment.id)
    assert stored.staff_ids == order
    assert stored.approach is Approach.ACCOMPANIMENT
    assert stored.status is AppointmentStatus.DONE
    assert stored.start == DAY.replace(hour=10)
    assert stored.start.tzinfo is None
    assert (stored.planned_duration_min, stored.buffer_min) == (90, 30)
    assert stored.third_party_id == people["party"]


def test_update_replaces_staff_list(session: Session, people: dict[str, str]) -> None:
    appointment = session.appointments.save(
        plan(people, 9, staff_ids=[people["owner"], people["birgit"]])
    )
    copy = session.appointments.get(appointment.id)
    copy.staff_ids = [people["cem"], people["owner"]]
    copy.place = "Marktplatz"
    session.appointments.save(copy)
    stored = session.appointments.get(appointment.id)
    assert stored.staff_ids == [people["cem"], people["owner"]]
    assert (stored.place, stored.revision) == ("Marktplatz", 2)


def test_stale_appointment(session: Session, people: dict[str, str]) -> None:
    appointment = session.appointments.save(plan(people, 9))
    a, b = session.appointments.get(appointment.id), session.appointments.get(appointment.id)
    a.place = "A"
    session.appointments.save(a)
    b.staff_ids = [people["birgit"]]
    with pytest.raises(StaleRecord):
        session.appointments.save(b)
    assert session.appointments.get(appointment.id).staff_ids == [people["owner"]]


def test_invalid_appointment_not_saved(session: Session, people: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        session.appointments.save(plan(people, 9, approach=Approach.ACCOMPANIMENT))
    assert session.appointments.count() == 0


def test_anonymous_walk_and_talk(session: Session, people: dict[str, str]) -> None:
    appointment = session.appointments.save(plan(people, 8, client_id=None))
    assert session.appointments.get(appointment.id).is_anonymous


def test_delete_appointment_removes_staff_links(session: Session, people: dict[str, str]) -> None:
    appointment = session.appointments.save(plan(people, 9, staff_ids=[people["birgit"]]))
    session.appointments.delete(appointment.id)
    assert session.appointments.count() == 0
    session.staff.delete(people["birgit"])  # no longer in use
    session.clients.delete(people["client"])


def test_between_and_for_client(session: Session, people: dict[str, str]) -> None:
    repo = repository(session, AppointmentRepository)
    late = repo.save(plan(people, 15))
    early = repo.save(plan(people, 9))
    next_day = repo.save(
        Appointment.plan(
            Approach.WALK_AND_TALK,
            datetime(2025, 3, 15, 0, 0),
            place="x",
            staff_ids=[people["owner"]],
        )
    )
    assert [a.id for a in repo.between(DAY, datetime(2025, 3, 15))] == [early.id, late.id]
    assert [a.id for a in repo.between(DAY, datetime(2025, 3, 16))] == [
        early.id,
        late.id,
        next_day.id,
    ]
    assert [a.id for a in repo.for_client(people["client"])] == [early.id, late.id]


def test_search_by_client_third_party_and_place(session: Session, people: dict[str, str]) -> None:
    repo = repository(session, AppointmentRepository)
    walk = repo.save(plan(people, 9, place="Elbuferpromenade"))
    escort = repo.save(
        plan(
            people,
            11,
            approach=Approach.ACCOMPANIMENT,
            third_party_id=people["party"],
            place="Bahnhof",
        )
    )
    anonymous = repo.save(plan(people, 13, client_id=None, place="Stadtpark"))
    assert [a.id for a in repo.search("mull")] == [walk.id, escort.id]
    assert [a.id for a in repo.search("bildungswerk")] == [escort.id]
    assert [a.id for a in repo.search("muller bahnhof")] == [escort.id]
    assert [a.id for a in repo.search("begleitung")] == [escort.id]
    assert [a.id for a in repo.search("stadtpark")] == [anonymous.id]
    assert [a.id for a in repo.search("%")] == []
    assert len(repo.search("")) == 3
