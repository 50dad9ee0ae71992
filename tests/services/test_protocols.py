"""Memory protocols through the service: drafts, finalize, addenda, countersign, anonymous
counselling that stores nothing but its frame, and full-text search."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent, ConsentKind, GivenHow
from outreach_desktop.domain.errors import DomainError, ValidationError
from outreach_desktop.domain.people import Client, Staff
from outreach_desktop.domain.protocols import Addendum, Finalized
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.protocol_repo import ProtocolRepository, fts_query
from testkit.internals import repository, vault_of

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
        repository(session, ProtocolRepository).save(
            final
        )  # even past the service: the trigger refuses
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
    conn = vault_of(session).db.connection
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
    columns = {
        r[1] for r in vault_of(session).db.execute("PRAGMA table_info(anonymous_counselling)")
    }
    assert columns == {
        "id", "created_at", "updated_at", "revision", "origin_device", "day", "approach",
        "duration_min", "staff_ids", "search_text",
    }  # fmt: skip
    row = vault_of(session).db.one("SELECT * FROM anonymous_counselling WHERE id = ?", (anon.id,))
    assert row is not None and row["search_text"] == ""
    assert (
        vault_of(session).db.scalar("SELECT count(*) FROM search_index WHERE ref = ?", (anon.id,))
        == 0
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
    kinds = [h.kind for h in p.search("Voß")]
    assert kinds[0] == "client" and sorted(kinds) == ["appointment", "client", "protocol"]
    assert [h.kind for h in p.search("Voss")] == kinds  # ß typed as ss
    assert p.search("Fu\u0308hrerschein")[0].ref == draft.id  # decomposed umlaut (NFD)
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


TYPED = st.one_of(
    st.text(max_size=40),  # anything at all
    st.text(st.sampled_from("aäbcdeoöfsßuüAÖZ09 -_.,:;'\"*^()+{}[]<>/\\"), max_size=40),
    st.lists(st.sampled_from(["Meyer", "AND", "OR", "NOT", "NEAR", "NEAR(", '"', "Straße",
                              "Strasse", "Fu\u0308hrer", "a*", "^b", "c:", "-d", "(e", "f)"]),
             max_size=6).map(" ".join),
)  # fmt: skip
KEYBOARD = set("LMNPSZ")  # letters, marks, numbers, punctuation, symbols, spaces


def indexable(text: str) -> bool:
    """Whether a record holding `text` must be found by searching for it: it has words, each
    with a letter or digit, made of characters Unicode 3.2 already knew in the same category
    (SQLite's tokenizer knows Unicode 6.1, Python's \\w a newer one; they differ on letters,
    private-use characters and symbols added since), none of which NFC changes on its own (the
    query is NFC, the stored text is not: a CJK compatibility ideograph is not its unified one).
    """
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text))
    return (
        bool(words)
        and all(any(unicodedata.category(c)[0] in "LN" for c in w) for w in words)
        and all(
            unicodedata.ucd_3_2_0.category(c) == unicodedata.category(c)
            and unicodedata.category(c)[0] in KEYBOARD
            and unicodedata.normalize("NFC", c) == c
            for c in text
        )
    )


class Rollback(Exception):
    pass


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # one vault for all examples
)
@given(text=TYPED)
def test_any_typed_text_is_a_valid_search(session: Session, text: str) -> None:
    """Whatever is typed (quotes, brackets, AND/OR/NEAR, umlauts) makes a valid FTS5 query in
    the real vault (SQLCipher's SQLite), and finds a client whose notes hold exactly that text.
    Each example's client is rolled back, so the vault is the same for every example."""
    with pytest.raises(Rollback), vault_of(session).db.transaction():
        probe = session.clients.save(Client(display_name="Probe", reachability_notes=text))
        hits = session.protocols.search(text)
        assert isinstance(hits, list)
        assert all(h.kind == "client" and h.ref == probe.id for h in hits)  # nothing else stored
        if not fts_query(text):
            assert hits == []  # nothing to search for: no words
        elif indexable(text):
            assert [h.ref for h in hits] == [probe.id], fts_query(text)
        raise Rollback
    assert session.clients.count() == 0


def test_a_word_of_underscores_does_not_hide_the_others(session: Session) -> None:
    client = session.clients.save(Client(display_name="Meyer Schmidt"))
    assert [h.ref for h in session.protocols.search("Meyer _")] == [client.id]
    assert [h.ref for h in session.protocols.search("meyer_schm")] == [client.id]  # as indexed


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
    assert len(session.appointments.followers(visit.id)) == 1

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


def test_save_draft_takes_only_what_the_writer_may_change(
    session: Session, visit: Appointment
) -> None:
    p = session.protocols
    owner = session.owner().id  # type: ignore[union-attr]
    draft = p.begin(NOW, appointment_id=visit.id)
    other = session.clients.save(Client(display_name="Jemand Anderes"))
    forged = p.copy_draft(draft)
    forged.course = "Verlauf"
    forged.client_id = other.id
    forged.staff_ids = [owner]
    forged.countersigned_by, forged.countersigned_at = owner, NOW
    forged.addenda.append(Addendum(NOW - timedelta(days=3), owner, "rückdatiert"))
    forged.follow_up_id = visit.id
    saved = p.save_draft(forged)
    stored = p.get(draft.id)
    assert saved.course == stored.course == "Verlauf"
    assert stored.client_id == visit.client_id and stored.staff_ids == visit.staff_ids
    assert (stored.countersigned_by, stored.countersigned_at) == (None, None)
    assert stored.addenda == [] and stored.follow_up_id is None
    p.delete_draft(draft.id)  # nothing was attached that could block it


def test_a_text_over_its_limit_is_refused_naming_field_and_limit(
    session: Session, visit: Appointment
) -> None:
    p = session.protocols
    draft = p.begin(NOW, appointment_id=visit.id)
    draft.topics = "Wichtiges Thema"
    draft.course = "x" * 20_001
    with pytest.raises(ValidationError, match=r"Gesprächsverlauf: Höchstens 20\.000 Zeichen"):
        p.save_draft(draft)
    assert p.get(draft.id).topics == ""  # nothing of that save was written
    assert p.get(draft.id).revision == draft.revision


def test_a_draft_stored_before_the_limit_opens_saves_unchanged_but_cannot_be_finalized(
    session: Session, visit: Appointment
) -> None:
    p = session.protocols
    draft = p.begin(NOW, appointment_id=visit.id)
    draft.course = "x" * 30_000  # as an older version stored it: no limit on drafts then
    repository(session, ProtocolRepository).save(draft, check=False)
    opened = p.get(draft.id)
    assert len(opened.course) == 30_000  # a limit is never checked on reading
    opened.topics = "Wichtiges Thema"  # another field changes: the long text is kept as it is
    p.save_draft(opened)
    assert p.get(draft.id).topics == "Wichtiges Thema"
    assert len(p.get(draft.id).course) == 30_000
    opened.course += "y"  # the long text itself changes: now it must fit
    with pytest.raises(ValidationError, match="Gesprächsverlauf"):
        p.save_draft(opened)
    with pytest.raises(ValidationError, match="Gesprächsverlauf"):
        p.finalize(draft.id, NOW, session.owner().id)  # type: ignore[union-attr]


def test_an_addendum_over_its_limit_is_refused(session: Session, visit: Appointment) -> None:
    p = session.protocols
    draft = p.begin(NOW, appointment_id=visit.id)
    draft.topics = "Thema"
    p.save_draft(draft)
    by = session.owner().id  # type: ignore[union-attr]
    p.finalize(draft.id, NOW, by)
    with pytest.raises(ValidationError, match=r"Nachtrag: Höchstens 20\.000 Zeichen"):
        p.add_addendum(draft.id, "z" * 20_001, NOW, by)
    assert p.get(draft.id).addenda == []


def test_handover_consent_counts_for_the_client_on_the_day_of_finalizing(
    session: Session, visit: Appointment
) -> None:
    p = session.protocols
    owner = session.owner().id  # type: ignore[union-attr]
    loose = p.begin(NOW, client_id=visit.client_id, met_at=NOW, staff_ids=[owner])
    loose.course, loose.to_main_caseworker = "Verlauf", True
    p.save_draft(loose)
    later = NOW + timedelta(days=1)
    consent = session.consents.prepare(ConsentKind.HANDOVER, NOW, client_id=visit.client_id,
                                       main_caseworker_id=owner)  # fmt: skip
    session.consents.sign(consent.id, GivenHow.PAPER, later)  # signed the day after the meeting
    with pytest.raises(ValidationError, match="Einverständnis"):
        p.finalize(loose.id, NOW, owner)  # not yet given on that day
    assert p.finalize(loose.id, later, owner).is_final  # a protocol without an appointment, too

    expired = p.begin(NOW, appointment_id=visit.id)
    expired.course, expired.to_main_caseworker = "Verlauf", True
    p.save_draft(expired)
    session.consents.revoke(consent.id, later + timedelta(days=1), "telefonisch")
    with pytest.raises(ValidationError, match="Einverständnis"):
        p.finalize(expired.id, later + timedelta(days=2), owner)


def test_presence_consent_recorded_after_the_draft_is_picked_up(
    session: Session, visit: Appointment
) -> None:
    p = session.protocols
    draft = p.begin(NOW, appointment_id=visit.id)
    assert draft.others_present == []
    consent = session.consents.prepare(ConsentKind.PRESENCE, NOW, appointment_id=visit.id,
                                       others_present=[("Olaf Krüger", "Nachbar")])  # fmt: skip
    session.consents.sign(consent.id, GivenHow.PAPER, NOW)
    draft.course = "Verlauf"
    saved = p.save_draft(draft)
    assert [(o.name, o.consent_id) for o in saved.others_present] == [("Olaf Krüger", consent.id)]


def test_database_refuses_addenda_and_countersignatures_on_drafts(
    session: Session, visit: Appointment
) -> None:
    draft = session.protocols.begin(NOW, appointment_id=visit.id)
    owner = session.owner().id  # type: ignore[union-attr]
    conn = vault_of(session).db.connection
    with pytest.raises(sqlcipher3.IntegrityError, match="draft"):
        conn.execute(
            "INSERT INTO protocol_addenda (protocol_id, position, at, by_staff, text)"
            " VALUES (?, 0, '2026-11-20T10:00:00', ?, 'x')", (draft.id, owner),
        )  # fmt: skip
    with pytest.raises(sqlcipher3.IntegrityError, match="draft"):
        conn.execute("UPDATE protocols SET countersigned_by = ?, countersigned_at = ?"
                     " WHERE id = ?", (owner, "2026-11-20T10:00:00", draft.id))  # fmt: skip
    session.protocols.record_anonymous(NOW.date(), Approach.WALK_AND_TALK, 30, [owner])
    with pytest.raises(sqlcipher3.IntegrityError, match="no text"):
        conn.execute("UPDATE anonymous_counselling SET search_text = 'Heike Brandt'")


def test_follow_up_of_a_finalized_protocol_is_kept(session: Session, visit: Appointment) -> None:
    from outreach_desktop.storage.errors import RecordInUse

    p = session.protocols
    owner = session.owner().id  # type: ignore[union-attr]
    draft = p.begin(NOW, appointment_id=visit.id)
    follow = p.plan_follow_up(draft.id, NOW + timedelta(days=14), "Park")
    draft = p.get(draft.id)
    draft.course = "Verlauf"
    p.save_draft(draft)
    p.finalize(draft.id, NOW, owner)
    with pytest.raises(RecordInUse, match="Folgetermin eines abgeschlossenen"):
        repository(session, AppointmentRepository).delete(follow.id)
    with pytest.raises(RecordInUse, match="Protokoll"):
        session.staff.delete(visit.staff_ids[1])


def signed_presence(session: Session, visit: Appointment) -> Consent:
    """Olaf Krüger's presence at the visit, consented on paper an hour before."""
    consent = session.consents.prepare(ConsentKind.PRESENCE, NOW, appointment_id=visit.id,
                                       others_present=[("Olaf Krüger", "Nachbar")])  # fmt: skip
    return session.consents.sign(consent.id, GivenHow.PAPER, visit.start - timedelta(hours=1))


def test_presence_consent_revoked_later_still_documents_the_meeting(
    session: Session, visit: Appointment
) -> None:
    p = session.protocols
    owner = session.owner().id  # type: ignore[union-attr]
    consent = signed_presence(session, visit)
    draft = p.begin(NOW, appointment_id=visit.id)
    draft.course = "Verlauf"
    # revoked two days after the visit: the consent covered the visit itself
    session.consents.revoke(consent.id, visit.start + timedelta(days=2), "telefonisch")
    saved = p.save_draft(draft)
    assert [(o.name, o.consent_id) for o in saved.others_present] == [("Olaf Krüger", consent.id)]
    assert p.finalize(draft.id, NOW + timedelta(days=3), owner).is_final


def test_person_whose_consent_no_longer_counts_stays_listed(
    session: Session, visit: Appointment
) -> None:
    p = session.protocols
    owner = session.owner().id  # type: ignore[union-attr]
    consent = signed_presence(session, visit)
    draft = p.begin(NOW, appointment_id=visit.id)
    draft.course = "Verlauf"
    session.consents.revoke(consent.id, visit.start + timedelta(minutes=5), "vor Ort")  # same day
    saved = p.save_draft(draft)
    assert [(o.name, o.consent_id) for o in saved.others_present] == [("Olaf Krüger", None)]
    with pytest.raises(ValidationError, match="Einverständnis dokumentiert"):
        p.finalize(draft.id, NOW, owner)


def test_appointments_are_found_by_client_and_place(session: Session, visit: Appointment) -> None:
    walk = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, NOW + timedelta(days=3), client_id=visit.client_id,
        place="Bahnhof, Haupteingang", staff_ids=visit.staff_ids))  # fmt: skip
    hits = session.protocols.search("Voß Bahnhof")
    assert [(h.kind, h.ref) for h in hits] == [("appointment", walk.id)]
    assert hits[0].title_marked("[", "]") == "Ute [Voß]"
    client = session.clients.get(visit.client_id)  # type: ignore[arg-type]
    client.display_name = "Ute Brandt"
    session.clients.save(client)
    assert [h.ref for h in session.protocols.search("Brandt Bahnhof")] == [walk.id]
    assert session.protocols.search("Voß Bahnhof") == []


