"""The conduct rule: which steps and outcomes an appointment offers, and why one is not possible
now. One domain function (`conduct_options`) decides it for the GUI and the CLI, and recording a
step or an outcome follows the same reasons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import (
    ChecklistStatus,
    Transition,
    evaluate,
    parse_checklist,
)
from outreach_desktop.domain.conduct import (
    HARD_RULES,
    HOME_VISIT_ONLY,
    OTHERS_PRESENT_FACT,
    OUTCOMES,
    BrokenOffBy,
    Conduct,
    ConductOptions,
    ReasonCode,
    RuleBlocked,
    apply_transition,
    conduct_options,
    finish,
    is_finished,
    offered_outcomes,
    offered_steps,
    outcome_reasons,
    step_reasons,
)
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

DAY = date(2026, 12, 2)
START = datetime.combine(DAY, time(10))
ON_SITE = (
    Transition.START,
    Transition.ENTER_HOME,
    Transition.OTHERS_PRESENT,
    Transition.THIRD_PARTY_ALONE,
)


def appointment(approach: Approach, third_party: bool) -> Appointment:
    a = Appointment.plan(
        approach,
        START,
        client_id="client",
        third_party_id="school" if third_party or approach is Approach.ACCOMPANIMENT else None,
        place="Kirchplatz",
        staff_ids=["staff"],
    )
    a.validate()
    return a


def blocking_item(transition: Transition) -> ChecklistStatus:
    """A status whose one required, open item blocks `transition`."""
    checklist = parse_checklist(
        {
            "id": "test",
            "version": 1,
            "title_de": "Test",
            "items": [
                {
                    "id": "t.item",
                    "phase": "on-site",
                    "kind": "tick",
                    "label_de": "Punkt",
                    "blocks": transition.value,
                }
            ],
        },
        "test.toml",
    )
    return evaluate([checklist], {}, {}, set())


@dataclass
class Situation:
    appointment: Appointment
    conduct: Conduct
    status: ChecklistStatus
    consents: set[ConsentKind]

    def options(self) -> ConductOptions:
        return conduct_options(self.appointment, self.conduct, self.status, self.consents)

    def reasons(self, transition: Transition) -> list[ReasonCode]:
        found = step_reasons(self.appointment, self.conduct, transition, self.status, self.consents)
        return [r.code for r in found]


# ("step", transition, -, -) or ("finish", -, outcome, days after the appointment's day)
Action = tuple[str, Transition, AppointmentStatus, int]
actions = st.tuples(
    st.sampled_from(["step", "finish"]),
    st.sampled_from(Transition),
    st.sampled_from(AppointmentStatus),
    st.integers(-1, 1),
)


@st.composite
def walks(draw: st.DrawFn) -> tuple[Situation, list[Action]]:
    """An appointment, the consents given, maybe an open checklist item, and a series of steps
    and outcomes tried on it."""
    a = appointment(draw(st.sampled_from(Approach)), draw(st.booleans()))
    blocked = draw(st.none() | st.sampled_from(Transition))
    status = ChecklistStatus() if blocked is None else blocking_item(blocked)
    consents = draw(st.sets(st.sampled_from(ConsentKind)))
    situation = Situation(a, Conduct(appointment_id=a.id), status, consents)
    return situation, draw(st.lists(actions, max_size=8))


def check_options(s: Situation) -> None:
    """What the faces show is `step_reasons` for every offered step, in the flow's order."""
    options = s.options()
    assert [o.transition for o in options.steps] == list(offered_steps(s.appointment))
    for option in options.steps:
        found = step_reasons(s.appointment, s.conduct, option.transition, s.status, s.consents)
        assert list(option.reasons) == found
        assert option.allowed == (not found)
        assert option.taken_at == s.conduct.taken_at(option.transition)
        if option.taken_at is not None:
            assert not option.allowed  # a step is recorded once, with its time
    assert options.finished == is_finished(s.appointment, s.conduct)
    if options.finished:
        assert options.outcomes == ()
        for option in options.steps:
            if option.transition is not Transition.CLOSE:
                assert [r.code for r in option.reasons] == [ReasonCode.FINISHED]
    else:
        assert options.outcomes == offered_outcomes(s.appointment)
    for transition in Transition:
        codes = s.reasons(transition)
        assert (ReasonCode.NOT_OFFERED in codes) == (
            transition not in offered_steps(s.appointment) and not options.finished
        )


def check_hard_rules(s: Situation) -> None:
    """No step past a hard rule without its consent, whatever the checklist says."""
    allowed = {o.transition for o in s.options().steps if o.allowed}
    for transition, (kind, _message) in HARD_RULES.items():
        if kind not in s.consents:
            assert transition not in allowed
    if s.appointment.approach is Approach.ACCOMPANIMENT and (
        ConsentKind.ACCOMPANIMENT not in s.consents
    ):
        assert Transition.START not in allowed
    if not is_finished(s.appointment, s.conduct):
        # ending or breaking off is always possible
        for outcome in (AppointmentStatus.BROKEN_OFF, AppointmentStatus.POSTPONED):
            assert outcome_reasons(s.appointment, s.conduct, outcome, DAY, {}) == []


