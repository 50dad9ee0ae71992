"""Outcomes as they happen (a home visit held in the garden is "im Umfeld durchgeführt") and
correcting a mis-clicked outcome: checked by the same rules as setting it, kept with old and new
value, time and reason, refused once the protocol is finalized."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.conduct import (
    OTHERS_PRESENT_FACT,
    OUTCOMES,
    BrokenOffBy,
    Conduct,
    ReasonCode,
    finish,
    outcome_problems,
    outcome_reasons,
)
from outreach_desktop.domain.errors import DomainError, ValidationError
from outreach_desktop.domain.outcome_corrections import AFTER_FINAL, NO_OUTCOME, correct_outcome
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

S = AppointmentStatus
DAY = date(2026, 12, 2)
START = datetime.combine(DAY, time(10))
ENDED = START + timedelta(minutes=40)


def appointment(approach: Approach = Approach.HOME_VISIT) -> Appointment:
    return Appointment.plan(
        approach, START, client_id="client", place="Lindenweg 4", staff_ids=["a", "b"],
        third_party_id="school" if approach is Approach.ACCOMPANIMENT else None,
    )  # fmt: skip


def codes(a: Appointment, c: Conduct, outcome: S, facts: dict[str, bool] | None = None) -> list:
    return [r.code for r in outcome_reasons(a, c, outcome, DAY, facts or {})]


def test_a_home_visit_held_in_the_garden_is_held_nearby_not_ended_at_the_door() -> None:
    a = appointment()
    begun = Conduct(appointment_id=a.id, started_at=START)
    assert codes(a, begun, S.HELD_NEARBY) == []
    assert codes(a, begun, S.ENDED_AT_DOOR) == []
    done = outcome_reasons(a, begun, S.DONE, DAY, {})
    assert [r.code for r in done] == [ReasonCode.NOT_INSIDE]
    assert "„im Umfeld durchgeführt“" in done[0].message
    finish(a, begun, S.HELD_NEARBY, ENDED)
    assert a.status is begun.outcome is S.HELD_NEARBY
    assert S.HELD_NEARBY.label_de == "Im Umfeld durchgeführt"


def test_held_nearby_needs_a_begun_visit_outside_the_home_with_documented_others() -> None:
    a = appointment()
    assert ReasonCode.NOT_STARTED in codes(a, Conduct(appointment_id=a.id), S.HELD_NEARBY)
    inside = Conduct(appointment_id=a.id, started_at=START, entered_home_at=START)
    assert codes(a, inside, S.HELD_NEARBY) == [ReasonCode.WENT_INSIDE]
    begun = Conduct(appointment_id=a.id, started_at=START)
    others = {OTHERS_PRESENT_FACT: True}
    assert codes(a, begun, S.HELD_NEARBY, others) == [ReasonCode.OTHERS_UNDOCUMENTED]


@pytest.mark.parametrize("approach", [Approach.WALK_AND_TALK, Approach.ACCOMPANIMENT])
def test_held_nearby_is_a_home_visit_outcome_only(approach: Approach) -> None:
    a = appointment(approach)
    begun = Conduct(appointment_id=a.id, started_at=START)
    found = outcome_reasons(a, begun, S.HELD_NEARBY, DAY, {})
    assert [r.code for r in found] == [ReasonCode.NOT_OFFERED]
    assert found[0].message == "„Im Umfeld durchgeführt“ gibt es nur beim Hausbesuch."


def finished(outcome: S, *, inside: bool = False) -> tuple[Appointment, Conduct]:
    a = appointment()
    c = Conduct(appointment_id=a.id, started_at=START, entered_home_at=START if inside else None)
    finish(a, c, outcome, ENDED, broken_off_by=BrokenOffBy.CLIENT, reason="Regen")
    return a, c


def test_a_correction_is_kept_with_old_and_new_value_time_and_reason() -> None:
    a, c = finished(S.ENDED_AT_DOOR)
    later = ENDED + timedelta(hours=3)
    kept = correct_outcome(a, c, S.HELD_NEARBY, later, reason="Falsch geklickt: im Garten",
                           protocol_final=False)  # fmt: skip
    assert (kept.old, kept.new, kept.at, kept.reason) == (
        S.ENDED_AT_DOOR,
        S.HELD_NEARBY,
        later,
        "Falsch geklickt: im Garten",
    )
    assert a.status is c.outcome is S.HELD_NEARBY
    assert c.outcome_at == ENDED  # when it ended stays what it was
    assert "von „An der Tür beendet“ auf „Im Umfeld durchgeführt“" in kept.summary_de
    assert kept.summary_de.startswith("02.12.2026 13:40:")


def test_no_correction_after_the_protocol_is_finalized_or_before_an_outcome() -> None:
    a, c = finished(S.ENDED_AT_DOOR)
    before = (replace(a), replace(c))
    with pytest.raises(DomainError) as refused:
        correct_outcome(a, c, S.HELD_NEARBY, ENDED, reason="x", protocol_final=True)
    assert str(refused.value) == AFTER_FINAL and "abgeschlossen" in AFTER_FINAL
    assert (a, c) == before
    fresh = appointment()
    with pytest.raises(DomainError, match=NO_OUTCOME):
        correct_outcome(fresh, Conduct(appointment_id=fresh.id), S.DONE, ENDED, reason="x",
                        protocol_final=False)  # fmt: skip


def test_a_correction_needs_a_reason_and_a_different_outcome() -> None:
    a, c = finished(S.ENDED_AT_DOOR)
    with pytest.raises(ValidationError) as refused:
        correct_outcome(a, c, S.ENDED_AT_DOOR, ENDED, reason="  ", protocol_final=False)
    messages = [e.message for e in refused.value.errors]
    assert "Das Ergebnis ist bereits „An der Tür beendet“." in messages
    assert "Bitte kurz sagen, warum korrigiert wird." in messages


@given(
    st.sampled_from(OUTCOMES), st.sampled_from(OUTCOMES), st.booleans(), st.booleans(),
    st.sampled_from(["", "vertippt"]),
)  # fmt: skip
def test_a_correction_follows_the_rules_of_setting_the_outcome(
    first: S, new: S, inside: bool, final: bool, reason: str
) -> None:
    """Whatever was recorded and whatever is chosen: the correction goes through exactly when the
    new outcome could have been set on the conduct as recorded, differs, has a reason and the
    protocol is open; otherwise nothing changes."""
    a = appointment()
    c = Conduct(appointment_id=a.id, started_at=START, entered_home_at=START if inside else None)
    try:
        finish(a, c, first, ENDED, broken_off_by=BrokenOffBy.STAFF, reason="r")
    except ValidationError:
        return  # `first` cannot be recorded on this conduct at all
    before = (replace(a), replace(c))
    problems = outcome_problems(a, c, new, ENDED.date(), {}, check_finished=False)
    allowed = not final and new is not first and reason and not problems
    try:
        kept = correct_outcome(a, c, new, ENDED + timedelta(hours=1), reason=reason,
                               protocol_final=final, broken_off_by=BrokenOffBy.CLIENT)  # fmt: skip
    except (DomainError, ValidationError):
        assert not allowed
        assert (a, c) == before
    else:
        assert allowed
        assert (kept.old, kept.new) == (first, new)
        assert a.status is c.outcome is new and c.outcome_at == ENDED
