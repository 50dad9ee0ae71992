"""What went to the office and what came back, on the laptop: records not sent at their stored
revision, acknowledgements only for exactly what was sent, and what the retention lets go."""

from __future__ import annotations

from datetime import timedelta

import pytest

from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.protocols import AnonymousCounselling
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.exchange_repo import ExportTracking, SentRecord
from testkit.exchange import (
    DAY,
    MET,
    UTC_NOW,
    Story,
    acknowledge,
    client_story,
    db_of,
    send,
    send_and_acknowledge,
)


@pytest.fixture
def story(session: Session) -> Story:
    return client_story(
        session, "Ute Voß", "Lindenweg 4\n29439 Lüchow", "Briefkasten defekt.", "Nachtrag."
    )


def unsent_ids(tracking: ExportTracking, kind: str) -> dict[str, int | None]:
    return {u.id: u.sent_revision for u in tracking.unsent(kind)}  # type: ignore[arg-type]


def test_records_not_yet_sent(session: Session, story: Story) -> None:
    tracking = ExportTracking(db_of(session))
    assert [(u.id, u.revision, u.sent_revision) for u in tracking.unsent_protocols()] == [
        (story.protocol.id, story.protocol.revision, None)
    ]
    assert [u.id for u in tracking.unsent_consents(["signed", "revoked"])] == [story.consent.id]
    assert tracking.unsent_consents(["revoked"]) == []
    assert unsent_ids(tracking, "clients") == {story.client.id: None}
    assert set(unsent_ids(tracking, "staff")) == {session.owner().id}  # type: ignore[union-attr]
    send(db_of(session), story.sent())
    for kind in ("clients", "appointments", "consents", "protocols"):
        assert tracking.unsent(kind) == [], kind  # type: ignore[arg-type]
    assert tracking.unsent_protocols() == []


def test_drafts_never_wait_to_go(session: Session, story: Story) -> None:
    owner = session.owner().id  # type: ignore[union-attr]
    draft = session.protocols.begin(MET, client_id=story.client.id, staff_ids=[owner])
    assert draft.id in unsent_ids(ExportTracking(db_of(session)), "protocols")
    assert draft.id not in {u.id for u in ExportTracking(db_of(session)).unsent_protocols()}


def test_a_change_after_sending_goes_again(session: Session, story: Story) -> None:
    tracking = ExportTracking(db_of(session))
    send_and_acknowledge(db_of(session), story.sent())
    owner = session.owner().id  # type: ignore[union-attr]
    later = session.protocols.add_addendum(story.protocol.id, "Zweiter Nachtrag", MET, owner)
    (unsent,) = tracking.unsent_protocols()
    assert (unsent.id, unsent.revision, unsent.sent_revision) == (
        story.protocol.id,
        later.revision,
        story.protocol.revision,
    )
    assert unsent.sent_at == UTC_NOW
    # the new revision goes out: the receipt for the old one no longer counts for it
    send(db_of(session), [SentRecord("protocols", later.id, later.revision, "h2")], bundle="b-2")
    stored = tracking.get("protocols", later.id)
    assert stored is not None
    assert (stored.revision, stored.bundle_id, stored.state, stored.receipt_bundle_id) == (
        later.revision,
        "b-2",
        None,
        None,
    )
    assert tracking.unsent_protocols() == []


def test_sent_again_unchanged_keeps_its_receipt(session: Session, story: Story) -> None:
    tracking = ExportTracking(db_of(session))
    send_and_acknowledge(db_of(session), story.sent())
    send(db_of(session), story.sent(), bundle="b-range", at=UTC_NOW + timedelta(days=1))
    stored = tracking.get("protocols", story.protocol.id)
    assert stored is not None
    assert (stored.bundle_id, stored.state, stored.acknowledged_at) == (
        "b-range",
        "entered",
        UTC_NOW,
    )


def test_unsent_among_given_ids(session: Session) -> None:
    clients = [session.clients.save(Client(display_name=f"Person {i}")) for i in range(1203)]
    tracking = ExportTracking(db_of(session))
    wanted = [c.id for c in clients[::2]] + ["no-such-id"]
    assert {u.id for u in tracking.unsent("clients", wanted)} == set(wanted[:-1])
    send(db_of(session), [SentRecord("clients", c.id, 1, "h") for c in clients[:1000]])
    assert {u.id for u in tracking.unsent("clients", wanted)} == {c.id for c in clients[1000::2]}