def try_step(s: Situation, transition: Transition, now: datetime) -> None:
    reasons = step_reasons(s.appointment, s.conduct, transition, s.status, s.consents)
    before = s.conduct.taken_at(transition)
    try:
        apply_transition(s.appointment, s.conduct, transition, s.status, s.consents, now)
    except RuleBlocked as blocked:
        assert blocked.reasons == [r.message for r in reasons]
        assert s.conduct.taken_at(transition) == before
    else:
        assert reasons == []
        assert s.conduct.taken_at(transition) == now  # closing the follow-up too


def try_finish(s: Situation, outcome: AppointmentStatus, now: datetime) -> None:
    reasons = outcome_reasons(s.appointment, s.conduct, outcome, now.date(), {})
    try:
        finish(s.appointment, s.conduct, outcome, now, broken_off_by=BrokenOffBy.CLIENT, reason="x")
    except ValidationError as error:
        assert [e.message for e in error.errors] == [r.message for r in reasons]
    else:
        assert reasons == []
        assert s.appointment.status is outcome is s.conduct.outcome


@given(walks())
def test_the_faces_show_what_recording_allows(walk: tuple[Situation, list[Action]]) -> None:
    s, tried = walk
    for minute, (kind, transition, outcome, days) in enumerate(tried):
        check_options(s)
        check_hard_rules(s)
        if kind == "step":
            try_step(s, transition, START + timedelta(minutes=minute))
        else:
            try_finish(s, outcome, datetime.combine(DAY + timedelta(days=days), time(12)))
    check_options(s)
    check_hard_rules(s)


@given(st.sampled_from(Approach), st.booleans())
def test_which_steps_and_outcomes_an_appointment_offers(approach: Approach, third: bool) -> None:
    a = appointment(approach, third)
    steps = offered_steps(a)
    assert steps[0] is Transition.START and steps[-1] is Transition.CLOSE
    assert Transition.OTHERS_PRESENT in steps
    assert (Transition.ENTER_HOME in steps) == (approach is Approach.HOME_VISIT)
    assert (Transition.THIRD_PARTY_ALONE in steps) == bool(a.third_party_id)
    assert list(steps) == [t for t in Transition if t in steps]
    outcomes = offered_outcomes(a)
    home = approach is Approach.HOME_VISIT
    assert (AppointmentStatus.ENDED_AT_DOOR in outcomes) == home
    assert (AppointmentStatus.HELD_NEARBY in outcomes) == home
    assert set(OUTCOMES) - set(outcomes) <= set(HOME_VISIT_ONLY)


def test_talking_to_a_third_party_alone_goes_with_the_third_party_not_the_approach() -> None:
    """The CLI may plan any appointment with a third party; the release rule is about talking
    to it, so the step is offered wherever one is entered (an accompaniment always has one)."""
    walk = appointment(Approach.WALK_AND_TALK, third_party=True)
    assert Transition.THIRD_PARTY_ALONE in offered_steps(walk)
    alone = appointment(Approach.WALK_AND_TALK, third_party=False)
    assert Transition.THIRD_PARTY_ALONE not in offered_steps(alone)
    conduct = Conduct(appointment_id=alone.id, started_at=START)
    found = step_reasons(alone, conduct, Transition.THIRD_PARTY_ALONE, ChecklistStatus(), set())
    assert found[0].code is ReasonCode.NOT_OFFERED
    assert found[0].message == "Für diesen Termin ist keine dritte Stelle eingetragen."


def test_a_step_taken_keeps_its_time() -> None:
    a = appointment(Approach.HOME_VISIT, third_party=False)
    conduct, consents = Conduct(appointment_id=a.id), {ConsentKind.HOME_VISIT}
    apply_transition(a, conduct, Transition.START, ChecklistStatus(), consents, START)
    inside = START + timedelta(minutes=5)
    apply_transition(a, conduct, Transition.ENTER_HOME, ChecklistStatus(), consents, inside)
    with pytest.raises(RuleBlocked, match="bereits erfasst"):
        later = START + timedelta(minutes=30)
        apply_transition(a, conduct, Transition.ENTER_HOME, ChecklistStatus(), consents, later)
    assert conduct.entered_home_at == inside
    with pytest.raises(RuleBlocked, match="bereits begonnen"):
        apply_transition(a, conduct, Transition.START, ChecklistStatus(), consents, inside)
    option = conduct_options(a, conduct, ChecklistStatus(), consents).step(Transition.ENTER_HOME)
    assert option is not None and option.taken_at == inside and not option.allowed


def test_done_needs_documented_others_when_others_are_present() -> None:
    a = appointment(Approach.WALK_AND_TALK, third_party=False)
    conduct = Conduct(appointment_id=a.id, started_at=START)
    facts = {OTHERS_PRESENT_FACT: True}
    codes = [r.code for r in outcome_reasons(a, conduct, AppointmentStatus.DONE, DAY, facts)]
    assert codes == [ReasonCode.OTHERS_UNDOCUMENTED]
    conduct.others_present_at = START
    assert outcome_reasons(a, conduct, AppointmentStatus.DONE, DAY, facts) == []


def test_reason_codes_are_stable_strings() -> None:
    assert [c.value for c in ReasonCode] == [
        "finished",
        "no-outcome",
        "already-taken",
        "not-started",
        "not-offered",
        "consent-missing",
        "checklist-open",
        "not-an-outcome",
        "started",
        "before-the-day",
        "went-inside",
        "not-inside",
        "others-undocumented",
    ]
