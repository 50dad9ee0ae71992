"""The app's steps on an open vault (warm: the process has read the vault before), each run on
the encrypted vault and on its plain twin in turn, in one process: pages, search as you type,
a month with its checklist progress, full text, saves, opening a protocol, a consent PDF, the
New dialogs."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import Any

from benchmarks.meter import BlockMeter, median, settle
from outreach_desktop.services.documents import DocumentService
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_dialog import AppointmentDialog
from outreach_desktop.ui.main_window import MainWindow
from outreach_desktop.ui.protocol_editor import ProtocolEditor
from outreach_desktop.ui.protocols_page import StandaloneProtocolDialog
from outreach_desktop.ui.tasks import run_in_background

Step = Callable[[MainWindow], object]
PREFIXES = 200
STAFF = 6  # the page with the fewest rows


@dataclass
class Figure:
    """Seconds on the vault and on the plain twin (a median, or the percentile named)."""

    vault: float
    plain: float


def alternate(
    meter: BlockMeter, label: str, windows: tuple[MainWindow, MainWindow], step: Step, runs: int
) -> tuple[list[float], list[float]]:
    """`step` on the vault, then on the plain twin, `runs` times; the block meter sees the
    vault's runs only (those are the app's)."""
    vault: list[float] = []
    plain: list[float] = []
    for _ in range(runs):
        vault.append(meter.measure(label, lambda: step(windows[0])))
        start = time.perf_counter()
        step(windows[1])
        settle()
        plain.append(time.perf_counter() - start)
    return vault, plain


def pair(
    meter: BlockMeter, label: str, windows: tuple[MainWindow, MainWindow], step: Step, runs: int
) -> Figure:
    vault, plain = alternate(meter, label, windows, step, runs)
    return Figure(median(vault), median(plain))


def session_of(window: MainWindow) -> Session:
    assert window.session is not None
    return window.session


def show(index: int) -> Step:
    def step(window: MainWindow) -> None:
        assert window.workspace is not None
        window.workspace.show_page(STAFF)  # away first (a few rows): a switch refreshes
        window.workspace.show_page(index)

    return step


def prefixes(session: Session, n: int = PREFIXES) -> list[str]:
    """Prefixes as typed: 1 to 4 letters of names in the vault, the same every run."""
    rng = random.Random(7)
    names = [c.display_name for c in session.clients.search("", limit=2000)]
    out = []
    for _ in range(n):
        word = rng.choice(rng.choice(names).split())
        out.append(word[: rng.randint(1, 4)])
    return out


def type_search(window: MainWindow, text: str) -> None:
    assert window.workspace is not None
    page = window.workspace.clients_page
    page.search.setText(text)
    page.refresh()


def month_progress(day: date) -> Step:
    """The appointments of the 30 days before `day` (the day the cached vault was made: its
    history ends there) with their checklist progress, read in a worker as the app reads
    progress (Heute: `today.with_progress`); the meter waits for the result and sees what the
    GUI thread is kept from doing meanwhile."""
    end = datetime.combine(day, clock_time.min)

    def step(window: MainWindow) -> None:
        session = session_of(window)

        def read() -> int:
            views = session.appointments.between_views(end - timedelta(days=30), end)
            known = [v.appointment for v in views]
            states = session.workflow.states([a.id for a in known], day, known)
            return sum(state.progress()[0] for state in states.values())

        def done(total: int) -> None:
            if not total:
                FAILED.append(RuntimeError("no checklist item done in the month"))

        run_in_background(read, done, FAILED.append)

    return step


FAILED: list[BaseException] = []  # what went wrong in a worker (raised by `check`)


def check() -> None:
    """Raise what went wrong in a step's worker (a figure of a failed run is no figure)."""
    if FAILED:
        raise FAILED[0]


def full_text(query: str) -> Step:
    def step(window: MainWindow) -> None:
        assert window.workspace is not None
        page = window.workspace.search_page
        page.search.setText(query)
        page.refresh()

    return step


def drafts_of(window: MainWindow) -> Any:
    return session_of(window).protocols.drafts()[0]


def saver(window: MainWindow) -> Callable[[], None]:
    """An autosave of one draft as the editor makes it: the text changed, the draft saved."""
    session = session_of(window)
    draft = drafts_of(window)

    def save() -> None:
        nonlocal draft
        draft.course = draft.course[:-2] if draft.course.endswith(" .") else draft.course + " ."
        draft = session.protocols.save_draft(draft)

    return save


def appointment_saver(window: MainWindow) -> Callable[[], None]:
    session = session_of(window)
    a = session.appointments.upcoming(datetime.now(), 30)[0].appointment

    def save() -> None:
        nonlocal a
        a.place = "Stadtpark" if a.place != "Stadtpark" else "Marktplatz"
        a = session.appointments.save(a)

    return save


def open_protocol(window: MainWindow) -> None:
    session = session_of(window)
    final = next(p for p in session.protocols.search("Kita", 20) if p.kind == "protocol")
    editor = ProtocolEditor(session, final.ref, datetime.now, window)
    editor.show()
    editor.close()
    editor.deleteLater()


def consent_pdf(window: MainWindow) -> None:
    session = session_of(window)
    consent = session.consents.all()[0]
    DocumentService(session).consent_document(consent.id, date.today())


def new_dialogs(window: MainWindow) -> None:
    session = session_of(window)
    for dialog in (
        AppointmentDialog(session, None, window),
        StandaloneProtocolDialog(session, datetime.now, window),
    ):
        dialog.show()
        dialog.close()
        dialog.deleteLater()
