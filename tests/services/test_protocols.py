"""Memory protocols through the service: drafts, finalize, addenda, countersign, anonymous
counselling that stores nothing but its frame, and full-text search."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import ConsentKind, GivenHow
from outreach_desktop.domain.errors import DomainError, ValidationError
from outreach_desktop.domain.people import Client, Staff
from outreach_desktop.domain.protocols import Finalized
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.protocol_repo import fts_query

DAY = date(2026, 11, 20)
NOW = datetime.combine(DAY, time(16))


@pytest.fixture
def visit(session: Session) -> Appointment:
    client = session.clients.save(
        Client(display_name="Ute Voß", address="Lindenweg 4\n29439 Lüchow")
    )
    second = session.staff.save(Staff(name="Birgit Sommer"))
    return session.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, datetime.combine(DAY, time(10)), client_id=client.id,
        staff_ids=[session.owner().id, second.id]))  # type: ignore[union-attr]  # fmt: skip


def test_draft_from_appointment_then_final_then_addenda(
    session: Session, visit: Appointment
) -> None:
    p = session.protocols
    owner = session.owner().id  # type: ignore[union-attr]
    draft = p.begin(NOW, appointment_id=visit.id)
    assert (draft.client_id, draft.approach, draft.met_at) == (
        visit.client_id,
        Approach.HOME_VISIT,
        visit.start,
    )
    assert draft.written_at == NOW and draft.staff_ids == visit.staff_ids
    assert draft.place == "Wohnung, Lindenweg 4, 29439 Lüchow"  # a home visit without a place
    draft.topics = "Erreichbarkeit, Briefkasten"
    draft.course = "Frau Voß hatte die Briefe nicht erhalten; Briefkasten defekt."
    draft.reachability = "Neue Handynummer notiert."
    p.save_draft(draft)
    final = p.finalize(draft.id, NOW + timedelta(minutes=30), owner)
    assert final.is_final
    final.course = "geändert"
    with pytest.raises(Finalized):
        p.save_draft(final)
    with pytest.raises(Finalized):
        session.protocols.repo.save(final)  # even past the service: the trigger refuses
    assert p.get(draft.id).course.startswith("Frau Voß")
    p.add_addendum(
        draft.id, "Handynummer war falsch notiert: 0151 …", NOW + timedelta(days=1), owner
    )
    stored = p.get(draft.id)
    assert [a.text for a in stored.addenda] == ["Handynummer war falsch notiert: 0151 …"]
    with pytest.raises(DomainError, match="zweite Person"):
        p.countersign(draft.id, owner, NOW)
    p.countersign(draft.id, visit.staff_ids[1], NOW + timedelta(hours=1))
    with pytest.raises(DomainError, match="bereits"):
        p.countersign(draft.id, visit.staff_ids[1], NOW + timedelta(hours=2))


def test_finalized_rows_and_addenda_resist_raw_sql(session: Session, visit: Appointment) -> None:
    p = session.protocols
    draft = p.begin(NOW, appointment_id=visit.id)
    draft.course = "Gespräch an der Tür."
    p.save_draft(draft)
    p.finalize(draft.id, NOW, session.owner().id)  # type: ignore[union-attr]
    p.add_addendum(draft.id, "Nachtrag eins", NOW, session.owner().id)  # type: ignore[union-attr]
    conn = session.vault.db.connection
    for sql in (
        "UPDATE protocols SET course = 'x'",
        "DELETE FROM protocols",
        "UPDATE protocol_addenda SET text = 'x'",
        "DELETE FROM protocol_addenda",
    ):
        with pytest.raises(sqlcipher3.IntegrityError, match="finalized"):
            conn.execute(sql)


def test_finalize_checks_handover_and_others_present(session: Session, visit: Appointment) -> None:
    p = session.protocols
    owner = session.owner().id  # type: ignore[union-attr]
    draft = p.begin(NOW, appointment_id=visit.id)
    with pytest.raises(ValidationError, match="Themen oder Verlauf"):
        p.finalize(draft.id, NOW, owner)
    draft.course = "Verlauf"
    draft.to_main_caseworker = True
    p.save_draft(draft)
    with pytest.raises(ValidationError, match="Einverständnis"):
        p.finalize(draft.id, NOW, owner)
    consent = session.consents.prepare(ConsentKind.HANDOVER, NOW, appointment_id=visit.id,
                                       main_caseworker_id=owner)  # fmt: skip
    session.consents.sign(consent.id, GivenHow.PAPER, NOW - timedelta(days=1))
    p.finalize(draft.id, NOW, owner)


def test_presence_consents_fill_the_others_present(session: Session, visit: Appointment) -> None:
    consent = session.consents.prepare(ConsentKind.PRESENCE, NOW, appointment_id=visit.id,
                                       others_present=[("Sabine Krüger", "Schwester")])  # fmt: skip
    session.consents.sign(consent.id, GivenHow.PAPER, NOW - timedelta(days=2))
    draft = session.protocols.begin(NOW, appointment_id=visit.id)
    assert [(o.name, o.role, o.consent_id) for o in draft.others_present] == [
        ("Sabine Krüger", "Schwester", consent.id)
    ]


def test_anonymous_counselling_has_nowhere_to_put_content(session: Session) -> None:
    owner = session.owner().id  # type: ignore[union-attr]
    anon = session.protocols.record_anonymous(DAY, Approach.WALK_AND_TALK, 45, [owner])
    columns = {r[1] for r in session.vault.db.execute("PRAGMA table_info(anonymous_counselling)")}
    assert columns == {
        "id", "created_at", "updated_at", "revision", "origin_device", "day", "approach",
        "duration_min", "staff_ids", "search_text",
    }  # fmt: skip
    row = session.vault.db.one("SELECT * FROM anonymous_counselling WHERE id = ?", (anon.id,))
    assert row is not None and row["search_text"] == ""
    assert (
        session.vault.db.scalar("SELECT count(*) FROM search_index WHERE ref = ?", (anon.id,)) == 0
    )
    with pytest.raises(DomainError, match="anonyme Beratung"):
        a = session.appointments.save(Appointment.plan(
            Approach.WALK_AND_TALK, NOW, place="Park", staff_ids=[owner]))  # fmt: skip
        session.protocols.begin(NOW, appointment_id=a.id)


def test_full_text_search_ranks_and_highlights(session: Session, visit: Appointment) -> None:
    p = session.protocols
    draft = p.begin(NOW, appointment_id=visit.id)
    draft.topics = "Führerschein"
    draft.course = "Wir sprachen über den Führerschein und die Fahrschule in Dannenberg."
    p.save_draft(draft)
    hits = p.search("fuhrersch")  # accents folded, prefix match
    assert hits and hits[0].kind == "protocol" and hits[0].ref == draft.id
    assert "[Führerschein]" in hits[0].snippet or "[Führerschein" in hits[0].snippet
    assert [h.kind for h in p.search("Voß")] == ["client", "protocol"]  # the name ranks first
    assert [h.kind for h in p.search("Voss")] == ["client", "protocol"]  # ß typed as ss
    assert [h.ref for h in p.search("Fuehrerschein")] == [draft.id]  # umlaut typed as ue
    assert p.search("Führerscheinprüfung") == []
    assert p.search("Lindenweg Lüchow")[0].kind == "client"  # all words must match
    assert p.search('"; DROP TABLE clients; --') == []  # FTS syntax kept out
    p.finalize(draft.id, NOW, session.owner().id)  # type: ignore[union-attr]
    p.add_addendum(draft.id, "Termin bei der Fahrschule am Montag", NOW, session.owner().id)  # type: ignore[union-attr]
    assert [h.ref for h in p.search("Montag Fahrschule")] == [draft.id]
    client = session.clients.get(visit.client_id)  # type: ignore[arg-type]
    client.display_name = "Ute Voss-Berg"
    session.clients.save(client)
    assert p.search("Voss-Berg")[0].ref == client.id  # kept current by triggers
    # a protocol is found by its client's name together with its words, also after a rename
    assert [h.ref for h in p.search("Voss-Berg Fahrschule")] == [draft.id]
    assert p.search("Voß Fahrschule") == []
    hit = p.search("Dannenberg")[0]
    assert hit.title == "Ute Voss-Berg · Führerschein"
    assert hit.snippet.endswith(
        "Lüchow · Wir sprachen über den Führerschein und die Fahrschule in [Dannenberg]."
    )


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_typed_text_is_a_valid_search(text: str) -> None:
    """Whatever is typed (quotes, brackets, AND/OR/NEAR, umlauts) makes a valid FTS5 query."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('Straße Führerschein Voß')")
    query = fts_query(text)
    if query:
        db.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()


