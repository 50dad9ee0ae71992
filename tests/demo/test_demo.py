"""Demo data: deterministic for seed and day, all approaches, something for today, and every
workflow screen populated (calls, letters, answers in every phase, outcomes, links)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from outreach_desktop.demo import fill_demo
from outreach_desktop.domain.checklists import ItemKind, Phase
from outreach_desktop.domain.conduct import BrokenOffBy
from outreach_desktop.domain.home_visit import CallOutcome
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.today import today_overview
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.storage.workflow_repo import WorkflowRepository
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import repository, vault_of

DAY = date(2025, 3, 12)  # a Wednesday


def demo_vault(path: Path, seed: int, clients: int = 12, day: date = DAY) -> Session:
    session = create_vault(path, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    fill_demo(session, clients=clients, seed=seed, today=day)
    return session


STAMPS = ("created_at", "updated_at", "origin_device")  # when and where a row was written
# the exchange's bookkeeping (schema 8): the vault's keys, what went to the office, the logs;
# written by the exchange, never by the demo
EXCHANGE = {"identities", "agency", "exported", "bundle_sequences", "imported_bundles", "devices",
            "inbox", "transfer_marks", "conflicts", "sync_log", "deletion_log"}  # fmt: skip
# the statistics' facts (schema 19): made from the tables above by triggers (tested equal to
# their views), their staff lists sorted by id — and the owner's id differs between vaults
DERIVED = {"statistics_facts", "statistics_answers"}
PDF_STAMPS = re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)|/ID \s*\[<[0-9a-f]+><[0-9a-f]+>\]")


def snapshot(session: Session) -> dict[str, list[str]]:
    """Every row of every table the demo writes, as text. Left out is only what the demo does
    not decide: the write stamps, the vault's own ids (its device, its owner), the ids the
    vault draws for call attempts, the statistics' facts derived from the rest, and the
    creation time (and the ID made from it) the PDF library stamps into a form signed on
    screen."""
    db, owner = vault_of(session).db, session.owner()
    assert owner is not None
    own = {vault_of(session).device_id: "<device>", owner.id: "<owner>"}
    own |= {str(r[0]): "<call>" for r in db.execute("SELECT id FROM call_attempts")}
    tables = [
        str(r[0])
        for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if str(r[0]) not in {"meta", *EXCHANGE, *DERIVED}
        and not str(r[0]).startswith("search_index")
    ]

    def text(value: object) -> str:
        if isinstance(value, bytes):
            return PDF_STAMPS.sub(b"", value).hex()
        shown = str(value)
        for key, name in own.items():
            shown = shown.replace(key, name)
        return shown

    dump = {}
    for table in sorted(tables):
        rows = db.execute(f"SELECT * FROM {table}")
        columns = [c for c in (rows[0].keys() if rows else []) if c not in STAMPS]
        dump[table] = sorted("|".join(f"{c}={text(r[c])}" for c in columns) for r in rows)
    return dump


def test_same_seed_and_day_give_same_data(tmp_path: Path) -> None:
    a = demo_vault(tmp_path / "a", seed=3)
    b = demo_vault(tmp_path / "b", seed=3)
    c = demo_vault(tmp_path / "c", seed=4)
    try:
        first = snapshot(a)
        assert first == snapshot(b)
        assert first != snapshot(c)
        # every table the demo writes to is in it, signed consent forms included
        empty = [t for t, rows in first.items() if not rows]  # the demo saves no PDF
        assert empty == ["saved_pdfs", "text_templates"]
        assert any("signed_pdf=255044462d" in row for row in first["consents"])
        assert vault_of(a).slots.vault_id != vault_of(b).slots.vault_id
    finally:
        for s in (a, b, c):
            s.lock()


def test_all_approaches_and_appointments_today(session: Session) -> None:
    summary = fill_demo(session, clients=30, seed=1, today=DAY)
    assert summary.clients == session.clients.count() == 30
    assert summary.staff == session.staff.count() == 5  # the existing owner plus four
    assert summary.third_parties == session.third_parties.count() == 7
    assert summary.appointments == session.appointments.count()
    appointments = session.appointments.search("", limit=-1)
    assert {a.approach for a in appointments} == set(Approach)
    assert any(a.is_anonymous for a in appointments)
    today = session.appointments.on_day(DAY)
    assert today
    assert all(v.staff_names and all(v.staff_names) for v in today)
    for appointment in appointments:
        appointment.validate()
    assert session.check() == []


def test_demo_keeps_one_owner(session: Session) -> None:
    owner = session.owner()
    fill_demo(session, clients=2, seed=9, today=DAY)
    assert session.owner() == owner
    assert sum(s.is_owner for s in session.staff.all()) == 1


def rows(session: Session, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in vault_of(session).db.execute(sql)]


def test_determinism_covers_the_workflows(tmp_path: Path) -> None:
    a = demo_vault(tmp_path / "a", seed=3)
    b = demo_vault(tmp_path / "b", seed=3)
    try:
        for table in ("call_attempts", "letters", "checklist_answers", "conducts", "consents"):
            count = f"SELECT count(*) FROM {table}"
            assert vault_of(a).db.scalar(count) == vault_of(b).db.scalar(count) > 0, table
        assert snapshot(a) == snapshot(b)
        fill_demo(a, clients=4, seed=3, today=DAY)  # a second run: new data, still valid
        assert snapshot(a) != snapshot(b)
        assert a.check() == []
    finally:
        a.lock()
        b.lock()


def test_workflows_are_populated(session: Session) -> None:
    summary = fill_demo(session, clients=12, seed=2, today=DAY)
    wf = session.workflow
    appointments = session.appointments.search("", limit=-1)
    assert summary.appointments == len(appointments)
    by_id = {a.id: a for a in appointments}

    # home visits: failed calls and one reached, letters sent
    calls = rows(session, "SELECT appointment_id, outcome FROM call_attempts")
    assert summary.calls == len(calls)
    outcomes = [CallOutcome(o) for _a, o in calls]
    assert CallOutcome.REACHED in outcomes
    assert sum(o is not CallOutcome.REACHED for o in outcomes) >= 4
    assert all(by_id[str(a)].approach is Approach.HOME_VISIT for a, _o in calls)
    letters = rows(session, "SELECT kind, sent_on FROM letters")
    assert summary.letters == len(letters)
    assert {k for k, _d in letters} == {"announcement", "reminder"}
    assert all(date.fromisoformat(str(d)) < DAY for _k, d in letters)

    # letters due on the demo day, one of them due that very day
    due = wf.letters_due(DAY)
    assert {w.kind.value for _a, w in due} == {"announcement", "reminder"}
    assert any(w.due == DAY for _a, w in due)

    # checklist answers in every phase, with success measures
    answers = rows(session, "SELECT appointment_id, item_id FROM checklist_answers")
    assert summary.answers == len(answers)
    phases: set[Phase] = set()
    success = 0
    for appointment_id, item_id in answers:
        checklist_item = next(
            i
            for c in wf.checklist_set.for_approach(by_id[str(appointment_id)].approach)
            for i in c.items
            if i.id == item_id
        )
        phases.add(checklist_item.phase)
        success += checklist_item.success
        assert checklist_item.kind not in (ItemKind.FACT, ItemKind.CONSENT)
    assert phases == set(Phase)
    assert success >= 3

    # each outcome, through the conduct records
    statuses = {a.status for a in appointments}
    assert statuses >= {
        AppointmentStatus.PLANNED, AppointmentStatus.IN_PROGRESS, AppointmentStatus.DONE,
        AppointmentStatus.ENDED_AT_DOOR, AppointmentStatus.BROKEN_OFF, AppointmentStatus.NOT_MET,
        AppointmentStatus.POSTPONED, AppointmentStatus.CANCELLED,
    }  # fmt: skip
    conducts = {
        c.appointment_id: c
        for c in (repository(session, WorkflowRepository).conduct(a.id) for a in appointments)
    }
    for a in appointments:
        if a.status.is_outcome:
            assert conducts[a.id].outcome is a.status
    broken = next(a for a in appointments if a.status is AppointmentStatus.BROKEN_OFF)
    assert conducts[broken.id].broken_off_by is BrokenOffBy.CLIENT
    assert conducts[broken.id].outcome_reason
    inside = [a for a in appointments if conducts[a.id].entered_home_at is not None]
    assert inside and all(a.approach is Approach.HOME_VISIT for a in inside)
    assert any(conducts[a.id].others_present_at for a in appointments)
    assert summary.outcomes == sum(a.status.is_outcome for a in appointments)

    # a relocation and follow-ups link to their predecessors
    relocated = [a for a in appointments if a.relocated_from_id]
    assert len(relocated) == 1
    old = by_id[relocated[0].relocated_from_id or ""]
    assert old.status is AppointmentStatus.POSTPONED and relocated[0].place != old.place
    follow_ups = [a for a in appointments if a.predecessor_id]
    assert len(follow_ups) >= 3
    assert all(a.predecessor_id in by_id and a.start.date() > DAY for a in follow_ups)

    # consents only where the demo says so, and they count
    consents = rows(session, "SELECT kind FROM consents")
    assert summary.consents == len(consents)
    assert {"home-visit", "presence"} <= {str(k) for (k,) in consents}

    for a in appointments:
        a.validate()
    assert session.check() == []


def test_every_today_screen_is_populated(session: Session) -> None:
    fill_demo(session, clients=8, seed=5, today=DAY)
    overview = today_overview(session, DAY)
    assert overview.today and overview.upcoming and overview.letters_due
    assert overview.follow_up_open and overview.overdue
    # today: partial checklist progress, one in progress after the planned ones
    assert all(0 < e.done < e.total for e in overview.today)
    statuses = [e.view.appointment.status for e in overview.today]
    assert statuses[0] is AppointmentStatus.PLANNED
    assert AppointmentStatus.IN_PROGRESS in statuses
    in_progress = next(
        e.view.appointment for e in overview.today
        if e.view.appointment.status is AppointmentStatus.IN_PROGRESS
    )  # fmt: skip
    done, total = session.workflow.state(in_progress.id, DAY).progress(Phase.ON_SITE)
    assert 0 < done < total
    # overdue: past and planned, without an outcome
    for view in overview.overdue:
        assert view.appointment.start.date() < DAY
        assert repository(session, WorkflowRepository).conduct(view.appointment.id).outcome is None


@pytest.mark.parametrize("offset", range(7))
def test_any_weekday_works(tmp_path: Path, offset: int) -> None:
    """Weekends move letters and visits; every day of the week still gives the full picture."""
    day = DAY + timedelta(days=offset)
    session = demo_vault(tmp_path / "v", seed=offset, clients=6, day=day)
    try:
        overview = today_overview(session, day)
        assert overview.today and overview.letters_due and overview.overdue
        assert overview.follow_up_open
        assert session.check() == []
    finally:
        session.lock()


@pytest.mark.parametrize("clients", [0, 1])
def test_few_clients(session: Session, clients: int) -> None:
    summary = fill_demo(session, clients=clients, seed=6, today=DAY)
    assert summary.clients == clients
    assert summary.appointments == session.appointments.count()
    assert session.check() == []


def test_demo_has_consents_in_every_state(session: Session) -> None:
    import io

    import pypdf

    from outreach_desktop.domain.consents import ConsentKind, ConsentState, GivenHow

    fill_demo(session, clients=25, seed=1, today=DAY)
    consents = session.consents.all()
    assert {c.state for c in consents} == set(ConsentState)
    assert {c.given_how for c in consents if c.given_how} == set(GivenHow)
    revoked = [c for c in consents if c.state is ConsentState.REVOKED]
    assert any(c.kind is ConsentKind.CONFIDENTIALITY_RELEASE for c in revoked)
    screen = next(c for c in consents if c.given_how is GivenHow.SCREEN)
    reader = pypdf.PdfReader(io.BytesIO(screen.signed_pdf or b""))
    assert any(page.images for page in reader.pages)


def test_demo_writes_protocols_and_anonymous_counselling(session: Session) -> None:
    fill_demo(session, clients=25, seed=1, today=DAY)
    protocols = session.protocols.all()
    assert any(p.is_final and p.addenda for p in protocols)
    assert any(not p.is_final for p in protocols)
    assert len(session.protocols.anonymous_counselling()) == 2
    overview = today_overview(session, DAY)
    with_protocol = session.protocols.appointments_with_protocol()
    assert all(v.appointment.id not in with_protocol for v in overview.without_protocol)
    drafts = [p for p in protocols if not p.is_final]
    assert [d.protocol_id for d in overview.drafts] == [
        p.id for p in sorted(drafts, key=lambda p: p.met_at)
    ]
    assert all(d.client_name and d.topics for d in overview.drafts)


def test_heute_read_in_bulk_matches_reading_one_by_one(session: Session) -> None:
    """Heute reads answers, calls, letters and conducts of all its appointments at once; the
    progress it shows must equal what each appointment's own window computes."""
    fill_demo(session, clients=25, seed=3, today=DAY)
    overview = today_overview(session, DAY)
    entries = [*overview.today, *overview.upcoming]
    assert len(entries) > 5 and overview.follow_up_open
    for entry in entries:
        state = session.workflow.state(entry.view.appointment.id, DAY)
        assert (entry.done, entry.total) == state.progress(None)
    for entry in overview.follow_up_open:
        state = session.workflow.state(entry.view.appointment.id, DAY)
        assert (entry.done, entry.total) == state.progress(Phase.FOLLOW_UP)
    assert session.workflow._repo._cache is None  # nothing stays cached after the overview
