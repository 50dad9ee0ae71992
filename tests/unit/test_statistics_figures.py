"""The statistics' figures on small explicit records whose counts were worked out by hand."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.home_visit import LetterKind
from outreach_desktop.domain.protocols import SuccessRating
from outreach_desktop.domain.statistics import (
    AnonymousFacts,
    AppointmentFacts,
    Grouping,
    compute,
)
from outreach_desktop.domain.statistics_period import Period, months_in
from outreach_desktop.domain.statistics_table import (
    Cell,
    csv_safe,
    shown,
    shown_count,
    table,
    to_csv,
    to_json,
)
from outreach_desktop.domain.vocabulary import AppointmentStatus as S
from outreach_desktop.domain.vocabulary import Approach as A

MARCH = Period.month(2026, 3)
W, B, H = A.WALK_AND_TALK, A.ACCOMPANIMENT, A.HOME_VISIT

# Eight appointments in March 2026 and one in April (left out), worked through by hand below.
RECORDS = [
    AppointmentFacts(W, date(2026, 3, 2), S.DONE, ("anna",), first_meeting=True,
                     follow_ups=(S.DONE,), planned_min=60, buffer_min=30, real_min=50,
                     success=SuccessRating.YES, measures=(("wt.trust_built", True),)),
    AppointmentFacts(W, date(2026, 3, 3), S.DONE, ("anna", "ben"), follow_ups=(S.CANCELLED,),
                     planned_min=60, buffer_min=30, real_min=70,
                     measures=(("wt.trust_built", False),)),
    AppointmentFacts(W, date(2026, 3, 4), S.NOT_MET, ("ben",), anonymous=True),
    AppointmentFacts(B, date(2026, 3, 5), S.DONE, ("ben",), planned_min=90, buffer_min=30),
    AppointmentFacts(B, date(2026, 3, 6), S.POSTPONED, ("anna",)),
    AppointmentFacts(H, date(2026, 3, 30), S.DONE, ("anna", "ben"), entered_home=True,
                     failed_calls=3, announcement_on=date(2026, 3, 2),
                     reminder_on=date(2026, 3, 25), planned_min=60, buffer_min=45, real_min=40,
                     occasion="obstacles", measures=(("hv.reachability_secured", True),)),
    AppointmentFacts(H, date(2026, 3, 31), S.ENDED_AT_DOOR, ("anna", "ben"), failed_calls=2,
                     announcement_on=date(2026, 3, 20)),
    AppointmentFacts(H, date(2026, 3, 12), S.PLANNED, ("ben",)),
    AppointmentFacts(W, date(2026, 4, 1), S.DONE, ("anna",)),
]  # fmt: skip
ANONYMOUS = [
    AnonymousFacts(date(2026, 3, 9), W, 30, ("anna",)),
    AnonymousFacts(date(2026, 2, 28), W, 30, ("anna",)),  # February: left out
]


def test_the_hand_count_of_march() -> None:
    total = compute(RECORDS, ANONYMOUS, MARCH).total
    assert total.appointments == 8
    assert total.outcomes[S.DONE] == 4 and total.outcomes[S.ENDED_AT_DOOR] == 1
    assert total.outcomes[S.NOT_MET] == 1 and total.outcomes[S.POSTPONED] == 1
    assert total.outcomes[S.CANCELLED] == 0 and total.open == 1
    assert (total.first_meetings, total.anonymous_appointments) == (1, 1)
    assert (total.anonymous_counselling, total.anonymous_minutes) == (1, 30)
    # carried out: the four "done"; with a follow-up: the first two; kept: only the first
    assert (total.carried_out, total.follow_up_planned, total.follow_up_kept) == (4, 2, 1)
    assert total.follow_up_rate == 0.5 and total.follow_up_kept_rate == 0.25
    assert total.success[SuccessRating.YES] == 1 and total.success[SuccessRating.OPEN] == 0
    assert total.measures["wt.trust_built"] == [1, 1]
    assert total.measures["hv.reachability_secured"] == [1, 0]
    assert total.measures["hv.reachability_secured@obstacles"] == [1, 0]
    # real time with buffer: (50+30) + (70+30) + (40+45); planned: 90 + 90 + 105
    assert (total.timed, total.real_minutes, total.planned_minutes) == (3, 265, 285)
    assert (total.home_visits, total.entered, total.at_door) == (2, 1, 1)
    assert (total.failed_calls, total.visits_after_failed_calls) == (5, 2)
    # visit 30.03.: announcement due 09.03. (sent 02.03.: in time), reminder due 23.03. (sent
    # 25.03.: late); visit 31.03.: announcement due 10.03. (sent 20.03.: late)
    assert total.letters[LetterKind.ANNOUNCEMENT] == [2, 1]
    assert total.letters[LetterKind.REMINDER] == [1, 0]


def test_grouped_by_approach_month_and_staff() -> None:
    by_approach = compute(RECORDS, ANONYMOUS, MARCH, Grouping.APPROACH)
    assert by_approach.order == ("walk-and-talk", "accompaniment", "home-visit")
    assert [by_approach.groups[k].appointments for k in by_approach.order] == [3, 2, 3]
    assert by_approach.groups["walk-and-talk"].anonymous_counselling == 1
    by_staff = compute(RECORDS, ANONYMOUS, MARCH, Grouping.STAFF)
    # anna: 1, 2, 5, 6, 7 (five); ben: 2, 3, 4, 6, 7, 8 (six); shared ones count for both
    assert by_staff.groups["anna"].appointments == 5
    assert by_staff.groups["ben"].appointments == 6
    assert by_staff.total.appointments == 8
    quarter = compute(RECORDS, ANONYMOUS, Period.quarter(2026, 1), Grouping.MONTH)
    assert quarter.order == ("2026-01", "2026-02", "2026-03")
    assert [quarter.groups[k].appointments for k in quarter.order] == [0, 0, 8]
    assert quarter.groups["2026-02"].anonymous_counselling == 1


def test_periods() -> None:
    assert (Period.month(2024, 2).first, Period.month(2024, 2).last) == (
        date(2024, 2, 1), date(2024, 2, 29))  # fmt: skip
    assert Period.quarter(2026, 4).first == date(2026, 10, 1)
    assert Period.quarter(2026, 4).last == date(2026, 12, 31)
    assert Period.year(2026).label_de == "Jahr 2026"
    assert Period.month(2026, 3).label_de == "März 2026"
    assert Period(date(2026, 1, 5), date(2026, 2, 1)).label_de == "05.01.2026 – 01.02.2026"
    assert months_in(Period(date(2025, 12, 5), date(2026, 2, 1))) == [
        "2025-12", "2026-01", "2026-02"]  # fmt: skip
    with pytest.raises(UserError, match="endet"):
        Period(date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(UserError):
        Period.month(2026, 13)


def test_small_counts_leave_the_vault_as_less_than_the_threshold() -> None:
    assert [shown_count(n) for n in (0, 1, 2, 3, 17)] == ["0", "< 3", "< 3", "3", "17"]
    assert shown_count(4, threshold=5) == "< 5"
    assert shown_count(2, threshold=0) == "2"  # on the screen, inside the vault
    assert shown(Cell("rate", 2, 10)) == "–"  # the part would tell a small count
    assert shown(Cell("rate", 9, 10)) == "–"  # so would the rest
    assert shown(Cell("rate", 5, 10)) == "50 %"
    assert shown(Cell("rate", 0, 0)) == "–"
    assert shown(Cell("hours", 150, 2)) == "–" and shown(Cell("hours", 150, 3)) == "2,5"


def test_the_table_csv_and_json_hide_small_counts() -> None:
    tab = table(compute(RECORDS, ANONYMOUS, MARCH, Grouping.APPROACH))
    assert tab.columns == ("Walk and Talk", "Begleitung zu Dritten", "Hausbesuch", "Gesamt")
    assert tab.text()[0] == ["Termine im Zeitraum", "3", "< 3", "3", "8"]
    assert tab.text(0)[0] == ["Termine im Zeitraum", "3", "2", "3", "8"]
    rows = list(csv.reader(io.StringIO(to_csv(tab)), delimiter=";"))
    assert rows[0] == ["Kennzahl", *tab.columns]
    assert rows[1] == ["Termine im Zeitraum", "3", "< 3", "3", "8"]
    data = to_json(tab)
    assert data["rows"][0]["values"]["Begleitung zu Dritten"] == "< 3"


@pytest.mark.parametrize("text", ["=1+1", "+49 30", "-3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_would_be_formulas_are_quoted_as_text(text: str) -> None:
    assert csv_safe(text) == "'" + text
    tab = table(compute([], [], MARCH, Grouping.STAFF), group_labels={})
    assert csv_safe("< 3") == "< 3" and tab.columns == ("Gesamt",)
