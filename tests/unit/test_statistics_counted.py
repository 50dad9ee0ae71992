"""The counted path (rows the database grouped, each with its number) gives exactly the figures
of the per-record path (`statistics.compute`, the reference) on any records, for every grouping."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit.test_statistics_properties import ANONYMOUS, APPOINTMENT, WHOLE

from outreach_desktop.domain.home_visit import TimelineSettings
from outreach_desktop.domain.statistics import AnonymousFacts, AppointmentFacts, Grouping, compute
from outreach_desktop.domain.statistics_counted import compute_counted, counted

SHORT = TimelineSettings(announcement_due_days=10, reminder_due_days=3)
TIMELINES = st.sampled_from([TimelineSettings(), SHORT])


@settings(max_examples=120, deadline=None)
@given(
    appointments=st.lists(APPOINTMENT, max_size=40),
    anonymous=st.lists(ANONYMOUS, max_size=5),
    by=st.sampled_from(Grouping),
    timeline=TIMELINES,
)
def test_the_counted_path_gives_the_figures_of_the_per_record_path(
    appointments: list[AppointmentFacts],
    anonymous: list[AnonymousFacts],
    by: Grouping,
    timeline: TimelineSettings,
) -> None:
    reference = compute(appointments, anonymous, WHOLE, by, timeline)
    rows = counted(appointments, staff=by is Grouping.STAFF, settings=timeline)
    assert compute_counted(rows, anonymous, WHOLE, by) == reference


@settings(max_examples=30, deadline=None)
@given(appointments=st.lists(APPOINTMENT, min_size=5, max_size=40))
def test_equal_records_fold_into_fewer_rows(appointments: list[AppointmentFacts]) -> None:
    twice = appointments + appointments
    rows = counted(twice)
    assert len(rows.appointments) <= len(appointments)
    assert sum(r.number for r in rows.appointments) == len(twice)
    assert compute_counted(rows, [], WHOLE, Grouping.STAFF) == compute(twice, [], WHOLE,
                                                                       Grouping.STAFF)  # fmt: skip
