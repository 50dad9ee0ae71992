"""How the office reads each record a laptop handed over: labelled German texts, the filled
fields only, for every kind the inbox lists (a protocol as its Übernahme view)."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_desktop.domain.errors import UserError
from outreach_desktop.services import protocol_views
from outreach_desktop.services.record_views import record_view
from testkit.bundles import laptop_export
from testkit.stations import IMPORTED, Stations


@pytest.fixture
def office(stations: Stations, tmp_path: Path) -> Stations:
    path = tmp_path / "OD-1.age"
    path.write_bytes(laptop_export(stations.laptop, stations.office))
    trust = {stations.laptop.identity.device_fingerprint()}
    [result] = stations.office.inbox.import_files([path], IMPORTED, trust, trusted_by="x")
    assert result.status == "accepted"
    return stations


def test_every_kind_reads_as_labelled_filled_fields(office: Stations) -> None:
    items = [i for g in office.office.inbox.entries(everything=True) for i in g.items]
    assert {i.kind for i in items} == {
        "clients", "staff", "third_parties", "appointments", "protocols", "consents",
        "anonymous_counselling",
    }  # fmt: skip
    for item in items:
        view = record_view(office.office, item.kind, item.id)
        assert view.title and view.rows, item.kind
        assert all(label and text.strip() for label, text in view.rows), item.kind


def test_a_consent_names_its_client_kind_and_state(office: Stations) -> None:
    consent = office.laptop.consents.all()[0]
    client = office.laptop.clients.get(consent.client_id)
    rows = dict(record_view(office.office, "consents", consent.id).rows)
    assert rows["Kundin/Kunde"].startswith(client.display_name)
    assert (rows["Art"], rows["Stand"]) == (consent.kind.label_de, consent.state.label_de)


def test_a_client_and_anonymous_counselling(office: Stations) -> None:
    client = office.laptop.clients.all()[0]
    rows = dict(record_view(office.office, "clients", client.id).rows)
    assert rows["Name"] == client.display_name
    anonymous = office.laptop.protocols.anonymous_counselling()[0]
    rows = dict(record_view(office.office, "anonymous_counselling", anonymous.id).rows)
    assert set(rows) == {"Tag", "Ansatz", "Dauer", "Mitarbeitende"}  # nothing else exists


def test_a_protocol_reads_as_its_handover_view(office: Stations) -> None:
    protocol = office.laptop.protocols.all()[0]
    view = record_view(office.office, "protocols", protocol.id)
    handover = protocol_views.view(office.office, protocol.id)
    assert view.title == handover.title and view.rows[: len(handover.rows())] == handover.rows()


def test_a_record_not_stored_is_a_clear_message(office: Stations) -> None:
    for kind in ("clients", "consents", "anonymous_counselling", "unknown"):
        with pytest.raises(UserError):
            record_view(office.office, kind, "00000000-0000-0000-0000-000000000000")
