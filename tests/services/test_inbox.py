"""The office's Posteingang after the demo laptop's first export: what awaits entry, by
caseworker and client; which marks apply (domain/transfer.py); marking and rejecting, each once,
for the revision the inbox holds."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.transfer import MARK_LABELS, marks_that_apply
from outreach_desktop.services.inbox import InboxItem
from outreach_desktop.storage.protocol_repo import ProtocolRepository
from testkit.bundles import laptop_export, laptop_records
from testkit.internals import repository
from testkit.stations import IMPORTED, Stations

LATER = IMPORTED + timedelta(hours=2)
BY = "Birgit Sommer"


@pytest.fixture
def office(stations: Stations, tmp_path: Path) -> Stations:
    path = tmp_path / "OD-1.age"
    path.write_bytes(laptop_export(stations.laptop, stations.office))
    fingerprint = stations.laptop.identity.device_fingerprint()
    [result] = stations.office.inbox.import_files([path], IMPORTED, {fingerprint}, trusted_by=BY)
    assert result.status == "accepted"
    return stations


def all_items(st: Stations, *, everything: bool = False) -> list[InboxItem]:
    return [i for g in st.office.inbox.entries(everything=everything) for i in g.items]


def protocol_item(st: Stations, *, benefits: bool) -> InboxItem:
    return next(
        i for i in all_items(st) if i.kind == "protocols" and ("benefits" in i.applies) is benefits
    )


def test_what_awaits_entry_by_caseworker_and_client(office: Stations) -> None:
    groups = office.office.inbox.entries()
    records = laptop_records(office.laptop)
    names = {
        c["id"]: c["fields"]["display_name"]
        + (f" ({c['fields']['customer_number']})" if c["fields"]["customer_number"] else "")
        for c in records["clients"]
    }  # the customer number the office looks the client up by
    waiting = {(i.kind, i.id) for g in groups for i in g.items}
    unfinished = {"ended-at-door", "broken-off", "not-met", "postponed", "cancelled"}
    assert waiting == {("protocols", p["id"]) for p in records["protocols"]} | {
        ("consents", c["id"]) for c in records["consents"]
    } | {
        ("appointments", a["id"])
        for a in records["appointments"]
        if a["fields"]["status"] in unfinished  # a contact attempt for VerBIS
    }
    device = office.laptop.info().device_id
    for group in groups:
        assert group.device_id == device and group.caseworker == "Alex Beispiel"
        assert group.client == names[group.client_id or ""]
        assert all(i.waiting and not i.transferred and i.missing == i.applies for i in group.items)
    assert [g.client for g in groups] == sorted(g.client for g in groups)


def test_which_marks_apply(office: Stations) -> None:
    items = all_items(office, everything=True)
    for item in items:
        if item.kind == "protocols":
            assert "verbis" in item.applies or "benefits" in item.applies
        elif item.kind == "consents":
            assert item.applies == ("eakte",)
        elif item.kind == "appointments":
            assert item.applies in ((), ("verbis",))
        else:  # context and anonymous counselling: nothing to enter, übernommen on arrival
            assert item.applies == () and item.transferred and not item.waiting
    protocols = repository(office.laptop, ProtocolRepository).all()
    for protocol in protocols:
        assert office.office.inbox.item("protocols", protocol.id).applies == (
            marks_that_apply(protocol)
        )
    assert {"verbis", "eakte", "benefits"} == {m for i in items for m in i.applies}


def test_a_record_is_uebernommen_when_all_its_marks_are_set(office: Stations) -> None:
    inbox = office.office.inbox
    item = protocol_item(office, benefits=True)
    assert item.applies == ("verbis", "eakte", "benefits")
    assert inbox.mark(item.kind, item.id, "verbis", BY, IMPORTED) is True
    assert inbox.mark(item.kind, item.id, "verbis", "Jemand anders", LATER) is False
    assert inbox.item(item.kind, item.id).missing == ("eakte", "benefits")
    inbox.mark(item.kind, item.id, "eakte", BY, LATER)
    inbox.mark(item.kind, item.id, "benefits", BY, LATER)
    done = inbox.item(item.kind, item.id)
    assert done.transferred and not done.waiting
    assert done.marks["verbis"].by == BY and done.marks["verbis"].at == IMPORTED
    assert (item.kind, item.id) not in {(i.kind, i.id) for i in all_items(office)}
    assert (item.kind, item.id) in {(i.kind, i.id) for i in all_items(office, everything=True)}


def test_a_mark_that_does_not_apply_is_refused(office: Stations) -> None:
    item = protocol_item(office, benefits=False)
    with pytest.raises(DomainError, match=f"„{MARK_LABELS['eakte']}“ ist für diesen Eintrag"):
        office.office.inbox.mark(item.kind, item.id, "eakte", BY, IMPORTED)
    client = next(i for i in all_items(office, everything=True) if i.kind == "clients")
    with pytest.raises(DomainError, match=r"vorgesehen: keine"):
        office.office.inbox.mark(client.kind, client.id, "verbis", BY, IMPORTED)
    with pytest.raises(DomainError, match="wer markiert"):
        office.office.inbox.mark(item.kind, item.id, "verbis", "  ", IMPORTED)


def test_rejecting_needs_a_reason_and_ends_the_marking(office: Stations) -> None:
    inbox = office.office.inbox
    item = next(i for i in all_items(office) if i.kind == "consents")
    with pytest.raises(DomainError, match="Grund"):
        inbox.reject(item.kind, item.id, " ", BY, IMPORTED)
    assert inbox.reject(item.kind, item.id, "Formular unleserlich", BY, IMPORTED) is True
    assert inbox.reject(item.kind, item.id, "noch einmal", BY, LATER) is False
    rejected = inbox.item(item.kind, item.id)
    assert rejected.rejected_reason == "Formular unleserlich" and not rejected.waiting
    with pytest.raises(DomainError, match="abgelehnt"):
        inbox.mark(item.kind, item.id, "eakte", BY, LATER)


def test_a_record_uebernommen_is_not_rejected(office: Stations) -> None:
    inbox = office.office.inbox
    item = next(i for i in all_items(office) if i.kind == "consents")
    inbox.mark(item.kind, item.id, "eakte", BY, IMPORTED)
    with pytest.raises(DomainError, match="bereits übernommen"):
        inbox.reject(item.kind, item.id, "zu spät", BY, LATER)


def test_unknown_records_and_ids(office: Stations) -> None:
    with pytest.raises(DomainError, match="keinen Eintrag"):
        office.office.inbox.item("protocols", "0a0a0a0a-0000-4000-8000-000000000000")
    item = next(i for i in all_items(office) if i.kind == "protocols")
    assert office.office.inbox.items(item.id) == [item]
    assert office.office.inbox.items("nichts") == []
