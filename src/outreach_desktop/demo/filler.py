"""Fill a vault with the demo: invented people, appointments around the demo day, walked through
the approach workflows, consents and protocols; all through the session's services."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from outreach_desktop.demo.consents import consent_states
from outreach_desktop.demo.data import names
from outreach_desktop.demo.everyday import plan_everyday, work_everyday
from outreach_desktop.demo.history import write_history
from outreach_desktop.demo.people import invent_clients, invent_parties, invent_staff
from outreach_desktop.demo.protocols import write_protocols
from outreach_desktop.demo.run import DemoRun, stamp_on
from outreach_desktop.demo.sizes import Size
from outreach_desktop.demo.stories import tell_stories
from outreach_desktop.domain.errors import UserError
from outreach_desktop.services.session import Session

DEMO_KEY = "demo_runs"  # in the vault's meta table: this vault holds invented data


@dataclass(frozen=True)
class DemoSummary:
    clients: int
    staff: int
    third_parties: int
    appointments: int
    calls: int = 0
    letters: int = 0
    answers: int = 0
    outcomes: int = 0
    consents: int = 0
    protocols: int = 0


def next_run(session: Session) -> int:
    """Count this run in the vault (0 for the first); refuse a vault with real clients."""
    runs = session.meta(DEMO_KEY)
    if runs is None and session.clients.count() > 0:
        raise UserError(
            "Beispieldaten werden nur in einen neuen oder einen Demo-Tresor geschrieben, "
            "nie zu echten Daten."
        )
    run = int(runs or 0)
    session.set_meta(DEMO_KEY, str(run + 1))
    return run


def fill_demo(
    session: Session,
    *,
    clients: int = 30,
    seed: int = 1,
    today: date | None = None,
    size: Size | None = None,
) -> DemoSummary:
    """Add synthetic records; the same seed, day and run give the same data.

    Besides people and appointments the demo walks the appointments through the approach
    workflows as a caseworker would: call attempts and letters for home visits, checklist
    answers in every phase, outcomes, a relocation and follow-ups, consents and protocols, so
    that every screen has something to show. All of it is one change: kept whole, or not at all.

    Only into a vault without clients or one made for demos: invented people must never mix
    with real ones (they would travel to the office with them).

    With a `size` (medium, large) years of earlier work are added (demo/history.py).
    """
    with session.transaction():
        run_number = next_run(session)
        rng = random.Random(f"{seed}:{run_number}" if run_number else seed)
        run = populate(session, rng, today or date.today(), clients)
        if size is not None:
            with session.history.bulk():
                write_history(run, size, clients)
        session.statistics.prepare()  # their kept answers made at once, not one by one
    n = run.counts
    return DemoSummary(
        clients=clients + n["clients"],
        staff=len(run.colleagues) + 1,
        third_parties=len(run.parties),
        appointments=n["appointments"],
        calls=n["calls"],
        letters=n["letters"],
        answers=n["answers"],
        outcomes=n["outcomes"],
        consents=n["consents"],
        protocols=n["protocols"],
    )


def populate(session: Session, rng: random.Random, today: date, clients: int) -> DemoRun:
    """People, then everyday appointments, the stories, consents and protocols."""
    data = names()
    stamp = stamp_on(today)
    owner, colleagues = invent_staff(session, rng, data, stamp)
    parties = invent_parties(session, rng, data, stamp)
    made = invent_clients(session, rng, data, colleagues, clients, stamp)
    run = DemoRun(session, rng, today, owner, colleagues, parties)
    planned = plan_everyday(run, made)
    work_everyday(run, planned)
    tell_stories(run, made)
    consent_states(run, planned)
    write_protocols(run)
    return run
