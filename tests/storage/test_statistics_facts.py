"""The statistics' facts (schema 19): a row's real minutes are those the domain counts
(`conduct.minutes_between`: rounded half to even, never negative), and the grouped reads walk
their indexes in the order of the groups — no sorting of a hundred thousand rows."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from outreach_desktop.domain.conduct import minutes_between
from outreach_desktop.services.session import Session
from outreach_desktop.storage.statistics_repo import COUNTED_SQL, MEASURES_SQL, grouped_sql
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


@pytest.mark.parametrize(("month", "staff"), [(False, False), (True, False), (False, True)])
def test_the_grouped_reads_do_not_sort(session: Session, month: bool, staff: bool) -> None:
    db = vault_of(session).db
    counted = grouped_sql(COUNTED_SQL, month, staff)
    measures = grouped_sql(MEASURES_SQL, month, staff).format(marks="?, ?")
    for sql, params in ((counted, ("{}", "2026-01-01", "2027-01-01")),
                        (measures, ("x", "y", "2026-01-01", "2027-01-01"))):  # fmt: skip
        plan = " | ".join(str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "TEMP B-TREE" not in plan and "COVERING INDEX statistics_" in plan, plan
