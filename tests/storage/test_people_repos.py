"""Clients, staff and third parties: CRUD, revisions, deletion rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import Approach, Department, Language, ThirdPartyKind
from outreach_desktop.services.session import Session
from outreach_desktop.storage.errors import RecordInUse, RecordNotFound, StaleRecord
from testkit.internals import vault_of

# A constraint violation on insert is refused by SQLite and told to the user in German.
REFUSED = RecordInUse
T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
T1 = datetime(2025, 3, 2, 9, 30, tzinfo=UTC)


def test_client_roundtrip(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    client = Client(
        display_name="Olena Kovalenko",
        customer_number="123 a 456789",
        address="Lange Straße 3\n29439 Lüchow",
        phone="0170 1234567",
        preferred_language=Language.UKRAINIAN,
        reachability_notes="Vormittags",
        in_own_caseload=False,
        main_caseworker_id=owner.id,
    )
    session.clients.save(client, T0)
    assert client.revision == 1
    assert client.created_at == client.updated_at == T0
    assert client.origin_device == vault_of(session).device_id
    stored = session.clients.get(client.id)
    assert stored == client
    assert stored.customer_number == "123A456789"
    assert stored.preferred_language is Language.UKRAINIAN


def test_client_update_bumps_revision(session: Session) -> None:
    client = session.clients.save(Client(display_name="Anna"), T0)
    copy = session.clients.get(client.id)
    copy.phone = "05841 1"
    session.clients.save(copy, T1)
    stored = session.clients.get(client.id)
    assert (stored.revision, stored.phone) == (2, "05841 1")
    assert stored.created_at == T0 and stored.updated_at == T1


def test_stale_copy_is_refused(session: Session) -> None:
    client = session.clients.save(Client(display_name="Anna"))
    first, second = session.clients.get(client.id), session.clients.get(client.id)
    first.display_name = "Anna Erste"
    session.clients.save(first)
    second.display_name = "Anna Zweite"
    with pytest.raises(StaleRecord) as info:
        session.clients.save(second)
    assert "neu laden" in str(info.value)
    assert second.revision == 1  # the failed save did not advance the copy
    assert session.clients.get(client.id).display_name == "Anna Erste"


def test_update_of_deleted_record_is_stale(session: Session) -> None:
    client = session.clients.save(Client(display_name="Anna"))
    session.clients.delete(client.id)
    client.phone = "0170 1"
    with pytest.raises(StaleRecord):
        session.clients.save(client)
    assert session.clients.count() == 0


def test_invalid_record_is_not_saved(session: Session) -> None:
    client = Client(display_name="", customer_number="kaputt")
    with pytest.raises(ValidationError):
        session.clients.save(client)
    assert client.revision == 0
    assert session.clients.count() == 0


def test_get_missing_and_find(session: Session) -> None:
    with pytest.raises(RecordNotFound) as info:
        session.clients.get("no-such-id")
    assert "Kundin/der Kunde wurde nicht gefunden" in str(info.value)
    assert session.clients.find("no-such-id") is None
    with pytest.raises(RecordNotFound):
        session.clients.delete("no-such-id")


def test_delete_client(session: Session) -> None:
    keep = session.clients.save(Client(display_name="Bleibt"))
    gone = session.clients.save(Client(display_name="Geht"))
    session.clients.delete(gone.id)
    assert [c.id for c in session.clients.all()] == [keep.id]


def test_client_with_appointments_cannot_be_deleted(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(Client(display_name="Anna"))
    session.appointments.save(
        Appointment.plan(
            Approach.HOME_VISIT,
            datetime(2025, 3, 3, 10, 0),
            client_id=client.id,
            staff_ids=[owner.id],
        )
    )
    with pytest.raises(RecordInUse) as info:
        session.clients.delete(client.id)
    assert "1 Termin" in str(info.value)
    assert session.clients.find(client.id) is not None
    assert session.appointments.count() == 1


def test_staff_crud_and_owner(session: Session) -> None:
    owner = session.owner()
    assert owner is not None and owner.is_owner
    colleague = session.staff.save(
        Staff(name="Doris Brandt", department=Department.BENEFITS, is_team_leader=True)
    )
    stored = session.staff.get(colleague.id)
    assert stored.department is Department.BENEFITS and stored.is_team_leader
    assert not stored.is_owner
    assert {s.name for s in session.staff.all()} == {"Alex Beispiel", "Doris Brandt"}
    session.staff.delete(colleague.id)
    assert session.staff.count() == 1


def test_owner_cannot_be_deleted(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    with pytest.raises(RecordInUse) as info:
        session.staff.delete(owner.id)
    assert "Inhaber" in str(info.value)
    assert session.owner() is not None


def test_second_owner_is_refused(session: Session) -> None:
    second = Staff(name="Noch ein Owner", is_owner=True)
    with pytest.raises(REFUSED, match="Inhaber"):  # the unique index staff_single_owner decides
        session.staff.save(second)
    assert second.revision == 0
    assert session.staff.count() == 1


def test_staff_in_use_cannot_be_deleted(session: Session) -> None:
    colleague = session.staff.save(Staff(name="Birgit Sommer"))
    session.clients.save(
        Client(display_name="Anna", in_own_caseload=False, main_caseworker_id=colleague.id)
    )
    with pytest.raises(RecordInUse) as info:
        session.staff.delete(colleague.id)
    assert "Birgit Sommer" in str(info.value)
    assert session.staff.find(colleague.id) is not None


def test_third_party_crud_and_in_use(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    party = session.third_parties.save(
        ThirdParty(name="Oberschule am Wall", kind=ThirdPartyKind.SCHOOL, contact="05841 9")
    )
    stored = session.third_parties.get(party.id)
    assert stored.kind is ThirdPartyKind.SCHOOL and stored.contact == "05841 9"
    client = session.clients.save(Client(display_name="Anna"))
    session.appointments.save(
        Appointment.plan(
            Approach.ACCOMPANIMENT,
            datetime(2025, 3, 3, 10, 0),
            client_id=client.id,
            third_party_id=party.id,
            place="Schulhof",
            staff_ids=[owner.id],
        )
    )
    with pytest.raises(RecordInUse):
        session.third_parties.delete(party.id)
    assert session.third_parties.count() == 1
    unused = session.third_parties.save(ThirdParty(name="Familienzentrum"))
    session.third_parties.delete(unused.id)
    assert [t.id for t in session.third_parties.all()] == [party.id]


def test_unknown_caseworker_reference_is_refused(session: Session) -> None:
    client = Client(display_name="Anna", in_own_caseload=False, main_caseworker_id="nobody")
    with pytest.raises(REFUSED, match="verknüpfter Eintrag"):
        session.clients.save(client)
    assert session.clients.count() == 0
    assert client.revision == 0
