"""The statistics at the office station: the records every laptop sent, by caseworker and for
the team. What stays on a laptop (conduct times, calls, letters, checklist answers) is not
counted there; what travels (appointments with their outcome and staff, follow-up links,
protocols' success ratings, anonymous counselling) is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from outreach_desktop.domain.statistics import Grouping
from outreach_desktop.domain.statistics_period import Period
from testkit.bundles import laptop_export
from testkit.stations import IMPORTED, Stations

PERIOD = Period(date(2020, 1, 1), date(2030, 12, 31))


def test_the_office_counts_what_the_laptops_sent(stations: Stations, tmp_path: Path) -> None:
    laptop, office = stations.laptop, stations.office
    assert office.statistics.compute(PERIOD).total.appointments == 0  # nothing imported yet
    path = tmp_path / "OD-1.age"
    path.write_bytes(laptop_export(laptop, office))
    fingerprint = laptop.identity.device_fingerprint()
    [result] = office.inbox.import_files([path], IMPORTED, {fingerprint}, trusted_by="Büro")
    assert result.status == "accepted"

    at_office = office.statistics.compute(PERIOD, Grouping.STAFF)
    on_laptop = laptop.statistics.compute(PERIOD, Grouping.STAFF)
    assert office.statistics.role == "office" and laptop.statistics.role == "field"
    a, b = at_office.total, on_laptop.total
    assert a.appointments == b.appointments > 0
    assert a.outcomes == b.outcomes and a.first_meetings == b.first_meetings
    assert (a.carried_out, a.follow_up_planned, a.follow_up_kept) == (
        b.carried_out, b.follow_up_planned, b.follow_up_kept)  # fmt: skip
    assert a.anonymous_counselling == b.anonymous_counselling > 0
    assert a.home_visits == b.home_visits and a.entered == b.entered
    # by caseworker: each person's appointments, as on the laptop that sent them
    assert {k: g.appointments for k, g in at_office.groups.items()} == {
        k: g.appointments for k, g in on_laptop.groups.items()}  # fmt: skip
    # the laptop's own bookkeeping does not travel
    assert b.timed > 0 and a.timed == 0 and a.failed_calls == 0 and a.measures == {}
    tab = office.statistics.table(PERIOD, Grouping.STAFF)
    owner = laptop.owner()
    assert owner is not None and owner.name in tab.columns
    assert "Bürostation" in office.statistics.scope_de()
