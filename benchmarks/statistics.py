"""The statistics' figure: the whole table of a large vault (BENCH_STAT_APPOINTMENTS appointments,
100,000 by default, with their staff, conduct, letters, calls, protocols, checklist answers and
follow-ups) computed through `session.statistics` — bulk reads, the domain's counting, the
table. Standalone: `python -m benchmarks.statistics` prints one line; `statistics_seconds`
takes an unlocked session (or a vault path) and returns seconds, for the benchmark table.

The vault is filled with plain SQL in one transaction (the records are what the statistics
read, not what the services would check); minimum Argon2id, unlocking is not measured."""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from outreach_desktop.domain.statistics import Grouping
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault, unlock_vault
from outreach_desktop.storage.kdf import MINIMUM

APPOINTMENTS = int(os.environ.get("BENCH_STAT_APPOINTMENTS", "100000"))
PASSPHRASE = "Benchmark Passphrase 2026"
LIMIT_SECONDS = 0.5  # the promise for 100,000 appointments
FIRST_DAY = date(2025, 1, 1)
DAYS = 730
APPROACHES = ("walk-and-talk", "accompaniment", "home-visit")
STATUSES = ("planned", "done", "done", "done", "held-nearby", "ended-at-door", "not-met",
            "broken-off", "postponed", "cancelled")  # fmt: skip
MEASURES = {"walk-and-talk": ("wt.unreachable_client_reached", "wt.trust_built"),
            "accompaniment": ("acc.lasting_connection", "acc.one_off_result"),
            "home-visit": ("hv.working_alliance", "hv.reachability_secured")}  # fmt: skip
STAMP = "2026-01-01T07:00:00Z"


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


Rows = dict[str, list[tuple[object, ...]]]


def _rows(n: int, rng: random.Random, staff: list[str], clients: list[str]) -> Rows:
    out: Rows = {k: [] for k in ("appointments", "staff", "conducts", "letters", "calls",
                                 "protocols", "answers")}  # fmt: skip
    ids: list[str] = []
    for i in range(n):
        aid, approach = _id(rng), APPROACHES[i % 3]
        start = datetime.combine(FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
                                 datetime.min.time()) + timedelta(hours=8 + i % 9)  # fmt: skip
        status = rng.choice(STATUSES if approach == "home-visit" else STATUSES[:4] + STATUSES[6:])
        anonymous = approach == "walk-and-talk" and i % 17 == 0
        predecessor = rng.choice(ids) if ids and i % 5 == 0 else None
        out["appointments"].append((aid, STAMP, STAMP, 1, "bench", approach, start.isoformat(),
            60, 30, "Treffpunkt", None if anonymous else rng.choice(clients), status,
            int(i % 11 == 0), predecessor))  # fmt: skip
        for position, person in enumerate(rng.sample(staff, 1 + i % 2)):
            out["staff"].append((aid, person, position))
        if status not in ("planned", "postponed", "cancelled", "not-met"):
            begun = start + timedelta(minutes=rng.randrange(10))
            out["conducts"].append((aid, begun.isoformat(), (begun + timedelta(
                minutes=rng.randrange(20, 120))).isoformat(), status, STAMP, "bench"))  # fmt: skip
            for item in MEASURES[approach]:
                out["answers"].append((aid, item, approach, 1, json.dumps(rng.random() < 0.6),
                                       start.isoformat(), STAMP, "bench"))  # fmt: skip
            if i % 3 == 0 and not anonymous:
                rating = rng.choice(["yes", "partly", "no", "open"])
                out["protocols"].append((_id(rng), STAMP, STAMP, 1, "bench", approach,
                                         start.isoformat(), 60, aid, rating))  # fmt: skip
        if approach == "home-visit":
            for kind, days in (("announcement", 24), ("reminder", 9)):
                sent = (start - timedelta(days=days + rng.randrange(-3, 4))).date().isoformat()
                out["letters"].append((aid, kind, sent, STAMP, "bench"))
            for k in range(2):
                out["calls"].append((_id(rng), aid, (start - timedelta(days=30 + k)).isoformat(),
                                     "no-answer", STAMP, "bench"))  # fmt: skip
        ids.append(aid)
    return out


