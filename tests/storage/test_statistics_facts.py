"""The statistics' facts (schema 19): a row's real minutes are those the domain counts
(`conduct.minutes_between`: rounded half to even, never negative), and the grouped reads walk
their indexes in the order of the groups — no sorting of a hundred thousand rows — and, by
month, seek the period's months (schema 21) instead of walking every year."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from outreach_desktop.domain.conduct import minutes_between
from outreach_desktop.services.session import Session
from outreach_desktop.storage.statistics_repo import (
    COUNTED_SQL,
    MEASURES_SQL,
    grouped_sql,
    months,
    span,
)
from testkit.internals import vault_of

BEGUN = datetime(2026, 3, 10, 9, 0, 0)
SECONDS = (-90, -30, 0, 29, 30, 31, 59, 60, 89, 90, 91, 150, 3600 + 30, 5400 + 31)


def test_real_minutes_are_the_domains(session: Session) -> None:
    db = vault_of(session).db
    with db.transaction():
        for n, seconds in enumerate(SECONDS):
            db.execute(
                "INSERT INTO appointments (id, created_at, updated_at, revision, origin_device,"
                " approach, start, planned_duration_min, buffer_min, status)"
                " VALUES (?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1, 'test',"
                " 'walk-and-talk', ?, 60, 0, 'done')",
                (f"a{n}", BEGUN.isoformat()),
            )
            ended = BEGUN + timedelta(seconds=seconds)
            db.execute(
                "INSERT INTO conducts (appointment_id, started_at, outcome_at, outcome,"
                " updated_at, origin_device) VALUES (?, ?, ?, 'done', '2026-01-01T00:00:00Z',"
                " 'test')",
                (f"a{n}", BEGUN.isoformat(timespec="seconds"), ended.isoformat()),
            )
    found = dict(db.tuples("SELECT appointment_id, real_min FROM statistics_facts"))
    assert [found[f"a{n}"] for n in range(len(SECONDS))] == [
        minutes_between(BEGUN, BEGUN + timedelta(seconds=s)) for s in SECONDS
    ]


@pytest.mark.parametrize("staff", [False, True])
def test_the_grouped_reads_do_not_sort(session: Session, staff: bool) -> None:
    db = vault_of(session).db
    counted = grouped_sql(COUNTED_SQL, staff)
    measures = grouped_sql(MEASURES_SQL, staff).format(marks="?, ?")
    days = span("2026-01-01", "2027-01-01", staff)
    for sql, params in ((counted, ("{}", *days)), (measures, ("x", "y", *days))):
        plan = " | ".join(str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "TEMP B-TREE" not in plan and "COVERING INDEX statistics_" in plan, plan
        if not staff:  # a period's months are one range of the index (schema 21), not a filter
            assert "month>? AND month<?" in plan, plan


def test_a_periods_months() -> None:
    assert months("2026-01-01", "2027-01-01") == ("2026-01", "2026-12")
    assert months("2026-03-15", "2026-03-16") == ("2026-03", "2026-03")
    assert months("2025-12-31", "2026-03-01") == ("2025-12", "2026-02")
