"""benchmarks/statistics.py runs: a small vault filled, the whole table timed in seconds."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from benchmarks.statistics import PASSPHRASE, fill, statistics_figure, statistics_seconds

from outreach_desktop.domain.statistics import Grouping
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.storage.kdf import MINIMUM


def test_the_benchmark_fills_a_vault_and_times_the_statistics(tmp_path: Path) -> None:
    session = create_vault(tmp_path / "v", PASSPHRASE, owner_name="Alex Beispiel", kdf=MINIMUM)
    try:
        fill(session, 300)
        total = session.statistics.compute(Period(date(2025, 1, 1), date(2026, 12, 31))).total
        assert total.appointments == 300 and total.home_visits and total.follow_up_planned
        seconds = statistics_seconds(session, repeat=1, by=Grouping.STAFF)
        assert 0 < seconds < 30
    finally:
        session.lock()
    assert 0 < statistics_seconds(tmp_path / "v", repeat=1) < 30  # by its folder, too
    lines = statistics_figure(200).splitlines()
    assert [re.sub(r"[0-9.]+ s$", "S", line) for line in lines] == [
        f"statistics of 200 appointments by {by}: S" for by in ("approach", "month", "staff")
    ]
