"""Vault speed against plain SQLite with the same schema, pragmas and data.

Prints a table: the Argon2id calibration of this machine, then insert and search times for the
encrypted vault and an unencrypted SQLite file, and their ratio; then what one save costs (a
write transaction of one client, as autosave makes them), with and without the WAL checkpoint
the vault runs after every write transaction (storage/database.py); then the exchange's
figures (benchmarks/exchange.py); then rendering long protocol texts (benchmarks/long_text.py);
then the start to the unlock page, frozen and from the venv (benchmarks/startup.py).
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from benchmarks.exchange import export_figure
from benchmarks.long_text import long_text_figure
from benchmarks.startup import startup_figure
from outreach_desktop.demo.data import names
from outreach_desktop.domain.text import fold, search_key
from outreach_desktop.storage.database import REQUIRED_PRAGMAS
from outreach_desktop.storage.kdf import calibrate
from outreach_desktop.storage.migrations import load_migrations
from outreach_desktop.storage.protocol_repo import SEARCH_SQL, fts_query

ROWS = int(os.environ.get("BENCH_ROWS", "20000"))
QUERIES = ("mull", "anna schmidt", "29439", "lange straße", "zzz-nothing")
PROTOCOLS = int(os.environ.get("BENCH_PROTOCOLS", "5000"))
SAVES = int(os.environ.get("BENCH_SAVES", "200"))
FULL_TEXT = ("fuhrerschein", "bewerb kita", "schmidt schuldner", "zzz-nothing")
TOPICS = ("Führerschein", "Bewerbungen", "Kita-Platz", "Schuldnerberatung", "Wohnungssuche",
          "Gesundheit", "Tagesstruktur", "Sprachkurs")  # fmt: skip


def connect(path: Path, key: bytes | None) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    for pragma, (value, _expected) in REQUIRED_PRAGMAS.items():
        conn.execute(f"PRAGMA {pragma} = {value}")
    conn.execute("PRAGMA cache_size = -16000")
    conn.executescript("".join(m.sql for m in load_migrations()))
    return conn


def rows(n: int) -> list[tuple[str, ...]]:
    rng = random.Random(7)
    data = names()
    out = []
    for i in range(n):
        name = f"{rng.choice(data.first_names)} {rng.choice(data.last_names)}"
        code, town = rng.choice(data.towns)
        address = f"{rng.choice(data.streets)} {rng.randint(1, 60)}\n{code} {town}"
        out.append(
            (
                f"id-{i}",
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z",
                "dev",
                name,
                address,
                search_key(name, address),
            )
        )
    return out


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure(conn: sqlcipher3.Connection, data: list[tuple[str, ...]]) -> dict[str, float]:
    def insert() -> None:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO clients (id, created_at, updated_at, revision, origin_device,"
            " display_name, address, search_text) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
            data,
        )
        conn.execute("COMMIT")

    def insert_protocols() -> None:
        rng = random.Random(11)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO protocols (id, created_at, updated_at, revision, origin_device,"
            " approach, met_at, duration_min, client_id, topics, course, agreements)"
            " VALUES (?, ?, ?, 1, 'dev', 'walk-and-talk', ?, 60, ?, ?, ?, ?)",
            [
                (f"p-{i}", "2026-01-01T00:00:00", "2026-01-01T00:00:00", "2026-01-01T10:00:00",
                 data[i % len(data)][0], ", ".join(topics := rng.sample(TOPICS, 2)),
                 f"Spaziergang an der Elbe. Wir sprachen über {topics[0]} und {topics[1]}; "
                 "die Kundin erzählte vom Alltag mit den Kindern. " * 3,
                 "Mündlich vereinbart: Rückruf in einer Woche.")
                for i in range(PROTOCOLS)
            ],
        )  # fmt: skip
        conn.execute("COMMIT")

    figures = {"insert": timed(insert, repeat=1)}
    figures[f"insert {PROTOCOLS} protocols"] = timed(insert_protocols, repeat=1)
    for query in FULL_TEXT:
        match = fts_query(query)
        figures[f"full text '{query}'"] = timed(
            lambda q=match: conn.execute(SEARCH_SQL, (q, 50)).fetchall()
        )
    for query in QUERIES:
        words = [f"%{w}%" for w in fold(query).split()]
        where = " AND ".join("search_text LIKE ?" for _ in words)
        sql = f"SELECT id FROM clients WHERE {where} ORDER BY search_text LIMIT 500"
        figures[f"search '{query}'"] = timed(lambda s=sql, w=words: conn.execute(s, w).fetchall())
    return figures


def saves(conn: sqlcipher3.Connection, data: list[tuple[str, ...]]) -> dict[str, float]:
    """Milliseconds per save: SAVES single-client write transactions, each committed (WAL,
    synchronous=FULL), then the same followed by `wal_checkpoint(TRUNCATE)` as the vault does."""

    def run(prefix: str, checkpoint: bool) -> float:
        start = time.perf_counter()
        for i in range(SAVES):
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO clients (id, created_at, updated_at, revision, origin_device,"
                " display_name, address, search_text) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
                (f"{prefix}-{i}", *data[i % len(data)][1:]),
            )
            conn.execute("COMMIT")
            if checkpoint:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return (time.perf_counter() - start) / SAVES

    return {"save (commit only)": run("c", False), "save + checkpoint": run("k", True)}


def main() -> None:
    params, seconds = calibrate()
    print(
        f"Argon2id calibration: m={params.memory_kib // 1024} MiB, t={params.time_cost}, "
        f"p={params.parallelism} -> {seconds * 1000:.0f} ms per unlock"
    )
    data = rows(ROWS)
    with tempfile.TemporaryDirectory() as tmp:
        vault_conn = connect(Path(tmp) / "vault.db", os.urandom(32))
        plain_conn = connect(Path(tmp) / "plain.db", None)
        vault = measure(vault_conn, data) | saves(vault_conn, data)
        plain = measure(plain_conn, data) | saves(plain_conn, data)
    print(f"\n{ROWS} clients, {PROTOCOLS} protocols (FTS5 index kept by triggers);"
          f" median of 5 runs per search; a save: mean of {SAVES}\n")  # fmt: skip
    print(f"{'operation':<28}{'vault (ms)':>12}{'plain (ms)':>12}{'ratio':>8}")
    for name, value in vault.items():
        base = plain[name]
        print(f"{name:<28}{value * 1000:>12.1f}{base * 1000:>12.1f}{value / base:>8.1f}")
    cost = (vault["save + checkpoint"] - vault["save (commit only)"]) * 1000
    print(f"\nThe checkpoint after each write transaction costs {cost:.2f} ms per save here.")
    print(f"\n{export_figure()}")
    print(f"\n{long_text_figure()}")
    print(f"\n{startup_figure()}")


if __name__ == "__main__":
    main()
