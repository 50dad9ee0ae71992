"""Außentermine heute (domain/day_plan.py): which appointments are on the plan, in what order,
and that no client is named unless the caseworker asks for it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from outreach_desktop.domain.day_plan import (
    NOT_OUT,
    Outing,
    day_plan,
    plan_row,
    rough_area,
)
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach, ThirdPartyKind

DAY = date(2026, 12, 2)
TOWNS = ("29439 Lüchow (Wendland)", "29451 Dannenberg (Elbe)", "10115 Berlin")


def outing(**fields: object) -> Outing:
    base: dict[str, object] = dict(
        start=datetime.combine(DAY, time(10)), duration_min=60, buffer_min=30,
        approach=Approach.WALK_AND_TALK, status=AppointmentStatus.PLANNED,
        staff=(("Alex Beispiel", "05841 120-100"),), place="Eingang Stadtpark",
    )  # fmt: skip
    return Outing(**{**base, **fields})  # type: ignore[arg-type]


def test_times_end_and_back_by_with_the_buffer() -> None:
    row = plan_row(outing(start=datetime(2026, 12, 2, 9, 15), duration_min=90, buffer_min=45))
    assert (row.end, row.back_by) == (datetime(2026, 12, 2, 10, 45), datetime(2026, 12, 2, 11, 30))
    assert row.staff == "Alex Beispiel (05841 120-100)"


def test_home_visit_shows_postcode_and_town_only() -> None:
    o = outing(approach=Approach.HOME_VISIT, place="", client_name="Natalia Lehmann",
               client_address="Schulstraße 26\n29471 Gartow")  # fmt: skip
    assert plan_row(o).where == "Wohnung der Kundin/des Kunden, 29471 Gartow"
    named = plan_row(o, with_names=True)
    assert (named.where, named.client) == ("Schulstraße 26, 29471 Gartow", "Natalia Lehmann")


def test_accompaniment_shows_the_kind_of_third_party_not_its_name() -> None:
    o = outing(
        approach=Approach.ACCOMPANIMENT, place="Marschtorstraße 44, 29439 Lüchow",
        third_party_name="Suchtberatung Elbe", third_party_kind=ThirdPartyKind.SOCIAL_SERVICE,
        third_party_address="Marschtorstraße 44\n29439 Lüchow",
    )  # fmt: skip
    assert plan_row(o).where == "Sozialer Dienst, 29439 Lüchow"
    assert "Suchtberatung" in plan_row(o, with_names=True).where


def test_meeting_point_loses_the_clients_name_and_street() -> None:
    o = outing(place="vor dem Haus von Frau Lehmann, Schulstraße", client_name="Natalia Lehmann",
               client_address="Schulstraße 26\n29471 Gartow")  # fmt: skip
    assert plan_row(o).where == "Treffpunkt: vor dem Haus von Frau …, …"
    assert plan_row(o, with_names=True).client == "Natalia Lehmann"


def test_anonymous_walk_and_talk_with_names_says_anonym() -> None:
    assert plan_row(outing(), with_names=True).client == "anonym"
    assert plan_row(outing()).client == ""


def test_rough_area() -> None:
    assert rough_area("Lange Straße 3\n29439 Lüchow (Wendland)") == "29439 Lüchow (Wendland)"
    assert rough_area("Lange Straße 3, 29439 Lüchow") == "29439 Lüchow"
    assert rough_area("Lange Straße 3") == ""


def test_cancelled_postponed_and_other_days_are_left_out_and_rows_are_in_time_order() -> None:
    at = lambda h: datetime.combine(DAY, time(h))  # noqa: E731
    outings = [
        outing(start=at(14)),
        outing(start=at(9), staff=(("Birgit Sommer", ""),)),
        outing(start=at(9)),
        outing(start=at(11), status=AppointmentStatus.CANCELLED),
        outing(start=at(12), status=AppointmentStatus.POSTPONED),
        outing(start=datetime.combine(DAY + timedelta(days=1), time(9))),
        outing(start=at(16), status=AppointmentStatus.NOT_MET),
    ]
    plan = day_plan(DAY, outings)
    assert [(r.start.hour, r.staff[:5]) for r in plan.rows] == [
        (9, "Alex "), (9, "Birgi"), (14, "Alex "), (16, "Alex ")
    ]  # fmt: skip
    assert day_plan(DAY, []).is_empty


names = st.text(st.characters(whitelist_categories=("Lu", "Ll")), min_size=3, max_size=12)
free_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@given(
    first=names, last=names, street=names, number=st.integers(1, 200), town=st.sampled_from(TOWNS),
    approach=st.sampled_from(Approach), status=st.sampled_from(AppointmentStatus),
    place=free_text, postcode=st.sampled_from(("", "29439 ")),
    party_kind=st.sampled_from(ThirdPartyKind), hour=st.integers(0, 23),
)  # fmt: skip
def test_without_names_no_client_name_street_or_third_party_name_appears(
    first: str, last: str, street: str, number: int, town: str, approach: Approach,
    status: AppointmentStatus, place: str, postcode: str, party_kind: ThirdPartyKind, hour: int,
) -> None:  # fmt: skip
    fixed = " ".join((*TOWNS, party_kind.label_de, approach.label_de, status.label_de,
                      "Wohnung der Kundin/des Kunden Treffpunkt in Ort nicht erfasst Dritte "
                      "Alex Beispiel"))  # fmt: skip
    secret = [first, last, f"{street}straße", "Geheimträger"]
    assume(all(s.casefold() not in fixed.casefold() for s in secret))
    client_address = f"{street}straße {number}\n{town}"
    # the client's name or street may well be written into the meeting point
    meeting = f"{place} {postcode}{first} {last} {street}straße Geheimträger"
    o = outing(start=datetime.combine(DAY, time(hour)), approach=approach, status=status,
               place=meeting, client_name=f"{first} {last}", client_address=client_address,
               third_party_name="Geheimträger", third_party_kind=party_kind,
               third_party_address=f"Am Markt 1\n{town}")  # fmt: skip
    plan = day_plan(DAY, [o])
    assert len(plan.rows) == (0 if status in NOT_OUT else 1)
    for row in plan.rows:
        shown = " ".join((row.staff, row.approach, row.where, row.status, row.client)).casefold()
        for s in secret:
            assert s.casefold() not in shown, (s, row)
    if plan.rows:
        assert day_plan(DAY, [o], with_names=True).rows[0].client == f"{first} {last}"


SPEC = st.tuples(st.integers(-2, 2), st.integers(0, 23), st.sampled_from(AppointmentStatus))


@given(st.lists(SPEC, max_size=12))
def test_the_plan_holds_exactly_the_days_outings_that_take_place_sorted(
    specs: list[tuple[int, int, AppointmentStatus]],
) -> None:
    outings = [
        outing(start=datetime.combine(DAY + timedelta(days=d), time(h)), status=s)
        for d, h, s in specs
    ]
    plan = day_plan(DAY, outings)
    expected = sorted(o.start for o in outings if o.start.date() == DAY and o.status not in NOT_OUT)
    assert [r.start for r in plan.rows] == expected


def test_a_third_partys_town_and_kind_stay_when_its_name_is_taken_out() -> None:
    o = outing(
        approach=Approach.ACCOMPANIMENT, place="Sozialer Dienst Lüchow",
        third_party_name="Sozialer Dienst Lüchow", third_party_kind=ThirdPartyKind.SOCIAL_SERVICE,
        third_party_address="Am Markt 1\n29439 Lüchow",
    )  # fmt: skip
    assert plan_row(o).where == "Sozialer Dienst, 29439 Lüchow"
