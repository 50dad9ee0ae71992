"""Years of earlier work added to the demo (`--size medium/large`): clients, appointments of
all three approaches over five years, conducted to their outcomes with answers, calls and
letters, and protocols; a few weeks of planned appointments ahead. Written through the history
service in chunks, inside the demo's one transaction (one commit, no fsync per record)."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from outreach_desktop.demo.days import at, workday_after, workday_before
from outreach_desktop.demo.everyday import HOURS
from outreach_desktop.demo.history_records import (
    MET,
    documented_at_map,
    past,
    protocol,
    upcoming,
)
from outreach_desktop.demo.people import invent_client
from outreach_desktop.demo.run import DemoRun
from outreach_desktop.demo.sizes import YEARS, Size
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.history import PastAppointment

CHUNK = 500  # clients per write
AHEAD_SHARE = 0.03  # of the appointments: planned in the weeks ahead
PROTOCOL_SHARE = 0.66  # of the appointments where the client was met (up to the size's total)
FOLLOW_UP_SHARE = 0.3  # of a client's appointments: a follow-up of the one before


def write_history(run: DemoRun, size: Size, demo_clients: int) -> None:
    """Clients up to the size's total, the appointments shared out among them at random."""
    rng = run.rng
    n = max(size.clients - demo_clients, 1)
    per_client = [0] * n
    for _ in range(size.appointments):
        per_client[rng.randrange(n)] += 1
    written = 0
    for start in range(0, n, CHUNK):
        counts = per_client[start : start + CHUNK]
        clients = [invent_client(rng, run.names, run.colleagues) for _ in counts]
        run.session.history.add_clients(clients, run.stamp)
        run.count("clients", len(clients))
        written = write_chunk(run, size, list(zip(clients, counts, strict=True)), written)


def write_chunk(
    run: DemoRun, size: Size, clients: list[tuple[Client, int]], protocols_written: int
) -> int:
    """The appointments of these clients with their protocols; returns the protocols so far."""
    entries: list[PastAppointment] = []
    protocols: list[Protocol] = []
    now = run.clock
    for client, count in clients:
        for a in appointments_of(run, client, count):
            if a.start >= now:
                entries.append(upcoming(run, a, now))
                continue
            entry = past(run, a, now)
            entries.append(entry)
            met = entry.conduct is not None and entry.conduct.outcome in MET
            room = protocols_written + len(protocols) < size.protocols
            if met and room and run.rng.random() < PROTOCOL_SHARE:
                protocols.append(protocol(run, a, client, protocols_written + len(protocols)))
            elif met:
                documented_at_map(run, entry)
    run.session.history.add_appointments(entries, run.stamp, run.rid)
    run.session.history.add_protocols(protocols, run.stamp)
    tally(run, entries, protocols)
    return protocols_written + len(protocols)


def appointments_of(run: DemoRun, client: Client, count: int) -> list[Appointment]:
    """`count` appointments of a client over the years, in order; some follow the one before."""
    rng = run.rng
    days = []
    for _ in range(count):
        if rng.random() < AHEAD_SHARE:
            day = run.today + timedelta(days=rng.randint(1, 42))
        else:
            day = run.today - timedelta(days=rng.randint(1, YEARS * 365))
        days.append(workday_before(day) if day < run.today else workday_after(day))
    made: list[Appointment] = []
    for day in sorted(days):
        start = at(day, rng.choice(HOURS), rng.choice((0, 30)))
        before = made[-1] if made else None
        if before is not None and rng.random() < FOLLOW_UP_SHARE:
            made.append(before.follow_up(start, new_id=run.rid()))
            continue
        approach = rng.choice(list(Approach))
        made.append(run.draft(approach, start, client, first_meeting=before is None))
    return made


def tally(run: DemoRun, entries: list[PastAppointment], protocols: list[Protocol]) -> None:
    kinds: defaultdict[str, int] = defaultdict(int)
    for e in entries:
        kinds["answers"] += len(e.answers)
        kinds["calls"] += len(e.calls)
        kinds["letters"] += len(e.letters)
        kinds["outcomes"] += e.conduct is not None
    for what, n in kinds.items():
        run.count(what, n)
    run.count("appointments", len(entries))
    run.count("protocols", len(protocols))
