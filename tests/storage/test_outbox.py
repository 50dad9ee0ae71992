"""The outbox queries: what waits to go on its own account (and by --since), the counts Heute
shows, and putting an export's bookkeeping back when its file could not be finished."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.storage.exchange_repo import ExportTracking
from outreach_desktop.storage.outbox_repo import Outbox
from outreach_desktop.storage.people_repos import ClientRepository
from testkit.exchange import DAY, UTC_NOW, Story, acknowledge, client_story, db_of, send
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