def test_anonymous_counselling_waits_to_go(session: Session) -> None:
    owner = session.owner().id  # type: ignore[union-attr]
    a = session.protocols.record_anonymous(DAY, Approach.WALK_AND_TALK, 30, [owner])
    assert isinstance(a, AnonymousCounselling)
    assert unsent_ids(ExportTracking(db_of(session)), "anonymous_counselling") == {a.id: None}


# ---- receipts ------------------------------------------------------------------------------
def test_an_acknowledgement_only_for_what_was_sent(session: Session, story: Story) -> None:
    tracking = ExportTracking(db_of(session))
    sent = story.sent()[3]
    assert tracking.acknowledge(sent, "entered", "", "r-1", UTC_NOW) == "unknown"  # never sent
    send(db_of(session), [sent])
    for wrong in (
        SentRecord(sent.kind, sent.id, sent.revision + 1, sent.content_hash),
        SentRecord(sent.kind, sent.id, sent.revision, "another hash"),
        SentRecord("consents", sent.id, sent.revision, sent.content_hash),
    ):
        assert tracking.acknowledge(wrong, "entered", "", "r-1", UTC_NOW) == "unknown"
    assert tracking.awaiting_receipt()[0].id == sent.id
    assert tracking.count_awaiting_receipt() == 1
    assert tracking.acknowledge(sent, "entered", "", "r-1", UTC_NOW) == "acknowledged"
    assert tracking.awaiting_receipt() == [] and tracking.count_awaiting_receipt() == 0
    stored = tracking.get(sent.kind, sent.id)
    assert stored is not None
    assert (stored.state, stored.receipt_bundle_id, stored.acknowledged_at) == (
        "entered",
        "r-1",
        UTC_NOW,
    )


def test_entered_stays_as_first_given(session: Session, story: Story) -> None:
    tracking = ExportTracking(db_of(session))
    sent = story.sent()[3]
    send_and_acknowledge(db_of(session), [sent])
    later = UTC_NOW + timedelta(days=3)
    assert tracking.acknowledge(sent, "entered", "", "r-2", later) == "already"
    assert tracking.acknowledge(sent, "rejected", "doppelt", "r-3", later) == "already"
    stored = tracking.get(sent.kind, sent.id)
    assert stored is not None
    assert (stored.state, stored.receipt_bundle_id, stored.acknowledged_at) == (
        "entered",
        "receipt-1",
        UTC_NOW,
    )


def test_a_rejection_and_then_the_entry(session: Session, story: Story) -> None:
    tracking = ExportTracking(db_of(session))
    sent = story.sent()[3]
    send(db_of(session), [sent])
    acknowledge(db_of(session), [sent], state="rejected", receipt="r-1")
    assert [(e.id, e.state) for e in tracking.rejected()] == [(sent.id, "rejected")]
    assert tracking.acknowledge(sent, "rejected", "", "r-2", UTC_NOW) == "already"
    later = UTC_NOW + timedelta(days=1)
    assert tracking.acknowledge(sent, "entered", "", "r-3", later) == "acknowledged"
    assert tracking.rejected() == []


def test_due_for_purge_after_the_retention(session: Session, story: Story) -> None:
    tracking = ExportTracking(db_of(session))
    send_and_acknowledge(db_of(session), story.sent())
    assert tracking.due_for_purge(UTC_NOW + timedelta(days=13, hours=23), 14) == []
    due = tracking.due_for_purge(UTC_NOW + timedelta(days=14), 14)
    assert {(e.kind, e.id) for e in due} == {(s.kind, s.id) for s in story.sent()}
    assert len(tracking.due_for_purge(UTC_NOW, 0)) == 4
    # changed after it was sent: not due, whatever the receipt said about the old revision
    owner = session.owner().id  # type: ignore[union-attr]
    session.protocols.add_addendum(story.protocol.id, "Noch ein Nachtrag", MET, owner)
    assert {e.kind for e in tracking.due_for_purge(UTC_NOW, 0)} == {
        "clients",
        "appointments",
        "consents",
    }


def test_consents_by_state(session: Session, story: Story) -> None:
    prepared = session.consents.prepare(
        ConsentKind.PRESENCE,
        MET,
        appointment_id=story.appointment.id,
        others_present=[("Sabine Krüger", "Schwester")],
    )
    tracking = ExportTracking(db_of(session))
    assert {u.id for u in tracking.unsent_consents(["prepared"])} == {prepared.id}
    assert {u.id for u in tracking.unsent("consents")} == {prepared.id, story.consent.id}


def test_unknown_kinds_never_reach_sql(session: Session) -> None:
    with pytest.raises(ValueError, match="unknown record kind"):
        ExportTracking(db_of(session)).unsent("meta; DROP TABLE clients")  # type: ignore[arg-type]
