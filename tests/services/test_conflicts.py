"""Conflicts decided by a person at the office, on real vaults with conflicts made by the import:
both versions side by side with what differs; keeping the stored version changes nothing but
the decision and its log line; taking the other version writes it as an update, where storage
allows it (never over a finalized protocol); each decision once, with who and when."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from outreach_desktop.domain.errors import DomainError
from outreach_desktop.exchange.records import to_record
from outreach_desktop.services.conflicts import ConflictView, FieldPair, side_by_side
from outreach_desktop.services.inbox import record_repositories
from outreach_desktop.storage.sync_log import SyncLog
from testkit.conflicts import (
    FOUND,
    NEW_ADDRESS,
    NEW_COURSE,
    NEW_TOPICS,
    consent_other_form,
    consent_topics,
    make_conflicts,
    protocol_rewritten,
)
from testkit.exchange import db_of
from testkit.internals import stored_tables
from testkit.stations import Stations

DECIDED = FOUND + timedelta(hours=2)
PERSON = "Birgit Sommer"


def stored(stations: Stations, kind: str, record_id: str) -> dict[str, object]:
    found = record_repositories(db_of(stations.office), "x")[kind].find(record_id)
    assert found is not None
    return to_record(kind, found)


def only(stations: Stations, kind: str) -> ConflictView:
    [view] = [c for c in stations.office.conflicts.conflicts() if c.kind == kind]
    return view


def test_an_open_conflict_shows_both_versions_and_what_differs(
    stations: Stations, tmp_path: Path
) -> None:
    sent = make_conflicts(stations, tmp_path)["clients"]
    view = only(stations, "clients")
    client = stations.laptop.clients.get(sent["id"])
    assert (view.kind, view.record_id, view.title) == ("clients", sent["id"], "Kundendaten")
    assert view.client.startswith(client.display_name)
    assert view.sender == stations.laptop.info().device_id
    assert view.caseworker == "Alex Beispiel" and view.found_at == FOUND
    assert view.stored_revision == view.other_revision == sent["revision"]
    assert view.changed_fields == ("address",) and view.differing == ("Anschrift",)
    rows = {p.label: p for p in view.rows}
    assert rows["Anschrift"] == FieldPair("Anschrift", client.address, NEW_ADDRESS)
    assert rows["Name"].stored == rows["Name"].other == client.display_name
    assert view.is_open and view.can_replace and view.refusal == ""
    assert stations.office.conflicts.count_open() == 1


def test_keeping_the_stored_version_changes_nothing_else(
    stations: Stations, tmp_path: Path
) -> None:
    sent = make_conflicts(stations, tmp_path)["clients"]
    view = only(stations, "clients")
    before = stored_tables(stations.office, but=("conflicts", "sync_log"))
    record = stored(stations, "clients", sent["id"])
    decision = stations.office.conflicts.resolve(view.id, "kept", PERSON, DECIDED)
    assert stored_tables(stations.office, but=("conflicts", "sync_log")) == before
    assert stored(stations, "clients", sent["id"]) == record
    assert decision.revision == record["revision"] and decision.earlier_marks == ()
    decided = decision.conflict
    assert (decided.resolution, decided.resolved_by, decided.resolved_at) == (
        "kept", PERSON, DECIDED,
    )  # fmt: skip
    assert stations.office.conflicts.conflicts() == []
    [kept] = stations.office.conflicts.conflicts(everything=True)
    assert kept.rows == view.rows and not kept.can_replace  # the other version stays on record
    [entry] = SyncLog(db_of(stations.office)).entries(1)
    assert (entry.action, entry.result, entry.counts) == ("import", "ok", {"clients": 1})
    assert entry.detail.startswith(
        f"Konflikt {view.id} entschieden: gespeicherte Fassung behalten (Kundinnen und Kunden "
        f"{sent['id']}; andere Fassung {sent['revision']} von Gerät {view.sender})"
    )
    assert PERSON not in entry.detail and NEW_ADDRESS not in entry.detail


def test_taking_the_other_version_writes_it_as_an_update(
    stations: Stations, tmp_path: Path
) -> None:
    sent = make_conflicts(stations, tmp_path)["clients"]
    view = only(stations, "clients")
    inbox = stations.office.inbox
    before = stored(stations, "clients", sent["id"])
    decision = stations.office.conflicts.resolve(view.id, "replaced", PERSON, DECIDED)
    after = stored(stations, "clients", sent["id"])
    assert after["fields"] == sent["fields"] and after["content_hash"] == sent["content_hash"]
    assert after["revision"] == before["revision"] + 1 == decision.revision  # only ever grows
    assert after["created_at"] == before["created_at"]
    assert after["origin_device"] == view.sender
    assert decision.earlier_marks == ()  # a client's data need no marks
    assert inbox.item("clients", sent["id"]).revision == sent["revision"]  # as the laptop sent
    client = stations.office.clients.get(sent["id"])
    assert client.address == NEW_ADDRESS
    assert decision.conflict.resolution == "replaced"
    [entry] = SyncLog(db_of(stations.office)).entries(1)
    assert "entschieden: neue Fassung übernommen" in entry.detail
    assert NEW_ADDRESS not in entry.detail and client.display_name not in entry.detail


def test_a_finalized_protocol_is_never_rewritten(stations: Stations, tmp_path: Path) -> None:
    sent = make_conflicts(stations, tmp_path, protocol_rewritten)["protocols"]
    view = only(stations, "protocols")
    assert view.title.startswith("Gedächtnisprotokoll ") and view.client
    assert not view.can_replace and "abgeschlossenes Gedächtnisprotokoll" in view.refusal
    assert "course" in view.changed_fields
    assert any(p.differs and p.other == NEW_COURSE for p in view.rows)
    before = stored_tables(stations.office)
    with pytest.raises(DomainError, match="nicht umgeschrieben"):
        stations.office.conflicts.resolve(view.id, "replaced", PERSON, DECIDED)
    assert stored_tables(stations.office) == before
    stations.office.conflicts.resolve(view.id, "kept", PERSON, DECIDED)
    assert stored(stations, "protocols", sent["id"])["fields"]["course"] != NEW_COURSE


def test_a_consent_takes_the_other_version_with_its_stored_form(
    stations: Stations, tmp_path: Path
) -> None:
    sent = make_conflicts(stations, tmp_path, consent_topics)["consents"]
    view = only(stations, "consents")
    assert view.can_replace and view.changed_fields == ("topics",)
    office = stations.office
    office.inbox.mark("consents", sent["id"], "eakte", PERSON, FOUND)
    form = office.consents.get(sent["id"]).signed_pdf
    decision = office.conflicts.resolve(view.id, "replaced", PERSON, DECIDED)
    assert decision.earlier_marks == ("eakte",)  # set for the version before
    consent = office.consents.get(sent["id"])
    assert consent.topics == NEW_TOPICS and consent.signed_pdf == form and form
    assert stored(stations, "consents", sent["id"])["content_hash"] == sent["content_hash"]


def test_a_consent_whose_form_the_office_lacks_is_kept(stations: Stations, tmp_path: Path) -> None:
    make_conflicts(stations, tmp_path, consent_other_form)
    view = only(stations, "consents")
    assert (
        not view.can_replace and "Formular dieser Fassung liegt im Büro nicht vor" in view.refusal
    )
    rows = {p.label: p for p in view.rows}
    assert rows["Unterschriebenes Formular"].stored == "liegt im Tresor vor"
    assert rows["Unterschriebenes Formular"].other == "ein anderes, das im Büro nicht vorliegt"
    before = stored_tables(stations.office)
    with pytest.raises(DomainError, match="nicht vor"):
        stations.office.conflicts.resolve(view.id, "replaced", PERSON, DECIDED)
    assert stored_tables(stations.office) == before


def test_a_conflict_is_decided_once(stations: Stations, tmp_path: Path) -> None:
    make_conflicts(stations, tmp_path)
    view = only(stations, "clients")
    conflicts = stations.office.conflicts
    conflicts.resolve(view.id, "kept", PERSON, DECIDED)
    before = stored_tables(stations.office)
    for how in ("kept", "replaced"):
        with pytest.raises(DomainError, match=r"bereits entschieden.*von Birgit Sommer am"):
            conflicts.resolve(view.id, how, "Jemand anderes", DECIDED)  # type: ignore[arg-type]
    assert stored_tables(stations.office) == before


def test_who_decides_and_which_conflict_must_be_given(stations: Stations, tmp_path: Path) -> None:
    make_conflicts(stations, tmp_path)
    view = only(stations, "clients")
    conflicts = stations.office.conflicts
    before = stored_tables(stations.office)
    with pytest.raises(DomainError, match="wer entscheidet"):
        conflicts.resolve(view.id, "kept", "  ", DECIDED)
    with pytest.raises(DomainError, match="Einen Konflikt 999 gibt es nicht"):
        conflicts.resolve(999, "kept", PERSON, DECIDED)
    with pytest.raises(DomainError):
        conflicts.resolve(view.id, "merged", PERSON, DECIDED)  # type: ignore[arg-type]
    assert stored_tables(stations.office) == before


def test_a_laptop_has_no_conflicts(stations: Stations) -> None:
    assert stations.laptop.conflicts.conflicts(everything=True) == []


def test_side_by_side_keeps_each_versions_order() -> None:
    ours = [("Name", "A"), ("Telefon", "1")]
    theirs = [("Name", "A"), ("Anschrift", "Weg 1"), ("Telefon", "2")]
    assert [(p.label, p.stored, p.other) for p in side_by_side(ours, theirs)] == [
        ("Name", "A", "A"), ("Anschrift", "", "Weg 1"), ("Telefon", "1", "2"),
    ]  # fmt: skip
