"""Properties of the statistics over any records: groups partition the total, a period is the
sum of its months, order does not matter, the rates stay between 0 and 1, CSV cells are safe."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_desktop.domain.protocols import SuccessRating
from outreach_desktop.domain.statistics import (
    AnonymousFacts,
    AppointmentFacts,
    Figures,
    Grouping,
    compute,
)
from outreach_desktop.domain.statistics_period import Period, months_in
from outreach_desktop.domain.statistics_table import FORMULA_START, csv_safe
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

DAYS = st.dates(min_value=date(2025, 11, 1), max_value=date(2026, 3, 31))
STAFF = st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True)
OPTIONAL_DAY = st.none() | st.dates(min_value=date(2025, 9, 1), max_value=date(2026, 3, 31))

APPOINTMENT = st.builds(
    AppointmentFacts,
    approach=st.sampled_from(Approach),
    day=DAYS,
    status=st.sampled_from(AppointmentStatus),
    staff_ids=STAFF.map(tuple),
    anonymous=st.booleans(),
    first_meeting=st.booleans(),
    follow_ups=st.lists(st.sampled_from(AppointmentStatus), max_size=2).map(tuple),
    planned_min=st.integers(5, 480),
    buffer_min=st.integers(0, 240),
    real_min=st.none() | st.integers(0, 600),
    entered_home=st.booleans(),
    failed_calls=st.integers(0, 5),
    announcement_on=OPTIONAL_DAY,
    reminder_on=OPTIONAL_DAY,
    success=st.none() | st.sampled_from(SuccessRating),
    measures=st.lists(
        st.tuples(st.sampled_from(["x.one", "x.two"]), st.booleans()), max_size=2
    ).map(tuple),
    occasion=st.sampled_from(["", "keep-contact"]),
)
ANONYMOUS = st.builds(
    AnonymousFacts, day=DAYS, approach=st.sampled_from(Approach),
    duration_min=st.integers(1, 480), staff_ids=STAFF.map(tuple),
)  # fmt: skip
WHOLE = Period(date(2025, 11, 1), date(2026, 3, 31))


def plain(fig: Figures) -> dict[str, object]:
    return asdict(fig)


def added(figures: list[Figures]) -> dict[str, object]:
    """The field-wise sum of figures (counts, nested counts)."""

    def add(a: object, b: object) -> object:
        if isinstance(a, dict) and isinstance(b, dict):
            return {k: add(a.get(k, 0 if not isinstance(b.get(k), list) else [0, 0]),
                           b.get(k, 0 if not isinstance(a.get(k), list) else [0, 0]))
                    for k in a.keys() | b.keys()}  # fmt: skip
        if isinstance(a, list) and isinstance(b, list):
            return [x + y for x, y in zip(a, b, strict=True)]
        assert isinstance(a, int) and isinstance(b, int)
        return a + b

    result: dict[str, object] = plain(Figures())
    for fig in figures:
        result = add(result, plain(fig))  # type: ignore[assignment]
    return result


@settings(max_examples=60, deadline=None)
@given(st.lists(APPOINTMENT, max_size=30), st.lists(ANONYMOUS, max_size=5))
def test_approaches_and_months_partition_the_total(
    records: list[AppointmentFacts], anonymous: list[AnonymousFacts]
) -> None:
    for by in (Grouping.APPROACH, Grouping.MONTH):
        stats = compute(records, anonymous, WHOLE, by)
        assert added(list(stats.groups.values())) == plain(stats.total)
    assert len(compute(records, anonymous, WHOLE, Grouping.MONTH).order) == 5


@settings(max_examples=60, deadline=None)
@given(st.lists(APPOINTMENT, max_size=30), st.lists(ANONYMOUS, max_size=5), st.randoms())
def test_a_period_is_the_sum_of_its_months_and_order_does_not_matter(
    records: list[AppointmentFacts], anonymous: list[AnonymousFacts], rng: object
) -> None:
    whole = compute(records, anonymous, WHOLE).total
    months = []
    for key in months_in(WHOLE):
        year, month = (int(x) for x in key.split("-"))
        months.append(compute(records, anonymous, Period.month(year, month)).total)
    assert added(months) == plain(whole)
    shuffled = list(records)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert plain(compute(shuffled, anonymous, WHOLE).total) == plain(whole)


@settings(max_examples=60, deadline=None)
@given(st.lists(APPOINTMENT, max_size=30))
def test_counts_stay_within_their_wholes(records: list[AppointmentFacts]) -> None:
    stats = compute(records, [], WHOLE, Grouping.STAFF)
    total = stats.total
    assert sum(total.outcomes.values()) + total.open == total.appointments == len(records)
    assert total.follow_up_kept <= total.follow_up_planned <= total.carried_out
    assert total.entered + total.at_door <= total.home_visits
    for rate in (total.follow_up_rate, total.follow_up_kept_rate, total.entered_share):
        assert rate is None or 0 <= rate <= 1
    for kind, (sent, in_time) in total.letters.items():
        assert 0 <= in_time <= sent, kind
    # by staff: each person's figures are within the total, each appointment counted per person
    assert sum(g.appointments for g in stats.groups.values()) == sum(
        len(r.staff_ids) for r in records)  # fmt: skip
    assert all(g.appointments <= total.appointments for g in stats.groups.values())


@given(st.lists(APPOINTMENT, max_size=10), DAYS, st.integers(0, 40))
def test_records_outside_the_period_are_left_out(
    records: list[AppointmentFacts], first: date, days: int
) -> None:
    period = Period(first, first + timedelta(days=days))
    inside = [r for r in records if period.contains(r.day)]
    assert plain(compute(records, [], period).total) == plain(compute(inside, [], period).total)


@given(st.text(max_size=20))
def test_a_safe_csv_cell_never_begins_like_a_formula(text: str) -> None:
    safe = csv_safe(text)
    assert not safe.startswith(FORMULA_START)
    assert safe.endswith(text)
