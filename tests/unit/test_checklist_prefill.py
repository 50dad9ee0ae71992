"""Checklist items answered by facts already recorded (domain/checklist_prefill.py): the meeting
point from the place, the prepared consent form from the consent record, the staff from the
appointment; marked with their source, and a caseworker's answer always wins."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklist_prefill import KnownFacts, known_facts, prefilled_answers
from outreach_desktop.domain.checklists import (
    Answer,
    ChecklistError,
    ItemState,
    evaluate,
    parse_checklist,
)
from outreach_desktop.domain.consents import Consent, ConsentKind, ConsentState
from outreach_desktop.domain.prefill_sources import PrefillSource
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.checklists import ChecklistSet, builtin_dir, load_checklists

SAVED = datetime(2026, 11, 20, 8, 15)
START = datetime(2026, 12, 2, 10, 0)


@pytest.fixture(scope="module")
def checklists(tmp_path_factory: pytest.TempPathFactory) -> ChecklistSet:
    return load_checklists(builtin=builtin_dir(), overrides=tmp_path_factory.mktemp("none"))


def walk(place: str = "Kirchplatz, am Brunnen") -> Appointment:
    a = Appointment.plan(Approach.WALK_AND_TALK, START, place=place, client_id="c1",
                         staff_ids=["s1"])  # fmt: skip
    a.updated_at = SAVED
    return a


def visit(staff: list[str]) -> Appointment:
    a = Appointment.plan(Approach.HOME_VISIT, START, client_id="c1", staff_ids=staff)
    a.updated_at = SAVED
    return a


def consent(a: Appointment, state: ConsentState, appointment_id: str | None = None) -> Consent:
    c = Consent(client_id="c1", kind=ConsentKind.HOME_VISIT,
                appointment_id=appointment_id or a.id, state=state)  # fmt: skip
    c.updated_at = SAVED + timedelta(days=1)
    return c


def test_the_meeting_point_is_the_appointments_place(checklists: ChecklistSet) -> None:
    lists = checklists.for_approach(Approach.WALK_AND_TALK)
    answers = prefilled_answers(lists, known_facts(walk(), []), {})
    point = answers["wt.meeting_point"]
    assert point.value == "Kirchplatz, am Brunnen"
    assert point.source is PrefillSource.APPOINTMENT_PLACE and point.answered_by is None
    assert point.answered_at == SAVED
    status = evaluate(lists, {"walk_and_talk": True}, answers, set())
    found = status.find("wt.meeting_point")
    assert found is not None and found.state is ItemState.DONE
    assert "wt.meeting_point" not in prefilled_answers(lists, known_facts(walk("  "), []), {})


@pytest.mark.parametrize(
    ("state", "prepared"),
    [
        (ConsentState.PREPARED, True),
        (ConsentState.PRINTED, True),
        (ConsentState.SIGNED, True),
        (ConsentState.REFUSED, False),  # a new form is needed
        (ConsentState.REVOKED, False),
    ],
)
def test_the_consent_form_is_prepared_by_the_consent_record(
    checklists: ChecklistSet, state: ConsentState, prepared: bool
) -> None:
    lists = checklists.for_approach(Approach.HOME_VISIT)
    a = visit(["s1", "s2"])
    answers = prefilled_answers(lists, known_facts(a, [consent(a, state)]), {})
    ready = answers.get("hv.consent_form_ready")
    assert (ready is not None) == prepared
    if ready is not None:
        assert ready.value is True and ready.source is PrefillSource.CONSENT_RECORD
        assert ready.answered_at == SAVED + timedelta(days=1)


def test_another_appointments_form_does_not_count(checklists: ChecklistSet) -> None:
    lists = checklists.for_approach(Approach.HOME_VISIT)
    a = visit(["s1"])
    other = consent(a, ConsentState.SIGNED, appointment_id="another")
    assert "hv.consent_form_ready" not in prefilled_answers(lists, known_facts(a, [other]), {})


def test_the_staff_come_from_the_appointment(checklists: ChecklistSet) -> None:
    lists = checklists.for_approach(Approach.HOME_VISIT)
    answers = prefilled_answers(lists, known_facts(visit(["s1", "s2"]), []), {})
    staff = answers["hv.second_staff"]
    assert staff.value == ["s1", "s2"] and staff.source is PrefillSource.APPOINTMENT_STAFF
    # the fact still decides the state: one person is not "second staff scheduled"
    status = evaluate(lists, {"second_staff": False}, answers, set())
    found = status.find("hv.second_staff")
    assert found is not None and found.state is ItemState.OPEN


given_values = st.one_of(st.booleans(), st.text(min_size=1, max_size=20))


@given(
    st.dictionaries(
        st.sampled_from(
            ["wt.meeting_point", "hv.consent_form_ready", "hv.second_staff", "wt.time_buffer"]
        ),
        given_values,
    ),
    st.text(max_size=30),
    st.booleans(),
)
def test_an_answer_given_is_never_replaced(
    given_answers: dict[str, Any], place: str, form_ready: bool
) -> None:
    lists = load_checklists(builtin=builtin_dir(), overrides=Path("/nonexistent")).checklists
    answers = {k: Answer(k, v, SAVED, "s1") for k, v in given_answers.items()}
    records = {ConsentKind.HOME_VISIT: SAVED} if form_ready else {}
    known = KnownFacts(place=place, staff_ids=("s1",), appointment_at=SAVED,
                       consent_records=records)  # fmt: skip
    result = prefilled_answers(lists.values(), known, answers)
    for item_id, answer in answers.items():
        assert result[item_id] is answer  # "no" and a changed meeting point stay
    for item_id, answer in result.items():
        assert (answer.source is None) == (item_id in answers)


def test_a_prefill_must_fit_the_item_kind() -> None:
    data = {
        "id": "x", "version": 1, "title_de": "X",
        "items": [{"id": "x.a", "phase": "preparation", "kind": "tick", "label_de": "A",
                   "prefill": "appointment-place"}],
    }  # fmt: skip
    with pytest.raises(ChecklistError, match="prefill = appointment-place passt nur zu kind"):
        parse_checklist(data, "x.toml")
    data["items"][0]["prefill"] = "consent-record"  # type: ignore[index]
    with pytest.raises(ChecklistError, match="braucht consent"):
        parse_checklist(data, "x.toml")
    data["items"][0]["prefill"] = "from-the-moon"  # type: ignore[index]
    with pytest.raises(ChecklistError, match="prefill = 'from-the-moon' ist unbekannt"):
        parse_checklist(data, "x.toml")