def test_finalizing_the_protocol_meets_the_documentation_item(
    session: Session, visit: Appointment
) -> None:
    def item_state() -> str:
        status = session.workflow.state(visit.id, NOW.date()).status
        return next(s.state.value for s in status.items if s.item.id == "dp.memory_protocol")

    assert item_state() == "open"
    draft = session.protocols.begin(NOW, appointment_id=visit.id)
    draft.course = "An der Tür."
    session.protocols.save_draft(draft)
    assert item_state() == "open"  # a draft is not yet the documentation
    session.protocols.finalize(draft.id, NOW, session.owner().id)  # type: ignore[union-attr]
    assert item_state() == "done"


def test_a_follow_up_planned_in_the_appointment_window_shows_in_the_protocol(
    session: Session, visit: Appointment
) -> None:
    from outreach_desktop.services.protocol_views import Labelled, view

    draft = session.protocols.begin(NOW, appointment_id=visit.id)
    before = view(session, draft.id)
    assert before.follow_up is None and before.facts.follow_up.text == "keiner"
    planned = session.workflow.follow_up(visit.id, datetime(2026, 12, 9, 11, 0), "Jobcenter Lüchow")
    after = view(session, draft.id)
    assert after.follow_up is not None and after.follow_up.id == planned.id
    assert after.facts.follow_up == Labelled("Folgetermin", "09.12.2026 11:00, Jobcenter Lüchow")


