"""The counted read (GROUP BY in SQL over the facts the triggers keep) gives the figures of the
per-record path — one tuple per appointment (`statistics.facts`) counted by
`domain.statistics.compute` — on a real vault with varied data, for every grouping and period,
also after the records change under it in every way the triggers follow."""

from __future__ import annotations

import random
from datetime import date

import pytest
from benchmarks.statistics import fill

from outreach_desktop.demo.filler import fill_demo
from outreach_desktop.domain.statistics import Grouping, Statistics, compute
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.domain.statistics_table import table
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.evaluation import evaluate
from outreach_desktop.services.session import Session
from testkit.internals import vault_of

DEMO_DAY = date(2026, 3, 10)
PERIODS = (
    Period(date(2025, 1, 1), date(2026, 12, 31)),
    Period(date(2026, 2, 1), date(2026, 4, 30)),
    Period(date(2026, 3, 10), date(2026, 3, 10)),
)


@pytest.fixture
def demo(session: Session) -> Session:
    """The demo (written through the services) and the benchmark's records (plain SQL: many
    follow-ups, failed calls, letters early and late, protocols, answers, two staff at a time)."""
    fill_demo(session, clients=30, seed=3, today=DEMO_DAY)
    fill(session, 400, seed=4)
    return session


def per_record(session: Session, period: Period, by: Grouping) -> Statistics:
    service = session.statistics
    appointments, anonymous = service.facts(period, staff=by is Grouping.STAFF)
    return service.named(
        compute(appointments, anonymous, period, by, session.workflow.timeline_settings)
    )


def assert_same_figures(session: Session) -> None:
    for period in PERIODS:
        for by in Grouping:
            assert session.statistics.compute(period, by) == per_record(session, period, by), (
                period,
                by,
            )


def test_the_counted_read_gives_the_per_record_figures(demo: Session) -> None:
    whole = PERIODS[0]
    total = demo.statistics.compute(whole).total
    # the demo is varied: every kind of figure the counted read groups by is there
    assert total.appointments > 400 and total.timed and total.follow_up_kept
    assert total.failed_calls and total.measures and total.anonymous_counselling
    assert all(total.success.values()) and all(total.outcomes.values())
    assert all(sent > in_time > 0 for sent, in_time in total.letters.values())
    assert any("@" in key for key in total.measures)  # home visits by occasion
    assert_same_figures(demo)
    service = demo.statistics
    for by in Grouping:
        expected = table(per_record(demo, whole, by), service.group_labels(by),
                         service.measure_labels())  # fmt: skip
        assert service.table(whole, by) == expected


def test_the_page_counts_what_the_per_record_path_counts(demo: Session) -> None:
    period = PERIODS[0]
    for approach in (None, *Approach):
        page = evaluate(demo, period, approach, Grouping.MONTH)
        appointments, anonymous = demo.statistics.facts(period)
        appointments = [f for f in appointments if approach in (None, f.approach)]
        anonymous = [f for f in anonymous if approach in (None, f.approach)]
        timeline = demo.workflow.timeline_settings
        assert page.by_month == compute(appointments, anonymous, period, Grouping.MONTH, timeline)
        by_approach = compute(appointments, anonymous, period, Grouping.APPROACH, timeline)
        assert page.by_approach == by_approach


