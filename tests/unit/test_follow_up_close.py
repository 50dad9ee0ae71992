"""Nachbereitung abschließen is a real step, and the MAP replaces the memory protocol.

The close step refuses, with the reasons, while a required follow-up item that blocks it is
open; once taken it is recorded with its time. Documentation directly at the mobile workstation
(MAP) in VerBIS — who, when — meets the documentation item and the follow-up's VerBIS items, so
no protocol is demanded and nothing is ticked twice."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import (
    Answer,
    ChecklistStatus,
    Phase,
    Transition,
    evaluate,
)
from outreach_desktop.domain.conduct import (
    BrokenOffBy,
    Conduct,
    ReasonCode,
    RuleBlocked,
    apply_transition,
    finish,
    step_reasons,
)
from outreach_desktop.domain.documentation import (
    documentation_facts,
    map_reasons,
    record_map,
)
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.checklists import ChecklistSet, builtin_dir, load_checklists

DAY = date(2026, 12, 2)
START = datetime.combine(DAY, time(10))
LATER = datetime.combine(DAY, time(15))


@pytest.fixture(scope="module")
def checklists(tmp_path_factory: pytest.TempPathFactory) -> ChecklistSet:
    overrides: Path = tmp_path_factory.mktemp("no-overrides")
    return load_checklists(builtin=builtin_dir(), overrides=overrides)


def held(approach: Approach, client: str | None = "client") -> tuple[Appointment, Conduct]:
    a = Appointment.plan(
        approach, START, client_id=client, place="Kirchplatz", staff_ids=["staff"],
        third_party_id="school" if approach is Approach.ACCOMPANIMENT else None,
    )  # fmt: skip
    conduct = Conduct(appointment_id=a.id, started_at=START)
    outcome = AppointmentStatus.BROKEN_OFF  # possible for every approach once begun
    finish(a, conduct, outcome, START.replace(hour=11), broken_off_by=BrokenOffBy.CLIENT)
    return a, conduct


def status_of(
    checklists: ChecklistSet,
    a: Appointment,
    conduct: Conduct,
    protocol_finalized: bool = False,
    ticks: tuple[str, ...] = (),
) -> ChecklistStatus:
    facts = {
        "client_known": a.client_id is not None,
        **documentation_facts(conduct, protocol_finalized),
    }
    answers = {t: Answer(t, True, LATER) for t in ticks}
    return evaluate(checklists.for_approach(a.approach), facts, answers, set())


def open_for_close(
    checklists: ChecklistSet, a: Appointment, conduct: Conduct, protocol_finalized: bool = False
) -> list[str]:
    status = status_of(checklists, a, conduct, protocol_finalized)
    return sorted(s.item.id for s in status.blockers(Transition.CLOSE))


# ---- the close step ------------------------------------------------------------------------
def test_close_is_refused_with_the_open_items_and_recorded_once_they_are_met(
    checklists: ChecklistSet,
) -> None:
    a, conduct = held(Approach.WALK_AND_TALK)
    status = status_of(checklists, a, conduct)
    with pytest.raises(RuleBlocked) as refused:
        apply_transition(a, conduct, Transition.CLOSE, status, set(), LATER)
    assert any("Gedächtnisprotokoll" in r for r in refused.value.reasons)
    assert any("die Ergebnisse informiert" in r for r in refused.value.reasons)
    assert conduct.closed_at is None
    done = status_of(checklists, a, conduct, protocol_finalized=True,
                     ticks=("wt.agreements_documented", "dp.results_communicated"))  # fmt: skip
    apply_transition(a, conduct, Transition.CLOSE, done, set(), LATER)
    assert conduct.closed_at == LATER
    assert conduct.taken_at(Transition.CLOSE) == LATER
    codes = [r.code for r in step_reasons(a, conduct, Transition.CLOSE, done, set())]
    assert codes == [ReasonCode.ALREADY_TAKEN]


def test_close_needs_an_outcome() -> None:
    a = Appointment.plan(Approach.WALK_AND_TALK, START, client_id="c", place="P", staff_ids=["s"])
    conduct = Conduct(appointment_id=a.id)
    codes = [r.code for r in step_reasons(a, conduct, Transition.CLOSE, ChecklistStatus(), set())]
    assert codes == [ReasonCode.NO_OUTCOME]


@given(st.sampled_from(Approach))
def test_every_required_follow_up_item_that_blocks_close_is_in_the_follow_up_phase(
    approach: Approach,
) -> None:
    lists = load_checklists().for_approach(approach)
    for checklist in lists:
        for item in checklist.items:
            if item.blocks is Transition.CLOSE:
                assert item.phase is Phase.FOLLOW_UP, item.id


# ---- the MAP -------------------------------------------------------------------------------
@pytest.mark.parametrize("approach", list(Approach))
def test_the_map_meets_the_documentation_item_and_the_verbis_items(
    checklists: ChecklistSet, approach: Approach
) -> None:
    a, conduct = held(approach)
    before = open_for_close(checklists, a, conduct)
    assert "dp.memory_protocol" in before
    record_map(a, conduct, "  Erika Beispiel ", LATER)
    assert (conduct.map_documented_by, conduct.map_documented_at) == ("Erika Beispiel", LATER)
    after = open_for_close(checklists, a, conduct)
    assert "dp.memory_protocol" not in after
    assert "wt.agreements_documented" not in after and "acc.verbis_documented" not in after
    assert "dp.results_communicated" in after  # informing everyone is not documentation


def test_a_protocol_still_meets_the_documentation_item(checklists: ChecklistSet) -> None:
    a, conduct = held(Approach.HOME_VISIT)
    assert "dp.memory_protocol" not in open_for_close(
        checklists, a, conduct, protocol_finalized=True
    )


def test_the_map_is_refused_with_reasons() -> None:
    a = Appointment.plan(Approach.WALK_AND_TALK, START, client_id="c", place="P", staff_ids=["s"])
    conduct = Conduct(appointment_id=a.id)
    assert map_reasons(a, conduct) == ["Der Termin hat noch kein Ergebnis."]
    with pytest.raises(ValidationError):
        record_map(a, conduct, "Erika", LATER)
    assert conduct.map_documented_at is None
    anonymous, c2 = held(Approach.WALK_AND_TALK, client=None)
    assert any("anonyme" in r for r in map_reasons(anonymous, c2))
    b, c3 = held(Approach.HOME_VISIT)
    with pytest.raises(ValidationError) as nameless:
        record_map(b, c3, "   ", LATER)
    assert nameless.value.errors[0].field == "map_documented_by"
    record_map(b, c3, "Erika", LATER)
    with pytest.raises(ValidationError):
        record_map(b, c3, "Erika", LATER)  # once
