"""The outbox queries: what waits to go on its own account (and by --since), the counts Heute
and Übergabe show (the same records as the list, read by indexes: never every record with its
text), and putting an export's bookkeeping back when its file could not be finished."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.exchange_repo import ExportTracking
from outreach_desktop.storage.outbox_repo import Outbox
from outreach_desktop.storage.people_repos import ClientRepository
from testkit.exchange import DAY, MET, UTC_NOW, Story, acknowledge, client_story, db_of, send
from testkit.internals import repository


@pytest.fixture
def story(session: Session) -> Story:
    return client_story(session, "Ute Voß", "Lindenweg 4", "Briefkasten defekt.", "Nachtrag.")


def waiting(session: Session, since: date | None = None) -> set[tuple[str, str]]:
    return {(w.kind, w.id) for w in Outbox(db_of(session)).waiting(since)}


def test_what_waits_on_its_own_account(session: Session, story: Story) -> None:
    session.clients.save(Client(display_name="Noch ohne Termin"))
    assert waiting(session) == {
        ("appointments", story.appointment.id),
        ("consents", story.consent.id),
        ("protocols", story.protocol.id),
    }
    # the consent is of the day it was given, twenty days before the visit
    assert waiting(session, since=DAY - timedelta(days=20)) == waiting(session)
    assert waiting(session, since=DAY) == waiting(session) - {("consents", story.consent.id)}
    assert waiting(session, since=DAY + timedelta(days=1)) == set()
    summary = {c.kind: c.count for c in Outbox(db_of(session)).summary()}
    assert summary == {"appointments": 1, "consents": 1, "protocols": 1}


def test_a_person_changed_after_it_went_waits_again(session: Session, story: Story) -> None:
    send(db_of(session), story.sent())
    assert waiting(session) == set()
    client = session.clients.get(story.client.id)
    client.phone = "0581 12345"
    repository(session, ClientRepository).save(client)
    assert waiting(session) == {("clients", story.client.id)}
    assert waiting(session, since=date(2999, 1, 1)) == set()


def test_awaiting_receipt_and_rejected_counts(session: Session, story: Story) -> None:
    send(db_of(session), story.sent())
    outbox = Outbox(db_of(session))
    assert {c.kind: (c.count, c.oldest) for c in outbox.awaiting_receipt()} == {
        kind: (1, UTC_NOW) for kind in ("appointments", "clients", "consents", "protocols")
    }
    acknowledge(db_of(session), story.sent()[3:], state="rejected")
    assert outbox.rejected_count() == 1 and len(outbox.awaiting_receipt()) == 3


def test_put_back_restores_each_row_as_it_was(session: Session, story: Story) -> None:
    db = db_of(session)
    first, rest = story.sent()[:2], story.sent()[2:]
    send(db, first)
    acknowledge(db, first)
    rows = [tuple(r) for r in db.execute("SELECT * FROM exported ORDER BY record_id")]
    outbox = Outbox(db)
    before = outbox.previous(story.sent())
    ExportTracking(db).mark_exported(story.sent(), "bundle-2", UTC_NOW + timedelta(days=1))
    assert db.scalar("SELECT count(*) FROM exported WHERE bundle_id = 'bundle-2'") == 4
    outbox.put_back(before, "bundle-2")
    assert [tuple(r) for r in db.execute("SELECT * FROM exported ORDER BY record_id")] == rows
    assert {(w.kind, w.id) for w in outbox.waiting()} == {(r.kind, r.id) for r in rest}


def visit(session: Session, client_id: str, status: AppointmentStatus) -> Appointment:
    owner = session.owner()
    assert owner is not None
    planned = Appointment.plan(
        Approach.WALK_AND_TALK, MET, place="Markt", client_id=client_id, staff_ids=[owner.id]
    )
    planned.status = status
    return repository(session, AppointmentRepository).save(planned, check=False)


def mixed_outbox(session: Session, story: Story) -> None:
    """Records in every state the counts tell apart: never sent (waits by its reason or not),
    sent at the current revision, sent and changed since (waits whatever its reason)."""
    other = client_story(session, "Jan Kraus", "Am Markt 2", "Nicht angetroffen.", "Später.")
    send(db_of(session), story.sent() + other.sent()[:2])
    client = session.clients.get(story.client.id)
    client.phone = "0581 12345"
    repository(session, ClientRepository).save(client)  # went, changed since
    sent_visit = session.appointments.get(story.appointment.id)
    sent_visit.place = "Rathaus"
    repository(session, AppointmentRepository).save(sent_visit, check=False)
    session.protocols.begin(MET, appointment_id=sent_visit.id)  # a draft: it went before
    visit(session, other.client.id, AppointmentStatus.DONE)
    visit(session, other.client.id, AppointmentStatus.PLANNED)
    drafted = visit(session, other.client.id, AppointmentStatus.DONE)
    session.protocols.begin(MET, appointment_id=drafted.id)  # waits for its draft
    owner = session.owner()
    assert owner is not None
    session.protocols.record_anonymous(DAY, Approach.WALK_AND_TALK, 30, [owner.id])


def test_the_counts_are_what_waits(session: Session, story: Story) -> None:
    mixed_outbox(session, story)
    outbox = Outbox(db_of(session))
    listed: dict[str, tuple[int, object]] = {}
    for w in outbox.waiting():
        count, oldest = listed.get(w.kind, (0, w.updated_at))
        listed[w.kind] = (count + 1, min(oldest, w.updated_at))  # type: ignore[type-var]
    assert {c.kind: (c.count, c.oldest) for c in outbox.summary()} == listed
    assert {k: n for k, (n, _at) in listed.items()} == {
        "clients": 1,  # changed since it went
        # one done and never sent, and the sent one changed since (its new draft does not hold
        # it back: it went before); not the planned one, nor the done one its draft holds back
        "appointments": 2,
        "protocols": 1,  # the other story's; drafts never go on their own
        "consents": 1,
        "anonymous_counselling": 1,
    }


def test_the_counts_read_indexes_never_every_record(session: Session, story: Story) -> None:
    mixed_outbox(session, story)
    db = db_of(session)
    statements: list[str] = []
    db.connection.set_trace_callback(statements.append)
    try:
        Outbox(db).summary()
    finally:
        db.connection.set_trace_callback(None)
    plans = {}
    for sql in statements:
        rows = db.execute("EXPLAIN QUERY PLAN " + sql, {"kind": "appointments"})
        plans[sql] = " | ".join(str(r["detail"]) for r in rows)
    big = [p for s, p in plans.items() if " appointments t" in s or " protocols t" in s]
    details = " | ".join(big)
    for index in ("appointments_outbox", "protocols_outbox"):
        details = details.replace(f"SCAN t USING INDEX {index}", index)
    assert "SCAN t" not in details, details  # no table read whole, with the records' text
    assert "appointments_outbox" in details and "protocols_outbox" in details, details
    assert "protocols_drafts" in details, details  # the draft check: an index of drafts only
    assert len(big) == 4, plans  # per kind: never went with a reason, went and changed since
