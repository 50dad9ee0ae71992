"""Planning rules of appointments in the three approaches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from outreach_desktop.domain.appointments import (
    DEFAULT_BUFFER,
    DEFAULT_DURATION,
    MAX_BUFFER_MIN,
    MAX_DURATION_MIN,
    Appointment,
)
from outreach_desktop.domain.errors import FieldError, ValidationError
from outreach_desktop.domain.vocabulary import Approach

START = datetime(2025, 3, 14, 10, 0)


def make(approach: Approach, **fields: object) -> Appointment:
    values: dict[str, object] = {
        "client_id": "client-1",
        "third_party_id": "party-1" if approach is Approach.ACCOMPANIMENT else None,
        "place": "Kirchplatz",
        "staff_ids": ["staff-1"],
    }
    values.update(fields)
    return Appointment.plan(approach, START, **values)


def errors_of(appointment: Appointment) -> dict[str, FieldError]:
    with pytest.raises(ValidationError) as info:
        appointment.validate()
    return {e.field: e for e in info.value.errors}


@pytest.mark.parametrize("approach", list(Approach))
def test_complete_appointment_is_valid(approach: Approach) -> None:
    make(approach).validate()


def test_anonymous_only_for_walk_and_talk() -> None:
    make(Approach.WALK_AND_TALK, client_id=None).validate()
    for approach in (Approach.ACCOMPANIMENT, Approach.HOME_VISIT):
        error = errors_of(make(approach, client_id=None))["client_id"]
        assert error.label == "Kundin/Kunde"
        assert approach.label_de in error.message
        assert "Walk and Talk" in error.message


def test_anonymous_flag() -> None:
    assert make(Approach.WALK_AND_TALK, client_id=None).is_anonymous
    assert not make(Approach.WALK_AND_TALK).is_anonymous


@pytest.mark.parametrize("party", [None, ""])
def test_accompaniment_needs_third_party(party: str | None) -> None:
    errors = errors_of(make(Approach.ACCOMPANIMENT, third_party_id=party))
    assert list(errors) == ["third_party_id"]
    assert errors["third_party_id"].label == "Dritte"


@pytest.mark.parametrize("approach", [Approach.WALK_AND_TALK, Approach.ACCOMPANIMENT])
@pytest.mark.parametrize("place", ["", "   "])
def test_place_required_except_home_visit(approach: Approach, place: str) -> None:
    error = errors_of(make(approach, place=place))["place"]
    assert error.label == "Ort"
    make(Approach.HOME_VISIT, place=place).validate()


def test_place_length_limit() -> None:
    make(Approach.HOME_VISIT, place="p" * 300).validate()
    assert "300" in errors_of(make(Approach.HOME_VISIT, place="p" * 301))["place"].message


@pytest.mark.parametrize(
    ("duration", "ok"),
    [(4, False), (5, True), (MAX_DURATION_MIN, True), (MAX_DURATION_MIN + 1, False), (-60, False)],
)
def test_duration_bounds(duration: int, ok: bool) -> None:
    appointment = make(Approach.WALK_AND_TALK, planned_duration_min=duration)
    if ok:
        appointment.validate()
    else:
        assert errors_of(appointment)["planned_duration_min"].label == "Geplante Dauer"


@pytest.mark.parametrize(
    ("buffer", "ok"), [(-1, False), (0, True), (MAX_BUFFER_MIN, True), (MAX_BUFFER_MIN + 1, False)]
)
def test_buffer_bounds(buffer: int, ok: bool) -> None:
    appointment = make(Approach.WALK_AND_TALK, buffer_min=buffer)
    if ok:
        appointment.validate()
    else:
        assert errors_of(appointment)["buffer_min"].label == "Zeitpuffer"


def test_staff_required() -> None:
    error = errors_of(make(Approach.HOME_VISIT, staff_ids=[]))["staff_ids"]
    assert error.label == "Mitarbeitende"
    assert "Mindestens" in error.message


def test_staff_unique() -> None:
    error = errors_of(make(Approach.HOME_VISIT, staff_ids=["a", "b", "a"]))["staff_ids"]
    assert "nur einmal" in error.message
    make(Approach.HOME_VISIT, staff_ids=["a", "b"]).validate()


def test_start_must_be_local_wall_clock_time() -> None:
    appointment = make(Approach.WALK_AND_TALK)
    appointment.start = START.replace(tzinfo=UTC)
    assert errors_of(appointment)["start"].label == "Beginn"


@pytest.mark.parametrize(
    ("approach", "duration", "buffer"),
    [
        (Approach.WALK_AND_TALK, 60, 30),
        (Approach.ACCOMPANIMENT, 90, 30),
        (Approach.HOME_VISIT, 60, 45),
    ],
)
def test_plan_defaults_per_approach(approach: Approach, duration: int, buffer: int) -> None:
    appointment = Appointment.plan(approach, START)
    assert (appointment.planned_duration_min, appointment.buffer_min) == (duration, buffer)
    assert DEFAULT_DURATION[approach] == duration
    assert DEFAULT_BUFFER[approach] == buffer
    assert appointment.is_new


def test_plan_keeps_explicit_values() -> None:
    appointment = Appointment.plan(
        Approach.HOME_VISIT, START, planned_duration_min=20, buffer_min=0, place="Flur"
    )
    assert (appointment.planned_duration_min, appointment.buffer_min) == (20, 0)
    assert appointment.place == "Flur"


def test_end_and_blocked_until() -> None:
    appointment = Appointment.plan(Approach.HOME_VISIT, START)
    assert appointment.end == START + timedelta(minutes=60)
    assert appointment.blocked_until == START + timedelta(minutes=105)


def test_search_text_is_folded_approach_and_place() -> None:
    appointment = make(Approach.HOME_VISIT, place="Lüchow, Marktplatz")
    assert appointment.search_text == "hausbesuch luchow, marktplatz"