def test_follow_up_appointment_from_the_protocol(session: Session, visit: Appointment) -> None:
    p = session.protocols
    draft = p.begin(NOW, appointment_id=visit.id)
    follow = p.plan_follow_up(draft.id, datetime(2026, 12, 4, 9, 30), "Jobcenter Lüchow")
    assert (follow.predecessor_id, follow.client_id, follow.approach) == (
        visit.id, visit.client_id, Approach.HOME_VISIT,
    )  # fmt: skip
    assert follow.staff_ids == visit.staff_ids and follow.status.value == "planned"
    stored = p.get(draft.id)
    assert stored.follow_up_id == follow.id
    with pytest.raises(DomainError, match="schon ein Folgetermin"):
        p.plan_follow_up(draft.id, datetime(2026, 12, 5, 9, 30), "")
    assert len(session.appointments.repo.followers(visit.id)) == 1

    owner = session.owner().id  # type: ignore[union-attr]
    loose = p.begin(NOW, client_id=visit.client_id, met_at=NOW, staff_ids=[owner])
    second = p.plan_follow_up(loose.id, datetime(2026, 12, 7, 14, 0), "Stadtpark")
    assert (second.predecessor_id, second.client_id, second.approach, second.place) == (
        None, visit.client_id, Approach.WALK_AND_TALK, "Stadtpark",
    )  # fmt: skip
    loose = p.get(loose.id)
    loose.topics = "Wohnung"
    p.save_draft(loose)  # the protocol still saves after the follow-up changed it
    p.finalize(loose.id, NOW, owner)
    closed = p.begin(NOW, client_id=visit.client_id, met_at=NOW, staff_ids=[owner])
    closed.topics = "Bewerbung"
    p.save_draft(closed)
    p.finalize(closed.id, NOW, owner)
    with pytest.raises(Finalized):
        p.plan_follow_up(closed.id, datetime(2026, 12, 8, 9, 0), "")