CHANGES = (
    "UPDATE appointments SET status = 'done' WHERE id = :a",
    "UPDATE appointments SET status = 'cancelled' WHERE id = :a",
    "UPDATE appointments SET start = '2026-03-10T09:00:00' WHERE id = :a",
    "UPDATE appointments SET approach = 'home-visit' WHERE id = :a",
    "UPDATE appointments SET first_meeting = 1 - first_meeting, buffer_min = 7 WHERE id = :a",
    "UPDATE appointments SET predecessor_id = :b WHERE id = :a AND :a <> :b",
    "UPDATE appointments SET predecessor_id = NULL WHERE id = :a",
    "DELETE FROM appointment_staff WHERE appointment_id = :a",
    "INSERT OR IGNORE INTO appointment_staff (appointment_id, staff_id, position)"
    " SELECT :a, id, 9 FROM staff LIMIT 1",
    "UPDATE conducts SET outcome_at = strftime('%Y-%m-%dT%H:%M:%S', started_at, '+150 seconds')"
    " WHERE appointment_id = :a",
    "UPDATE conducts SET appointment_id = :b WHERE appointment_id = :a"
    " AND NOT EXISTS (SELECT 1 FROM conducts WHERE appointment_id = :b)",
    "DELETE FROM conducts WHERE appointment_id = :a",
    "UPDATE call_attempts SET outcome = 'no-answer', at = '2026-01-01T10:00:00'"
    " WHERE appointment_id = :a",
    "DELETE FROM call_attempts WHERE appointment_id = :a",
    "UPDATE letters SET sent_on = date(sent_on, '+20 days') WHERE appointment_id = :a",
    "DELETE FROM letters WHERE appointment_id = :a AND kind = 'reminder'",
    "UPDATE protocols SET appointment_id = :b WHERE appointment_id = :a AND finalized_at IS NULL",
    "UPDATE protocols SET success = 'yes', met_at = '2026-03-11T10:00:00'"
    " WHERE appointment_id = :a AND finalized_at IS NULL",
    "UPDATE checklist_answers SET value = CASE value WHEN 'true' THEN 'false' ELSE 'true' END"
    " WHERE appointment_id = :a AND value IN ('true', 'false')",
    "UPDATE checklist_answers SET value = '\"other\"' WHERE appointment_id = :a"
    " AND item_id = 'hv.occasion'",
    "DELETE FROM checklist_answers WHERE appointment_id = :a",
    "DELETE FROM appointments WHERE id = :a AND NOT EXISTS (SELECT 1 FROM protocols"
    " WHERE appointment_id = :a OR follow_up_id = :a) AND NOT EXISTS (SELECT 1 FROM consents"
    " WHERE appointment_id = :a) AND NOT EXISTS (SELECT 1 FROM appointments"
    " WHERE predecessor_id = :a OR relocated_from_id = :a)",
)


def test_the_counted_read_follows_every_change_of_the_records(demo: Session) -> None:
    db = vault_of(demo).db
    ids = [r[0] for r in db.execute("SELECT id FROM appointments ORDER BY id")]
    rng = random.Random(15)
    for sql in CHANGES:
        with db.transaction():
            for _ in range(25):
                db.execute(sql, {"a": rng.choice(ids), "b": rng.choice(ids)})
    assert not db.execute("PRAGMA foreign_key_check")
    assert_same_figures(demo)
    for kept in ("statistics_facts", "statistics_answers"):  # as if made anew from the records
        made = f"{kept}_source"
        assert not db.execute(f"SELECT * FROM {kept} EXCEPT SELECT * FROM {made}")
        assert not db.execute(f"SELECT * FROM {made} EXCEPT SELECT * FROM {kept}")


def kept_answers(session: Session) -> set[tuple[str, str]]:
    db = vault_of(session).db
    return set(db.tuples("SELECT appointment_id, item_id FROM statistics_answers"))


def test_only_the_success_items_answers_are_kept_and_made_again_when_they_change(
    demo: Session,
) -> None:
    """Schema 20: the database keeps the yes/no answers of the success items only (not every
    answer); when the items change (a site's checklist), their answers are made again."""
    db, service = vault_of(demo).db, demo.statistics
    success = set(service.success_items())
    kept = kept_answers(demo)
    assert kept and {item for _a, item in kept} <= success
    yes_no = set(db.tuples(
        "SELECT appointment_id, item_id FROM checklist_answers WHERE value IN ('true', 'false')"
    ))  # fmt: skip
    assert kept == {(a, i) for a, i in yes_no if i in success}  # those, all of them
    assert len(yes_no) > 2 * len(kept)  # far fewer than every yes/no answer
    other = sorted({i for _a, i in yes_no} - success)[:2]
    repo = service._repo
    assert repo.keep_items(other) and not repo.keep_items(other)  # changed once, then kept
    assert kept_answers(demo) == {(a, i) for a, i in yes_no if i in other}
    service.prepare()  # back to the success items
    assert kept_answers(demo) == kept
    assert_same_figures(demo)
