"""Nachbereitung abschließen and the MAP through the services, on a real vault: the close step
refuses with the open items, is kept once taken; *Heute* lists the follow-up as open until it
is closed, however old; documentation at the MAP replaces the memory protocol there too."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import ItemState, Transition
from outreach_desktop.domain.conduct import BrokenOffBy, RuleBlocked
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.today import today_overview
from testkit.exchange import as_sent, db_of, send_and_acknowledge

TODAY = date(2026, 11, 25)
LONG_AGO = datetime.combine(TODAY - timedelta(days=90), time(10))  # far beyond any 30 days
DAY = timedelta(days=1)


@pytest.fixture
def client(session: Session) -> Client:
    return session.clients.save(Client(display_name="Heike Voß", address="Lindenweg 4"))


def broken_off(session: Session, client: Client, start: datetime = LONG_AGO) -> Appointment:
    owner = session.owner()
    assert owner is not None
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, start, client_id=client.id, place="Kirchplatz",
        staff_ids=[owner.id],
    ))  # fmt: skip
    session.workflow.step(a.id, Transition.START, start)
    session.workflow.finish(a.id, AppointmentStatus.BROKEN_OFF, start + timedelta(minutes=30),
                            broken_off_by=BrokenOffBy.CLIENT)  # fmt: skip
    return a


def open_ids(session: Session) -> list[str]:
    return [e.view.appointment.id for e in today_overview(session, TODAY).follow_up_open]


def test_close_refuses_with_the_open_items_then_is_kept(session: Session, client: Client) -> None:
    wf, a = session.workflow, broken_off(session, client)
    later = LONG_AGO + timedelta(hours=5)
    with pytest.raises(RuleBlocked) as refused:
        wf.close(a.id, later)
    reasons = " ".join(refused.value.reasons)
    assert "Gedächtnisprotokoll" in reasons and "Ergebnisse informiert" in reasons
    assert wf.state(a.id, TODAY).conduct.closed_at is None

    state = wf.document_at_map(a.id, "Erika Muster", later)
    assert (state.conduct.map_documented_by, state.conduct.map_documented_at) == (
        "Erika Muster", later)  # fmt: skip
    close = state.options.step(Transition.CLOSE)
    assert close is not None and not close.allowed
    assert [m for m in close.messages if "Gedächtnisprotokoll" in m] == []
    assert [m for m in close.messages if "VerBIS" in m] == []  # met by the MAP, no second tick
    wf.answer(a.id, "dp.results_communicated", True, later)
    closed = wf.close(a.id, later + timedelta(minutes=1))
    assert closed.conduct.closed_at == later + timedelta(minutes=1)
    assert wf.state(a.id, TODAY).conduct.closed_at == later + timedelta(minutes=1)  # stored
    with pytest.raises(RuleBlocked, match="bereits abgeschlossen"):
        wf.close(a.id, later + timedelta(minutes=2))


def test_the_map_is_refused_before_an_outcome(session: Session, client: Client) -> None:
    owner = session.owner()
    assert owner is not None
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, LONG_AGO, client_id=client.id, place="Markt",
        staff_ids=[owner.id],
    ))  # fmt: skip
    with pytest.raises(ValidationError, match="noch kein Ergebnis"):
        session.workflow.document_at_map(a.id, "Erika", LONG_AGO)
    assert session.workflow.state(a.id, TODAY).conduct.map_documented_at is None


def test_heute_keeps_the_follow_up_open_until_it_is_closed(
    session: Session, client: Client
) -> None:
    wf, a = session.workflow, broken_off(session, client)
    later = LONG_AGO + timedelta(hours=5)
    assert a.id in open_ids(session)  # 90 days old: no cut-off hides it
    assert a.id in [v.appointment.id for v in today_overview(session, TODAY).without_protocol]
    wf.document_at_map(a.id, "Erika Muster", later)
    wf.answer(a.id, "dp.results_communicated", True, later)
    overview = today_overview(session, TODAY)
    assert a.id in [e.view.appointment.id for e in overview.follow_up_open]  # met, not closed
    assert a.id not in [v.appointment.id for v in overview.without_protocol]  # the MAP did it
    wf.close(a.id, later)
    assert a.id not in open_ids(session)


def test_the_offices_receipt_meets_the_verbis_and_eakte_items(
    session: Session, client: Client
) -> None:
    """What the office marks (entered into VerBIS, noted in the e-Akte, benefits informed) and
    acknowledges in its receipt meets the laptop's items for the same entry: no second tick."""
    owner = session.owner()
    assert owner is not None
    school = session.third_parties.save(ThirdParty(name="Oberschule am Wall"))
    a = session.appointments.save(Appointment.plan(
        Approach.ACCOMPANIMENT, LONG_AGO, client_id=client.id, place="Schultor",
        third_party_id=school.id, staff_ids=[owner.id],
    ))  # fmt: skip
    wf, later = session.workflow, LONG_AGO + timedelta(hours=3)
    wf.finish(a.id, AppointmentStatus.BROKEN_OFF, LONG_AGO, broken_off_by=BrokenOffBy.STAFF)
    wf.answer(a.id, "acc.benefit_relevant", True, later)
    draft = session.protocols.begin(later, appointment_id=a.id)
    draft.course, draft.benefit_relevant = "Abgebrochen am Schultor.", True
    session.protocols.save_draft(draft)
    protocol = session.protocols.finalize(draft.id, later, owner.id)
    items = ("acc.verbis_documented", "acc.eakte_informed")

    def states() -> list[ItemState]:
        status = wf.state(a.id, TODAY).status
        return [s.state for s in (status.find(i) for i in items) if s is not None]

    assert states() == [ItemState.OPEN, ItemState.OPEN]
    send_and_acknowledge(db_of(session), [as_sent("protocols", protocol)])
    assert states() == [ItemState.DONE, ItemState.DONE]
    with wf.preloaded([a.id]):  # Heute's bulk load says the same
        assert states() == [ItemState.DONE, ItemState.DONE]
    assert wf.answers(a.id).keys() == {"acc.benefit_relevant"}  # nothing ticked on the laptop


def test_the_open_follow_ups_are_read_without_the_closed_ones(
    session: Session, client: Client
) -> None:
    """Heute reads only what is open: years of closed follow-ups are left out in SQL."""
    wf, statuses = session.workflow, [AppointmentStatus.BROKEN_OFF, AppointmentStatus.DONE]
    old, newer = broken_off(session, client), broken_off(session, client, LONG_AGO + DAY)
    tomorrow = datetime.combine(TODAY + timedelta(days=1), time.min)
    assert [a.id for a in session.appointments.open_follow_ups(statuses, tomorrow)] == [
        old.id, newer.id,
    ]  # fmt: skip
    wf.document_at_map(old.id, "Erika Muster", LONG_AGO + timedelta(hours=5))
    wf.answer(old.id, "dp.results_communicated", True, LONG_AGO + timedelta(hours=5))
    wf.close(old.id, LONG_AGO + timedelta(hours=6))
    assert [a.id for a in session.appointments.open_follow_ups(statuses, tomorrow)] == [newer.id]
    assert session.appointments.open_follow_ups([AppointmentStatus.DONE], tomorrow) == []
    assert session.appointments.open_follow_ups(statuses, LONG_AGO) == []  # before `end` only
