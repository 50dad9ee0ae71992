"""The purge: the one path that deletes finalized protocols, their addenda and given consents —
and only what a receipt acknowledged as entered at the revision stored, after the retention
period. The database refuses everything else even to raw SQL; what the purge deletes leaves no
trace in the decrypted file (free pages and slack included) nor in the full-text index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
import sqlcipher3

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.consent_repo import ConsentRepository
from outreach_desktop.storage.exchange_repo import ExportTracking, SentRecord
from outreach_desktop.storage.purge import purge
from outreach_desktop.storage.sync_log import DeletionLog, SyncLog
from testkit.exchange import (
    MET,
    UTC_NOW,
    Story,
    acknowledge,
    client_story,
    db_of,
    send,
    send_and_acknowledge,
)
from testkit.internals import repository

NOTHING = {"protocols": 0, "consents": 0, "anonymous_counselling": 0, "appointments": 0,
           "clients": 0}  # fmt: skip
WHOLE_STORY = {**NOTHING, "protocols": 1, "consents": 1, "appointments": 1, "clients": 1}


@pytest.fixture
def story(session: Session) -> Story:
    return client_story(
        session,
        "Zebulon Knorpelmeier",
        "Mistelweg 17\n29439 Kleinwusterhausen",
        "Herr Knorpelmeier berichtet vom Schimmelbefall im Bad.",
        "Nachtrag: Kellerassel-Befall gemeldet.",
    )


def sent(story: Story, kind: str) -> SentRecord:
    (record,) = [r for r in story.sent() if r.kind == kind]
    return record


def owner_id(session: Session) -> str:
    owner = session.owner()
    assert owner is not None
    return owner.id


@contextmanager
def raw_sql(session: Session) -> Iterator[sqlcipher3.Connection]:
    """The raw connection, past every repository, in a savepoint rolled back afterwards."""
    conn = db_of(session).connection
    conn.execute("SAVEPOINT attempt")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK TO attempt")
        conn.execute("RELEASE attempt")


# ---- the guard, in the database --------------------------------------------------------------
def protocol_delete_refused(session: Session, story: Story) -> None:
    with raw_sql(session) as conn:
        for sql in (
            "DELETE FROM protocol_addenda WHERE protocol_id = ?",
            "DELETE FROM protocols WHERE id = ?",
        ):
            with pytest.raises(sqlcipher3.IntegrityError, match="protocol finalized"):
                conn.execute(sql, (story.protocol.id,))


def test_a_finalized_protocol_no_receipt_names_stays(session: Session, story: Story) -> None:
    protocol_delete_refused(session, story)
    send(db_of(session), story.sent())  # sent is not acknowledged
    protocol_delete_refused(session, story)
    acknowledge(db_of(session), [sent(story, "protocols")], state="rejected")
    protocol_delete_refused(session, story)
    # an acknowledgement of another kind with this id
    other = SentRecord("consents", story.protocol.id, story.protocol.revision, "h")
    send_and_acknowledge(db_of(session), [other])
    protocol_delete_refused(session, story)


def test_a_protocol_changed_after_it_was_entered_stays(session: Session, story: Story) -> None:
    send_and_acknowledge(db_of(session), story.sent())
    session.protocols.add_addendum(story.protocol.id, "Später", MET, owner_id(session))
    protocol_delete_refused(session, story)


def test_only_the_entered_revision_may_go(session: Session, story: Story) -> None:
    send_and_acknowledge(db_of(session), story.sent())
    with raw_sql(session) as conn:
        with pytest.raises(sqlcipher3.IntegrityError, match="FOREIGN KEY"):
            conn.execute(
                "DELETE FROM protocols WHERE id = ?", (story.protocol.id,)
            )  # addenda first
        conn.execute("DELETE FROM protocol_addenda WHERE protocol_id = ?", (story.protocol.id,))
        conn.execute("DELETE FROM protocols WHERE id = ?", (story.protocol.id,))
        assert conn.execute("SELECT count(*) FROM protocols").fetchone()[0] == 0


def test_a_given_consent_stays_until_entered(session: Session, story: Story) -> None:
    with raw_sql(session) as conn:
        for sql in (
            "DELETE FROM consents WHERE id = ?",
            "DELETE FROM consent_events WHERE consent_id = ?",
        ):
            with pytest.raises(sqlcipher3.IntegrityError, match="consent kept"):
                conn.execute(sql, (story.consent.id,))
    with pytest.raises(UserError, match="nicht gelöscht, sondern widerrufen"):
        db_of(session).execute("DELETE FROM consents WHERE id = ?", (story.consent.id,))
    send_and_acknowledge(db_of(session), story.sent())
    with raw_sql(session) as conn:
        conn.execute("DELETE FROM consents WHERE id = ?", (story.consent.id,))
        events = "SELECT count(*) FROM consent_events WHERE consent_id = ?"
        assert conn.execute(events, (story.consent.id,)).fetchone()[0] == 0  # with it


def test_a_consent_only_prepared_may_go(session: Session, story: Story) -> None:
    prepared = session.consents.prepare(
        ConsentKind.HOME_VISIT, MET, appointment_id=story.appointment.id
    )
    db_of(session).connection.execute("DELETE FROM consents WHERE id = ?", (prepared.id,))
    with pytest.raises(UserError, match="widerrufen"):
        repository(session, ConsentRepository).delete(story.consent.id)  # as before


# ---- the purge -------------------------------------------------------------------------------
def test_nothing_goes_before_the_retention_ran_out(session: Session, story: Story) -> None:
    send_and_acknowledge(db_of(session), story.sent())
    assert purge(db_of(session), UTC_NOW + timedelta(days=13, hours=23), 14) == NOTHING
    assert session.protocols.get(story.protocol.id) == story.protocol
    assert DeletionLog(db_of(session)).entries() == []
    assert SyncLog(db_of(session)).entries() == []


def test_the_acknowledged_story_goes_whole(session: Session, story: Story) -> None:
    db = db_of(session)
    send_and_acknowledge(db, story.sent())
    later = UTC_NOW + timedelta(days=14)
    assert purge(db, later, 14) == WHOLE_STORY
    for table in (
        "clients",
        "appointments",
        "consents",
        "consent_events",
        "protocols",
        "protocol_addenda",
        "appointment_staff",
        "conducts",
        "checklist_answers",
    ):
        assert db.scalar(f"SELECT count(*) FROM {table}") == 0, table
    assert session.owner() is not None  # staff stay
    assert session.protocols.search("Knorpelmeier") == []
    assert session.protocols.search("Kellerassel") == []
    log = DeletionLog(db).entries()
    assert sorted((e.record_kind, e.count, e.receipt_bundle_id, e.at) for e in log) == [
        (kind, 1, "receipt-1", later) for kind in ("appointments", "clients", "consents",
                                                   "protocols")
    ]  # fmt: skip
    assert DeletionLog(db).totals() == {k: n for k, n in WHOLE_STORY.items() if n}
    (entry,) = SyncLog(db).entries()
    assert (entry.action, entry.result, entry.counts) == ("purge", "ok", DeletionLog(db).totals())
    assert "Knorpel" not in entry.detail
    exported = ExportTracking(db).get("protocols", story.protocol.id)
    assert exported is not None and exported.purged_at == later
    assert ExportTracking(db).due_for_purge(later, 0) == []
    # nothing more to do: no second log entry
    assert purge(db, later + timedelta(days=1), 14) == NOTHING
    assert len(SyncLog(db).entries()) == 1 and len(DeletionLog(db).entries()) == 4
    # a receipt read again after the purge changes nothing
    again = ExportTracking(db).acknowledge(sent(story, "protocols"), "entered", "", "r", later)
    assert again == "already"


def test_a_retention_of_zero_days(session: Session, story: Story) -> None:
    send_and_acknowledge(db_of(session), story.sent())
    assert purge(db_of(session), UTC_NOW, 0) == WHOLE_STORY
    with pytest.raises(ValueError):
        purge(db_of(session), UTC_NOW, -1)


def test_what_changed_after_sending_stays_with_all_it_needs(session: Session, story: Story) -> None:
    send_and_acknowledge(db_of(session), story.sent())
    session.protocols.add_addendum(story.protocol.id, "Später", MET, owner_id(session))
    # the protocol stays; its appointment, the consent for it and the client with them
    assert purge(db_of(session), UTC_NOW, 0) == NOTHING


def test_what_no_receipt_names_stays(session: Session, story: Story) -> None:
    send(db_of(session), story.sent())
    acknowledge(db_of(session), [sent(story, "protocols")])
    acknowledge(db_of(session), [sent(story, "clients")], state="rejected")
    # the consent waits for its receipt; the appointment for the consent, the client for both
    assert purge(db_of(session), UTC_NOW, 0) == {**NOTHING, "protocols": 1}
    assert session.consents.get(story.consent.id).signed_pdf == story.consent.signed_pdf


def test_a_client_with_something_open_keeps_consents(session: Session, story: Story) -> None:
    send_and_acknowledge(db_of(session), story.sent())
    session.appointments.save(
        Appointment.plan(
            Approach.HOME_VISIT,
            MET + timedelta(days=30),
            client_id=story.client.id,
            staff_ids=[owner_id(session)],
        )
    )
    # the next visit needs the consent; the consent keeps its appointment; the client stays
    assert purge(db_of(session), UTC_NOW, 0) == {**NOTHING, "protocols": 1}


def test_appointments_that_follow_one_another_go_together(session: Session, story: Story) -> None:
    follow_up = Appointment.plan(
        Approach.WALK_AND_TALK,
        MET + timedelta(days=7),
        client_id=story.client.id,
        staff_ids=[owner_id(session)],
    )
    follow_up.predecessor_id = story.appointment.id
    follow_up.status = AppointmentStatus.NOT_MET
    follow_up = repository(session, AppointmentRepository).save(follow_up, check=False)
    records = [*story.sent(), SentRecord("appointments", follow_up.id, follow_up.revision, "h")]
    send_and_acknowledge(db_of(session), records)
    assert purge(db_of(session), UTC_NOW, 0) == {**WHOLE_STORY, "appointments": 2}


def test_anonymous_counselling_goes(session: Session) -> None:
    a = session.protocols.record_anonymous(MET.date(), Approach.WALK_AND_TALK, 30,
                                           [owner_id(session)])  # fmt: skip
    kept = session.protocols.record_anonymous(MET.date(), Approach.HOME_VISIT, 45,
                                              [owner_id(session)])  # fmt: skip
    send_and_acknowledge(db_of(session), [SentRecord("anonymous_counselling", a.id, 1, "h")])
    assert purge(db_of(session), UTC_NOW, 0) == {**NOTHING, "anonymous_counselling": 1}
    assert [x.id for x in session.protocols.anonymous_counselling()] == [kept.id]


def test_an_open_conflict_holds_the_record(session: Session, story: Story) -> None:
    send_and_acknowledge(db_of(session), story.sent())
    db_of(session).execute(
        "INSERT INTO conflicts (record_kind, record_id, sender, revision, content_hash, fields,"
        " bundle_id, found_at) VALUES ('clients', ?, 'agency', 9, 'h', '{}', 'p-1', 't')",
        (story.client.id,),
    )
    assert purge(db_of(session), UTC_NOW, 0) == {**WHOLE_STORY, "clients": 0}


def test_a_purge_without_secure_delete_is_refused(session: Session, story: Story) -> None:
    send_and_acknowledge(db_of(session), story.sent())
    db_of(session).execute("PRAGMA secure_delete = OFF")
    with pytest.raises(RuntimeError, match="secure_delete"):
        purge(db_of(session), UTC_NOW, 0)
    assert session.protocols.get(story.protocol.id) == story.protocol


def test_the_purge_is_one_change(session: Session, story: Story) -> None:
    """A failure anywhere undoes all of it (here the sync log refuses its entry)."""
    send_and_acknowledge(db_of(session), story.sent())
    db_of(session).execute(
        "CREATE TEMP TRIGGER fail BEFORE INSERT ON sync_log BEGIN SELECT RAISE(ABORT, 'x'); END"
    )
    with pytest.raises(sqlcipher3.IntegrityError):
        purge(db_of(session), UTC_NOW, 0)
    assert session.protocols.get(story.protocol.id) == story.protocol
    assert session.clients.get(story.client.id) == story.client
    assert DeletionLog(db_of(session)).entries() == []


def test_a_purged_release_takes_its_talks_with_it(session: Session, story: Story) -> None:
    from outreach_desktop.domain.consents import GivenHow
    from outreach_desktop.domain.people import ThirdParty

    party = session.third_parties.save(ThirdParty(name="Praxis Dr. Wendt"))
    given = MET
    release = session.consents.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE, given, client_id=story.client.id,
        third_party_id=party.id, purpose="Abstimmung", valid_until=given.date(),
    )  # fmt: skip
    release = session.consents.sign(release.id, GivenHow.PAPER, given)
    session.talks.add(release.id, given, given, note="Termin abgestimmt")
    db = db_of(session)
    records = [*story.sent(), SentRecord("consents", release.id, release.revision, "h-r")]
    send_and_acknowledge(db, records)
    later = UTC_NOW + timedelta(days=14)
    assert purge(db, later, 14) == {**WHOLE_STORY, "consents": 2}
    assert db.scalar("SELECT count(*) FROM third_party_talks") == 0
    assert session.third_parties.find(party.id) is not None  # third parties stay