INSERTS = {
    "appointments": "INSERT INTO appointments (id, created_at, updated_at, revision, origin_device,"
    " approach, start, planned_duration_min, buffer_min, place, client_id, status, first_meeting,"
    " predecessor_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "staff": "INSERT INTO appointment_staff (appointment_id, staff_id, position) VALUES (?,?,?)",
    "conducts": "INSERT INTO conducts (appointment_id, started_at, outcome_at, outcome, updated_at,"
    " origin_device) VALUES (?,?,?,?,?,?)",
    "letters": "INSERT INTO letters (appointment_id, kind, sent_on, updated_at, origin_device)"
    " VALUES (?,?,?,?,?)",
    "calls": "INSERT INTO call_attempts (id, appointment_id, at, outcome, created_at,"
    " origin_device) VALUES (?,?,?,?,?,?)",
    "protocols": "INSERT INTO protocols (id, created_at, updated_at, revision, origin_device,"
    " approach, met_at, duration_min, appointment_id, success) VALUES (?,?,?,?,?,?,?,?,?,?)",
    "answers": "INSERT INTO checklist_answers (appointment_id, item_id, checklist_id,"
    " checklist_version, value, answered_at, updated_at, origin_device) VALUES (?,?,?,?,?,?,?,?)",
}


def fill(session: Session, appointments: int, seed: int = 15) -> None:
    """Add `appointments` appointments and what hangs on them, in one transaction."""
    rng = random.Random(seed)
    db = session._vault.db  # the benchmark writes below the services, on purpose
    staff = [_id(rng) for _ in range(8)]
    clients = [_id(rng) for _ in range(max(1, appointments // 50))]
    rows = _rows(appointments, rng, staff, clients)
    with db.transaction():
        conn = db.connection
        conn.executemany(
            "INSERT INTO staff (id, created_at, updated_at, revision, origin_device, name,"
            " department) VALUES (?,?,?,1,'bench',?, 'm-and-i')",
            [(s, STAMP, STAMP, f"Mitarbeitende {i}") for i, s in enumerate(staff)])  # fmt: skip
        conn.executemany(
            "INSERT INTO clients (id, created_at, updated_at, revision, origin_device,"
            " display_name) VALUES (?,?,?,1,'bench',?)",
            [(c, STAMP, STAMP, f"Kundin {i}") for i, c in enumerate(clients)])  # fmt: skip
        for table, sql in INSERTS.items():
            conn.executemany(sql, rows[table])


WHOLE = Period(FIRST_DAY, FIRST_DAY + timedelta(days=DAYS - 1))  # every appointment of `fill`


def statistics_seconds(vault: Session | Path, repeat: int = 3, by: Grouping = Grouping.APPROACH,
                       passphrase: str = PASSPHRASE, period: Period = WHOLE) -> float:  # fmt: skip
    """Best of `repeat` runs: the whole statistics table of `period` (by default the two years
    `fill` writes: all of its appointments) of `vault` — an unlocked session, or a vault folder
    unlocked with `passphrase`."""
    session = vault if isinstance(vault, Session) else unlock_vault(vault, passphrase)
    try:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            session.statistics.table(period, by)
            best = min(best, time.perf_counter() - start)
        return best
    finally:
        if session is not vault:
            session.lock()


def statistics_figure(appointments: int = APPOINTMENTS) -> str:
    """One line per grouping: seconds for the whole table of an `appointments` vault."""
    with tempfile.TemporaryDirectory() as tmp:
        session = create_vault(Path(tmp) / "v", PASSPHRASE, owner_name="Alex Beispiel",
                               kdf=MINIMUM)  # fmt: skip
        try:
            fill(session, appointments)
            times = {by: statistics_seconds(session, by=by) for by in
                     (Grouping.APPROACH, Grouping.MONTH, Grouping.STAFF)}  # fmt: skip
        finally:
            session.lock()
    limit = f" (limit {LIMIT_SECONDS} s)" if appointments == 100_000 else ""
    return "\n".join(f"statistics of {appointments} appointments by {by.value}: {s:.3f} s{limit}"
                     for by, s in times.items())  # fmt: skip


if __name__ == "__main__":
    print(statistics_figure())
