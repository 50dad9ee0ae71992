"""A guard against freezes coming back: on a vault of years of work (`demo --size medium`:
2,000 clients, 10,000 appointments, 5,000 protocols), no page switch may keep the event loop
from running for more than a second. A generous bound (the target is 100 ms, measured by
`make bench` on the large vault); this test only catches a page that blocks outright."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from outreach_desktop.demo import fill_demo
from outreach_desktop.demo.sizes import SIZES
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.ui.main_window import MainWindow
from testkit import FAST_KDF, PASSPHRASE

DAY = date(2026, 11, 25)  # the day make_window's window lives on
BOUND = 1.0  # seconds


class LongestBlock:
    """The most CPU time the GUI thread spent between two ticks of a 10 ms timer."""

    def __init__(self) -> None:
        self.last = time.thread_time()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.thread_time()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def during(self, qtbot: Any, step: Callable[[], None], done: Callable[[], bool]) -> float:
        """Run `step` from the event loop and wait until `done`; the longest block meanwhile."""
        self.longest, self.last = 0.0, time.thread_time()
        self.timer.start()
        QTimer.singleShot(0, step)
        qtbot.wait(20)  # the step has run
        qtbot.waitUntil(done, timeout=60000)
        qtbot.wait(30)  # a tick after the last piece of work
        self.timer.stop()
        return self.longest


def switches(qtbot: Any, window: MainWindow, rounds: int = 2) -> dict[str, float]:
    """Every page in turn (twice: the first visit and a return), each with its longest block."""
    workspace = window.workspace
    assert workspace is not None
    meter = LongestBlock()
    worst: dict[str, float] = {}
    for _round in range(rounds):
        for index, (title, page) in enumerate(workspace.pages):
            busy = getattr(page, "busy", None)
            block = meter.during(
                qtbot,
                lambda i=index: workspace.show_page(i),
                lambda b=busy: b is None or b.running == 0,
            )
            worst[title] = max(worst.get(title, 0.0), block)
    return worst


@pytest.fixture(scope="module")
def medium_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("medium") / "vault"
    session = create_vault(path, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    try:
        fill_demo(session, seed=1, today=DAY, size=SIZES["medium"])
    finally:
        session.lock()
    return path


def test_no_page_switch_blocks_on_years_of_data(
    qtbot: Any, make_window: Callable[..., MainWindow], medium_vault: Path
) -> None:
    window = make_window(medium_vault)
    window.unlock(medium_vault, PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=30000)
    worst = switches(qtbot, window)
    blocked = {title: round(s, 2) for title, s in worst.items() if s > BOUND}
    assert not blocked, f"pages that kept the event loop still for over {BOUND} s: {blocked}"


def test_the_guard_sees_a_blocking_page(
    qtbot: Any, make_window: Callable[..., MainWindow], medium_vault: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The measurement itself: a page whose refresh holds the GUI thread is caught."""
    from outreach_desktop.ui.people_pages import StaffPage

    refresh = StaffPage.refresh

    def slow(self: StaffPage, *args: Any, **kwargs: Any) -> None:
        start = time.thread_time()
        while time.thread_time() - start < BOUND + 0.2:  # busy on the GUI thread
            pass
        refresh(self, *args, **kwargs)

    monkeypatch.setattr(StaffPage, "refresh", slow)
    window = make_window(medium_vault)
    window.unlock(medium_vault, PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=30000)
    worst = switches(qtbot, window, rounds=1)
    assert worst[window.workspace.pages[6][0]] > BOUND  # type: ignore[union-attr]
    assert sum(s > BOUND for s in worst.values()) == 1
