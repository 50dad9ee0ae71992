"""The approach workflows through the services: planning, timeline, conduct with hard rules."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import ItemState, Phase, Transition
from outreach_desktop.domain.conduct import BrokenOffBy, ReasonCode, RuleBlocked, StepOption
from outreach_desktop.domain.consents import AccompanimentScope, ConsentKind, GivenHow
from outreach_desktop.domain.errors import DomainError, ValidationError
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome, LetterKind
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session

TODAY = date(2026, 11, 2)
VISIT = datetime.combine(TODAY + timedelta(days=30), time(10))  # Wednesday 02.12.2026


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour))


@pytest.fixture
def client(session: Session) -> Client:
    return session.clients.save(
        Client(display_name="Heike Voß", address="Lindenweg 4\n29439 Lüchow")
    )


def plan(
    session: Session, approach: Approach, client: Client | None, **fields: object
) -> Appointment:
    owner = session.owner()
    assert owner is not None
    fields.setdefault("staff_ids", [owner.id])
    fields.setdefault("place", "" if approach is Approach.HOME_VISIT else "Kirchplatz")
    return session.appointments.save(
        Appointment.plan(
            approach, fields.pop("start", VISIT), client_id=client.id if client else None, **fields
        )  # type: ignore[arg-type]
    )


def add_consent(
    session: Session, a: Appointment, kind: str, third_party_id: str | None = None
) -> None:
    """A consent signed on paper, through the consent service."""
    details: dict[str, object] = {}
    if kind == "presence":
        details["others_present"] = [("Sabine Krüger", "Schwester")]
    if kind == "accompaniment":
        details["scope"] = AccompanimentScope.TO_DOOR
    if kind == "confidentiality-release":
        details.update(
            third_party_id=third_party_id,
            purpose="Absprache zur Ausbildung",
            valid_until=TODAY + timedelta(days=365),
        )
    consent = session.consents.prepare(ConsentKind(kind), at(TODAY), appointment_id=a.id, **details)
    session.consents.sign(consent.id, GivenHow.PAPER, at(TODAY))


def test_home_visit_from_calls_to_the_door(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.HOME_VISIT, client)
    state = wf.state(a.id, TODAY)
    assert any("zu zweit" in w for w in state.warnings)
    assert state.facts["failed_calls_enough"] is False
    assert state.timeline is not None and not state.timeline.can_announce

    for hour in (9, 14):
        wf.log_call(a.id, CallAttempt(at(TODAY, hour), CallOutcome.NO_ANSWER))
    state = wf.state(a.id, TODAY)
    assert state.facts["failed_calls_enough"] is True
    assert state.status.find("hv.failed_calls").state is ItemState.DONE  # type: ignore[union-attr]

    opens = VISIT.date() - timedelta(days=28)
    assert wf.letters_due(opens - timedelta(days=1)) == []
    due = wf.letters_due(opens)
    assert [(x.id, w.kind) for x, w in due] == [(a.id, LetterKind.ANNOUNCEMENT)]
    wf.set_letter_sent(a.id, LetterKind.ANNOUNCEMENT, opens)
    assert wf.letters_due(opens) == []
    reminder_day = VISIT.date() - timedelta(days=14)
    assert [w.kind for _x, w in wf.letters_due(reminder_day)] == [LetterKind.REMINDER]
    wf.set_letter_sent(a.id, LetterKind.REMINDER, reminder_day)
    assert wf.state(a.id, reminder_day).facts["reminder_sent"] is True

    wf.step(a.id, Transition.START, VISIT)
    with pytest.raises(RuleBlocked) as blocked:
        wf.step(a.id, Transition.ENTER_HOME, VISIT + timedelta(minutes=5))
    assert "Einverständniserklärung" in str(blocked.value)
    assert "an der Tür" in str(blocked.value)
    assert wf.state(a.id, VISIT.date()).conduct.entered_home_at is None

    with pytest.raises(ValidationError, match="an der Tür beendet"):
        wf.finish(a.id, AppointmentStatus.DONE, VISIT + timedelta(minutes=20))
    state = wf.finish(a.id, AppointmentStatus.ENDED_AT_DOOR, VISIT + timedelta(minutes=20))
    assert state.appointment.status is AppointmentStatus.ENDED_AT_DOOR
    assert state.conduct.started_at == VISIT
    assert session.appointments.get(a.id).status is AppointmentStatus.ENDED_AT_DOOR


def test_enough_failed_calls_is_the_timelines_rule(session: Session, client: Client) -> None:
    """The checklist's "several calls failed" and the timeline's "may announce" are one rule:
    calls count up to the day the announcement was sent (before that, up to today)."""
    wf = session.workflow
    a = plan(session, Approach.HOME_VISIT, client)
    sent = VISIT.date() - timedelta(days=28)
    wf.log_call(a.id, CallAttempt(at(sent - timedelta(days=3)), CallOutcome.NO_ANSWER))
    wf.set_letter_sent(a.id, LetterKind.ANNOUNCEMENT, sent)
    wf.log_call(a.id, CallAttempt(at(sent + timedelta(days=1)), CallOutcome.BUSY))  # too late
    for today in (sent, sent + timedelta(days=2)):
        state = wf.state(a.id, today)
        assert state.timeline is not None and not state.timeline.can_announce
        assert state.facts["failed_calls_enough"] is False
        assert state.status.find("hv.failed_calls").state is ItemState.OPEN  # type: ignore[union-attr]
    wf.set_letter_sent(a.id, LetterKind.ANNOUNCEMENT, None)  # not sent: count up to today
    assert wf.state(a.id, sent).facts["failed_calls_enough"] is False  # the busy call is later
    state = wf.state(a.id, sent + timedelta(days=2))
    assert state.timeline is not None and state.timeline.can_announce
    assert state.facts["failed_calls_enough"] is True


def test_home_visit_with_consent_goes_inside(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.HOME_VISIT, client)
    add_consent(session, a, "home-visit")
    wf.step(a.id, Transition.START, VISIT)
    state = wf.step(a.id, Transition.ENTER_HOME, VISIT + timedelta(minutes=3))
    assert state.conduct.entered_home_at == VISIT + timedelta(minutes=3)
    assert state.status.find("hv.written_consent").state is ItemState.DONE  # type: ignore[union-attr]
    wf.finish(a.id, AppointmentStatus.DONE, VISIT + timedelta(hours=1))
    with pytest.raises(ValidationError, match="bereits ein Ergebnis"):
        wf.finish(
            a.id,
            AppointmentStatus.BROKEN_OFF,
            VISIT + timedelta(hours=2),
            broken_off_by=BrokenOffBy.CLIENT,
            reason="x",
        )


def test_walk_and_talk_first_meeting_asks_for_recognition_and_id(
    session: Session, client: Client
) -> None:
    wf = session.workflow
    plain = plan(session, Approach.WALK_AND_TALK, client)
    first = plan(session, Approach.WALK_AND_TALK, client, first_meeting=True)
    assert (
        wf.state(plain.id, TODAY).status.find("dp.recognition_sign").state
        is ItemState.NOT_APPLICABLE
    )  # type: ignore[union-attr]
    status = wf.state(first.id, TODAY).status
    assert status.find("dp.recognition_sign").state is ItemState.OPEN  # type: ignore[union-attr]
    assert status.find("dp.id_documents_requested").state is ItemState.OPEN  # type: ignore[union-attr]
    done, total = status.progress(Phase.PREPARATION)
    wf.answer(first.id, "dp.recognition_sign", "Rote Mütze, Bank am Brunnen", at(TODAY))
    status = wf.state(first.id, TODAY).status
    assert status.find("dp.recognition_sign").state is ItemState.DONE  # type: ignore[union-attr]
    assert status.progress(Phase.PREPARATION) == (done + 1, total)
    answer = status.find("dp.recognition_sign").answer  # type: ignore[union-attr]
    assert answer is not None and answer.answered_at == at(TODAY)


def test_accompaniment_without_consent_cannot_start(session: Session, client: Client) -> None:
    wf = session.workflow
    school = session.third_parties.save(ThirdParty(name="Oberschule am Wall"))
    a = plan(session, Approach.ACCOMPANIMENT, client, third_party_id=school.id)
    with pytest.raises(RuleBlocked) as blocked:
        wf.step(a.id, Transition.START, VISIT)
    assert any("ausdrücklichem Einverständnis" in r for r in blocked.value.reasons)
    add_consent(session, a, "accompaniment")
    wf.step(a.id, Transition.START, VISIT)
    # talking to the school without the client needs a release naming the school
    with pytest.raises(RuleBlocked, match="Schweigepflichtentbindung"):
        wf.step(a.id, Transition.THIRD_PARTY_ALONE, VISIT + timedelta(minutes=30))
    other = session.third_parties.save(ThirdParty(name="Kanzlei"))
    add_consent(session, a, "confidentiality-release", other.id)
    with pytest.raises(RuleBlocked):
        wf.step(a.id, Transition.THIRD_PARTY_ALONE, VISIT + timedelta(minutes=30))
    add_consent(session, a, "confidentiality-release", school.id)
    state = wf.step(a.id, Transition.THIRD_PARTY_ALONE, VISIT + timedelta(minutes=30))
    assert state.conduct.third_party_alone_at is not None


def step_option(session: Session, a: Appointment, transition: Transition) -> StepOption:
    option = session.workflow.state(a.id, VISIT.date()).options.step(transition)
    assert option is not None, f"{transition} is not offered"
    return option


def test_others_present_need_documented_consent(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.WALK_AND_TALK, client)
    wf.step(a.id, Transition.START, VISIT)
    wf.answer(a.id, "dp.others_present", True, VISIT)
    blocked = step_option(session, a, Transition.OTHERS_PRESENT)
    assert [r.code for r in blocked.reasons] == [ReasonCode.CONSENT_MISSING]
    assert "weitere personen dürfen" in blocked.messages[0].lower()
    add_consent(session, a, "presence")
    assert step_option(session, a, Transition.OTHERS_PRESENT).allowed


def test_ending_is_always_possible_breaking_off_needs_who_not_why(
    session: Session, client: Client
) -> None:
    wf = session.workflow
    a = plan(session, Approach.WALK_AND_TALK, client)
    wf.step(a.id, Transition.START, VISIT)
    with pytest.raises(ValidationError) as info:
        wf.finish(a.id, AppointmentStatus.BROKEN_OFF, VISIT + timedelta(minutes=10))
    assert set(info.value.fields) == {"broken_off_by"}  # a reason is offered, never required
    state = wf.finish(
        a.id,
        AppointmentStatus.BROKEN_OFF,
        VISIT + timedelta(minutes=10),
        broken_off_by=BrokenOffBy.CLIENT,
        reason="Kundin fühlte sich unwohl",
    )
    assert state.conduct.broken_off_by is BrokenOffBy.CLIENT
    assert state.conduct.outcome_reason == "Kundin fühlte sich unwohl"
    with pytest.raises(RuleBlocked, match="wurde abgebrochen"):
        wf.step(a.id, Transition.OTHERS_PRESENT, VISIT + timedelta(minutes=11))


def test_breaking_off_without_a_reason_is_recorded(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.WALK_AND_TALK, client)
    wf.step(a.id, Transition.START, VISIT)
    state = wf.finish(
        a.id, AppointmentStatus.BROKEN_OFF, VISIT + timedelta(minutes=5),
        broken_off_by=BrokenOffBy.STAFF,
    )  # fmt: skip
    assert state.conduct.outcome is AppointmentStatus.BROKEN_OFF
    assert state.conduct.outcome_reason == ""


def test_unsuitable_place_makes_a_linked_new_appointment(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.WALK_AND_TALK, client)
    wf.step(a.id, Transition.START, VISIT)
    new = wf.relocate(a.id, VISIT + timedelta(days=7), "Stadtpark, Eingang Nord", VISIT)
    assert new.relocated_from_id == a.id and new.status is AppointmentStatus.PLANNED
    assert new.client_id == a.client_id and new.staff_ids == a.staff_ids
    old = session.appointments.get(a.id)
    assert old.status is AppointmentStatus.POSTPONED
    state = wf.state(a.id, VISIT.date())
    assert "Ort ungeeignet" in state.conduct.outcome_reason
    assert state.options.finished  # what hides the GUI's button is what the service refuses
    with pytest.raises(DomainError, match="Nur ein geplanter oder laufender"):
        wf.relocate(a.id, VISIT + timedelta(days=8), "Rathaus", VISIT)


def test_follow_up_links_to_its_predecessor(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.WALK_AND_TALK, client, first_meeting=True)
    assert wf.state(a.id, TODAY).facts["follow_up_planned"] is False
    follow = wf.follow_up(a.id, VISIT + timedelta(days=14))
    assert follow.predecessor_id == a.id and not follow.first_meeting
    assert wf.state(a.id, TODAY).facts["follow_up_planned"] is True


def test_client_cancellation_cancels_the_visit_and_its_letters(
    session: Session, client: Client
) -> None:
    wf = session.workflow
    a = plan(session, Approach.HOME_VISIT, client)
    opens = VISIT.date() - timedelta(days=28)
    assert wf.letters_due(opens)
    wf.finish(a.id, AppointmentStatus.CANCELLED, at(opens), reason="Absage per Telefon")
    assert wf.letters_due(opens) == []
    state = wf.state(a.id, opens)
    assert state.timeline is not None and state.timeline.cancelled


def test_answers_are_checked(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(
        session,
        Approach.ACCOMPANIMENT,
        client,
        third_party_id=session.third_parties.save(ThirdParty(name="Amt")).id,
    )
    with pytest.raises(DomainError, match="keinen Punkt"):
        wf.answer(a.id, "hv.written_consent", True, at(TODAY))
    with pytest.raises(ValidationError, match="ermittelt"):
        wf.answer(a.id, "acc.third_party", True, at(TODAY))
    with pytest.raises(ValidationError, match="ja oder nein"):
        wf.answer(a.id, "dp.others_present", "vielleicht", at(TODAY))
    with pytest.raises(ValidationError, match="Möglichkeiten"):
        wf.answer(a.id, "acc.scope", "on-the-roof", at(TODAY))
    with pytest.raises(ValidationError, match="Person"):
        wf.answer(a.id, "acc.leader", "nobody", at(TODAY))
    leader = session.staff.save(Staff(name="Frank Lüders", is_team_leader=True))
    wf.answer(a.id, "acc.leader", leader.id, at(TODAY), by=session.owner().id)  # type: ignore[union-attr]
    status = wf.state(a.id, TODAY).status
    assert status.find("acc.leader").state is ItemState.DONE  # type: ignore[union-attr]
    wf.answer(a.id, "acc.leader", None, at(TODAY))
    assert wf.state(a.id, TODAY).status.find("acc.leader").state is ItemState.OPEN  # type: ignore[union-attr]


def test_outcomes_must_fit_what_happened(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.HOME_VISIT, client)
    with pytest.raises(ValidationError, match="erst am Tag"):
        wf.finish(a.id, AppointmentStatus.NOT_MET, at(TODAY))
    wf.step(a.id, Transition.START, VISIT)
    with pytest.raises(RuleBlocked, match="bereits begonnen"):
        wf.step(a.id, Transition.START, VISIT + timedelta(hours=1))
    assert wf.state(a.id, VISIT.date()).conduct.started_at == VISIT  # not overwritten
    with pytest.raises(ValidationError, match="schon begonnen"):
        wf.finish(a.id, AppointmentStatus.NOT_MET, VISIT + timedelta(minutes=5))
    add_consent(session, a, "home-visit")
    wf.step(a.id, Transition.ENTER_HOME, VISIT + timedelta(minutes=2))
    with pytest.raises(ValidationError, match="in der Wohnung statt"):
        wf.finish(a.id, AppointmentStatus.ENDED_AT_DOOR, VISIT + timedelta(minutes=30))


def test_done_refused_when_others_present_without_consent(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.WALK_AND_TALK, client)
    wf.step(a.id, Transition.START, VISIT)
    wf.answer(a.id, "dp.others_present", True, VISIT)
    with pytest.raises(ValidationError, match="nicht mit Einverständnis"):
        wf.finish(a.id, AppointmentStatus.DONE, VISIT + timedelta(minutes=40))
    wf.finish(
        a.id,
        AppointmentStatus.BROKEN_OFF,
        VISIT + timedelta(minutes=40),
        broken_off_by=BrokenOffBy.STAFF,
        reason="Dritte Person anwesend, kein Einverständnis",
    )


def test_home_visit_needs_written_consent_for_this_visit(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.HOME_VISIT, client)
    other = plan(session, Approach.HOME_VISIT, client, start=VISIT + timedelta(days=7))
    oral = session.consents.prepare(ConsentKind.HOME_VISIT, at(TODAY), appointment_id=a.id)
    with pytest.raises(ValidationError, match="schriftlich"):
        session.consents.sign(oral.id, GivenHow.ORAL, at(TODAY), documented_by=session.owner().id)  # type: ignore[union-attr]
    add_consent(session, other, "home-visit")  # for the other visit only
    assert ConsentKind.HOME_VISIT not in wf.valid_consents(a, VISIT.date())
    add_consent(session, a, "home-visit")
    assert ConsentKind.HOME_VISIT in wf.valid_consents(a, VISIT.date())


def test_status_and_approach_change_only_through_the_flow(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.WALK_AND_TALK, client)
    wf.step(a.id, Transition.START, VISIT)
    wf.finish(a.id, AppointmentStatus.DONE, VISIT + timedelta(hours=1))
    stored = session.appointments.get(a.id)
    stored.approach = Approach.HOME_VISIT
    with pytest.raises(DomainError, match="Handlungsansatz"):
        session.appointments.save(stored)
    stored = session.appointments.get(a.id)
    stored.status = AppointmentStatus.PLANNED
    with pytest.raises(DomainError, match="Durchführung"):
        session.appointments.save(stored)
    with pytest.raises(DomainError, match="geplanter oder laufender"):
        wf.relocate(a.id, VISIT + timedelta(days=3), "Anderswo", VISIT)


def test_unchanged_answer_keeps_its_time(session: Session, client: Client) -> None:
    wf = session.workflow
    a = plan(session, Approach.WALK_AND_TALK, client, first_meeting=True)
    wf.answer(a.id, "dp.recognition_sign", "Rote Mütze", at(TODAY, 9))
    wf.answer(a.id, "dp.recognition_sign", "Rote Mütze", at(TODAY, 15))
    answer = wf.state(a.id, TODAY).status.find("dp.recognition_sign").answer  # type: ignore[union-attr]
    assert answer is not None and answer.answered_at == at(TODAY, 9)
