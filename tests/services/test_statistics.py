"""The statistics on a real vault: the demo's figures against a count made record by record
through the other services (not the statistics' bulk queries nor its domain functions), and
nothing personal in the report or the CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, timedelta

import pytest

from documents.samples import Rendered
from outreach_desktop.demo.filler import fill_demo
from outreach_desktop.domain.home_visit import LetterKind
from outreach_desktop.domain.protocols import TEXT_FIELDS
from outreach_desktop.domain.statistics import Grouping
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.domain.vocabulary import AppointmentStatus as S
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session

DEMO_DAY = date(2026, 3, 10)
PERIOD = Period(date(2025, 1, 1), date(2026, 12, 31))
HELD = (S.DONE, S.HELD_NEARBY)


@pytest.fixture
def demo(session: Session) -> Session:
    fill_demo(session, clients=30, seed=1, today=DEMO_DAY)
    return session


def count_by_hand(session: Session, approach: Approach) -> Counter[str]:
    """The figures of one approach, appointment by appointment through the ordinary services."""
    n: Counter[str] = Counter()
    for a in session.appointments.search("", 100_000):
        if a.approach is not approach or not PERIOD.contains(a.start.date()):
            continue
        n["appointments"] += 1
        n[f"status.{a.status.value}"] += 1
        n["first_meetings"] += a.first_meeting
        n["anonymous"] += a.client_id is None
        followers = session.appointments.followers(a.id)
        if a.status in HELD:
            n["carried_out"] += 1
            n["follow_up_planned"] += bool(followers)
            n["follow_up_kept"] += any(f.status in HELD for f in followers)
        for protocol in session.protocols.for_appointment(a.id)[-1:]:
            n[f"success.{protocol.success.value}"] += 1
        state = session.workflow.state(a.id, DEMO_DAY)
        for item_id, stored in session.workflow.answers(a.id).items():
            if item_id in ("wt.trust_built", "acc.lasting_connection", "hv.working_alliance"):
                n[f"{item_id}.{stored.answer.value}"] += 1
        c = state.conduct
        if c.started_at is not None and c.outcome_at is not None:
            n["timed"] += 1
            n["real_minutes"] += round((c.outcome_at - c.started_at).seconds / 60) + a.buffer_min
        if approach is Approach.HOME_VISIT:
            if a.status in (S.DONE, S.HELD_NEARBY, S.ENDED_AT_DOOR):
                n["home_visits"] += 1
                n["entered"] += c.entered_home_at is not None or a.status is S.DONE
                n["at_door"] += a.status is S.ENDED_AT_DOOR
            n["failed_calls"] += sum(
                1 for k in state.calls if k.call.failed and k.call.at.date() <= a.start.date()
            )
            timeline = state.timeline
            assert timeline is not None
            for kind, sent in (
                (LetterKind.ANNOUNCEMENT, timeline.announcement_sent_on),
                (LetterKind.REMINDER, timeline.reminder_sent_on),
            ):
                if sent is not None:
                    n[f"{kind.value}.sent"] += 1
                    n[f"{kind.value}.in_time"] += sent <= timeline.window(kind).due
    return n


def test_demo_figures_match_a_count_record_by_record(demo: Session) -> None:
    stats = demo.statistics.compute(PERIOD, Grouping.APPROACH)
    anonymous = Counter(r.approach for r in demo.protocols.anonymous_counselling())
    for approach in Approach:
        hand, fig = count_by_hand(demo, approach), stats.groups[approach.value]
        assert hand["appointments"] > 0, approach  # the demo has every approach
        assert fig.appointments == hand["appointments"]
        for status, count in fig.outcomes.items():
            assert count == hand[f"status.{status.value}"], (approach, status)
        assert fig.first_meetings == hand["first_meetings"]
        assert fig.anonymous_appointments == hand["anonymous"]
        assert fig.anonymous_counselling == anonymous[approach]
        assert (fig.carried_out, fig.follow_up_planned, fig.follow_up_kept) == (
            hand["carried_out"],
            hand["follow_up_planned"],
            hand["follow_up_kept"],
        )
        assert {k.value: v for k, v in fig.success.items() if v} == {
            k.removeprefix("success."): v for k, v in hand.items() if k.startswith("success.")
        }
        for item in ("wt.trust_built", "acc.lasting_connection", "hv.working_alliance"):
            assert fig.measures.get(item, [0, 0]) == [hand[f"{item}.True"], hand[f"{item}.False"]]
        assert (fig.timed, fig.real_minutes) == (hand["timed"], hand["real_minutes"])
        assert (fig.home_visits, fig.entered, fig.at_door, fig.failed_calls) == (
            hand["home_visits"],
            hand["entered"],
            hand["at_door"],
            hand["failed_calls"],
        )
        for kind in LetterKind:
            assert fig.letters[kind] == [hand[f"{kind.value}.sent"], hand[f"{kind.value}.in_time"]]
    # the demo is not empty where it matters: the figures above were checked, not all zero
    total = stats.total
    assert total.carried_out and total.follow_up_planned and total.home_visits
    assert total.timed and total.letters[LetterKind.ANNOUNCEMENT][0] and total.measures
    assert total.anonymous_counselling and total.failed_calls


def test_grouped_by_month_and_staff_the_totals_hold(demo: Session) -> None:
    by_month = demo.statistics.compute(PERIOD, Grouping.MONTH)
    assert sum(g.appointments for g in by_month.groups.values()) == by_month.total.appointments
    by_staff = demo.statistics.compute(PERIOD, Grouping.STAFF)
    owner = demo.owner()
    assert owner is not None and owner.id in by_staff.groups
    assert by_staff.groups[owner.id].appointments == sum(
        1 for a in demo.appointments.search("", 100_000)
        if owner.id in a.staff_ids and PERIOD.contains(a.start.date()))  # fmt: skip
    tab = demo.statistics.table(PERIOD, Grouping.STAFF)
    assert owner.name in tab.columns  # staff columns by name (the caseworkers, not clients)


def personal_texts(session: Session) -> set[str]:
    """Every name, customer number, address, phone and free text the demo vault holds."""
    found: set[str] = set()
    for client in session.clients.all():
        found |= {client.display_name, client.customer_number, client.address, client.phone,
                  client.reachability_notes}  # fmt: skip
        found |= set(client.display_name.split())  # first and last names alone, too
    for party in session.third_parties.all():
        found |= {party.name, party.address, party.contact}
    for protocol in session.protocols.all():
        found |= {getattr(protocol, name) for name, _label in TEXT_FIELDS}
        found |= {p.name for p in protocol.others_present}
    for appointment in session.appointments.search("", 100_000):
        found.add(appointment.place)
    return {t for t in found if len(t.strip()) >= 4}


def test_no_name_number_or_text_reaches_the_report_or_the_csv(demo: Session) -> None:
    secrets = personal_texts(demo)
    staff = {s.name for s in demo.staff.all() if s.name}
    numbers = {c.customer_number for c in demo.clients.all() if c.customer_number}
    assert len(secrets) > 100 and numbers and numbers <= secrets
    made = []
    for by in Grouping:
        pdf = Rendered(demo.statistics.report(PERIOD, DEMO_DAY, by))
        csv_text = demo.statistics.csv(PERIOD, by)
        json_text = str(demo.statistics.json(PERIOD, by))
        made.append((by, pdf.poppler_text() + pdf.pypdf_text() + csv_text + json_text))
    for by, text in made:
        leaked = {s for s in secrets if s in text or " ".join(s.split()) in text}
        assert leaked == set(), by
        if by is not Grouping.STAFF:  # staff names only as the columns of "by staff"
            assert {s for s in staff if s in text} == set(), by
    pdf = Rendered(demo.statistics.report(PERIOD, DEMO_DAY))
    text = pdf.poppler_text()
    assert "Auswertung der aufsuchenden Beratung" in text and "Seite 1/" in text
    assert "< 3" in text  # the demo has small counts, and they are hidden


def test_small_counts_leave_the_vault_hidden_by_the_setting(demo: Session) -> None:
    rows = list(csv.reader(io.StringIO(demo.statistics.csv(PERIOD, Grouping.APPROACH)),
                           delimiter=";"))  # fmt: skip
    cells = [c for row in rows[1:] for c in row[1:]]
    assert "< 3" in cells and "1" not in cells and "2" not in cells
    exact = demo.statistics.table(PERIOD, Grouping.APPROACH).text(0)
    assert any(c in ("1", "2") for row in exact for c in row[1:])  # the screen may be exact
    from outreach_desktop.services.settings import load_settings, save_settings

    settings = load_settings()
    settings.statistics_threshold = 5
    save_settings(settings)
    assert demo.statistics.threshold() == 5
    cells = [c for row in csv.reader(io.StringIO(demo.statistics.csv(PERIOD)), delimiter=";")
             for c in row[1:]]  # fmt: skip
    assert not set(cells) & {"1", "2", "3", "4"}


def test_records_of_the_day_after_the_period_stay_out(demo: Session) -> None:
    days = sorted({a.start.date() for a in demo.appointments.search("", 100_000)})
    middle = days[len(days) // 2]
    before = demo.statistics.compute(Period(days[0], middle - timedelta(days=1))).total
    after = demo.statistics.compute(Period(middle, days[-1])).total
    whole = demo.statistics.compute(Period(days[0], days[-1])).total
    assert before.appointments + after.appointments == whole.appointments == len(
        demo.appointments.search("", 100_000))  # fmt: skip
