"""The warm rows: both vaults unlocked in this process, each in its own main window (offscreen),
every step run on one and then the other."""

from __future__ import annotations

import os
import time

from benchmarks import warm
from benchmarks.exchange import exchange_seconds
from benchmarks.meter import BlockMeter, percentile, settle
from benchmarks.table import Row, Rows
from benchmarks.vaults import PASSPHRASE, BenchVaults, plain_keys
from outreach_desktop.services.settings import load_settings
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.ui.app import create_application
from outreach_desktop.ui.main_window import MainWindow

STEADY = "≤ 100 ms"
PAGES = (
    (0, "Today (Heute)"),
    (1, "Appointments (Termine)"),
    (2, "Clients"),
    (3, "Protocols (Protokolle)"),
    (4, "Search"),
)


def windows(vaults: BenchVaults) -> tuple[MainWindow, MainWindow]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    create_application(["bench"])
    pair = []
    for plain in (False, True):
        window = MainWindow(
            load_settings(), fixed_vault=vaults.plain if plain else vaults.encrypted
        )
        window.show()
        if plain:
            with plain_keys():
                session = unlock_vault(vaults.plain, PASSPHRASE)
        else:
            session = unlock_vault(vaults.encrypted, PASSPHRASE)
        window.open_session(session)
        settle()
        pair.append(window)
    return pair[0], pair[1]


def warm_rows(vaults: BenchVaults, quick: bool) -> tuple[list[Row], list[tuple[str, float]]]:
    runs = 1 if quick else 3
    both = windows(vaults)
    meter = BlockMeter()
    meter.start()
    rows = Rows()
    for index, name in PAGES:  # a visit: away to another page and back, the page refreshed
        f = warm.pair(meter, f"page switch: {name}", both, warm.show(index), runs)
        rows.append(Row(f"page {name} (warm: switch, refresh, shown)", f.vault, f.plain, STEADY))
    rows += search_rows(meter, both, 20 if quick else warm.PREFIXES)
    month_step = warm.month_progress(vaults.made_on)
    f = warm.pair(meter, "a month's appointments with progress", both, month_step, runs)
    warm.check()
    # no screen lists a month with progress; Heute reads its rows' so, in a worker
    month = "one month of appointments with their checklist progress (in a worker, until read)"
    rows.append(Row(month, f.vault, f.plain, "GUI thread ≤ 100 ms (blocks below)"))
    for what, query in (("rare word", "Umschulung"), ("common word", "Kita"), ("one letter", "k")):
        f = warm.pair(meter, f"full text: {what}", both, warm.full_text(query), runs)
        rows.append(Row(f"full-text search, {what} („{query}“)", f.vault, f.plain, "≤ 50 ms"))
    rows += save_rows(meter, both, 3 if quick else 20)
    f = warm.pair(meter, "opening a protocol", both, warm.open_protocol, runs)
    rows.append(Row("opening a protocol (editor shown)", f.vault, f.plain, STEADY))
    rows += pdf_rows(meter, both, runs)
    f = warm.pair(meter, "New dialogs", both, warm.new_dialogs, runs)
    rows.append(Row("New appointment + New protocol dialogs shown", f.vault, f.plain, STEADY))
    for window in both:
        window.lock()
    return rows, meter.top(5)


def search_rows(meter: BlockMeter, both: tuple[MainWindow, MainWindow], n: int) -> list[Row]:
    """Search as you type on the Kundinnen page: p50 and p95 over `n` prefixes."""
    both[0].workspace.show_page(2)
    both[1].workspace.show_page(2)
    settle()
    vault, plain = [], []
    for prefix in warm.prefixes(warm.session_of(both[0]), n):
        v, p = warm.alternate(
            meter, "client search as you type", both, lambda w, x=prefix: warm.type_search(w, x), 1
        )
        vault += v
        plain += p
    return [
        Row(
            f"client search as you type, p50 of {n} prefixes",
            percentile(vault, 50),
            percentile(plain, 50),
            "≤ 30 ms",
        ),
        Row(
            f"client search as you type, p95 of {n} prefixes",
            percentile(vault, 95),
            percentile(plain, 95),
            "≤ 30 ms, ≤ 1.5× plain",
        ),
    ]


def save_rows(meter: BlockMeter, both: tuple[MainWindow, MainWindow], runs: int) -> list[Row]:
    rows: list[Row] = []
    for label, make, target in (
        ("protocol autosave (a draft's text changed, saved)", warm.saver, "≤ 20 ms"),
        ("appointment save (place changed, saved)", warm.appointment_saver, "≤ 20 ms"),
    ):
        savers = {id(w): make(w) for w in both}
        f = warm.pair(meter, label, both, lambda w, s=savers: s[id(w)](), runs)
        rows.append(Row(label, f.vault, f.plain, target))
    return rows


def pdf_rows(meter: BlockMeter, both: tuple[MainWindow, MainWindow], runs: int) -> list[Row]:
    """The first consent PDF of the process (fonts loaded) and the next ones."""
    first = meter.measure("consent PDF (first)", lambda: warm.consent_pdf(both[0]))
    start = time.perf_counter()
    warm.consent_pdf(both[1])
    first_plain = time.perf_counter() - start
    f = warm.pair(meter, "consent PDF (warm)", both, warm.consent_pdf, runs)
    return [
        Row("consent PDF, first in the process", first, first_plain, ""),
        Row("consent PDF, warm", f.vault, f.plain, ""),
    ]


def exchange_table_rows(vaults: BenchVaults) -> list[Row]:
    vault = exchange_seconds(vaults.encrypted, plain=False)
    plain = exchange_seconds(vaults.plain, plain=True)
    return [
        Row(f"export of everything ({vault[2]} records)", vault[0], plain[0], ""),
        Row("import of that file at the office", vault[1], plain[1], ""),
    ]