def test_the_protocol_view_is_typed_and_reads_in_print_order(
    session: Session, visit: Appointment
) -> None:
    from outreach_desktop.services.protocol_views import view

    draft = session.protocols.begin(NOW, appointment_id=visit.id)
    draft.course = "Verlauf"
    session.protocols.save_draft(draft)
    v = view(session, draft.id)
    assert [label for label, _text in v.facts.rows()] == [
        "Kundin/Kunde", "Gespräch am", "Ergebnis", "Geschrieben am", "Mitarbeitende",
        "Weitere Anwesende", "Weiterleitung", "Folgetermin", "Erfolg",
    ]  # fmt: skip
    assert v.facts.others_present.text == "keine"
    assert v.facts.routing.text == "Eintrag in VerBIS"  # the default routing
    assert [s.field for s in v.sections][:3] == ["place", "topics", "course"]
    filled = [(s.field, s.text) for s in v.filled_sections()]
    assert filled[-1] == ("course", "Verlauf") and all(text.strip() for _f, text in filled)
    assert v.rows()[-1] == ("Gesprächsverlauf", "Verlauf")


def test_new_protocol_and_anonymous_counselling_may_get_a_given_id(
    session: Session, visit: Appointment
) -> None:
    """The demo data fixes ids so that a seed gives the same records."""
    owner = session.owner().id  # type: ignore[union-attr]
    draft = session.protocols.begin(NOW, appointment_id=visit.id, protocol_id="p-fixed")
    assert draft.id == "p-fixed" and session.protocols.get("p-fixed").client_id
    anonymous = session.protocols.record_anonymous(
        DAY, Approach.WALK_AND_TALK, 30, [owner], counselling_id="a-fixed"
    )
    assert anonymous.id == "a-fixed"
    assert [a.id for a in session.protocols.anonymous_counselling()] == ["a-fixed"]
