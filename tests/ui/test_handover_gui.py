"""Übergabe ans Büro in the laptop's window: what waits is listed (also on Heute); a handover is
written into the chosen folder with progress, read back and checked; a cancel leaves nothing;
the office opens what was written."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from outreach_desktop.exchange.bundle import open_bundle
from outreach_desktop.ui import messages
from outreach_desktop.ui.handover_page import HandoverPage
from outreach_desktop.ui.today_page import TodayPage
from testkit.stations import DEMO_DAY, Stations

NOW = datetime(2026, 11, 28, 18, 0)


@pytest.fixture
def page(stations: Stations, qtbot: Any, german: None) -> HandoverPage:
    page = HandoverPage(stations.laptop, lambda: NOW)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.busy.running == 0)  # what waits is counted in the background
    return page


def test_what_waits_and_a_handover_written_and_checked(
    page: HandoverPage,
    stations: Stations,
    tmp_path: Path,
    qtbot: Any,
) -> None:
    assert "Warten auf die Übergabe" in page.state.text()
    assert "Gedächtnisprotokolle" in page.state.text() and page.export_button.isEnabled()
    target = tmp_path / "usb"
    target.mkdir()
    page.ask_folder = lambda _parent: str(target)
    messages.set_next_answer(True)  # the result box
    page.export_button.click()
    qtbot.waitUntil(lambda: page.run is None, timeout=20000)
    files = list(target.iterdir())
    assert len(files) == 1 and files[0].name.startswith("OD-") and files[0].suffix == ".age"
    opened = open_bundle(
        files[0].read_bytes(), stations.office.identity.agency_identity(),
        lambda _device: None,
    )  # fmt: skip
    assert any(path.startswith("records/protocols") for path in opened.members)
    qtbot.waitUntil(lambda: page.busy.running == 0)
    assert "Nichts wartet auf die Übergabe" in page.state.text()
    assert "Quittung steht noch aus" in page.state.text()
    assert not page.export_button.isEnabled()


def test_a_cancelled_handover_leaves_nothing(
    page: HandoverPage, stations: Stations, tmp_path: Path, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    target = tmp_path / "usb"
    target.mkdir()
    page.ask_folder = lambda _parent: str(target)
    before = stations.laptop.outbox.pending()
    gate, real_export = threading.Event(), stations.laptop.outbox.export
    monkeypatch.setattr(  # the work starts only once the cancel was asked for
        stations.laptop.outbox, "export", lambda *a, **k: gate.wait(10) and real_export(*a, **k)
    )
    messages.set_next_answer(True)  # "abgebrochen" box
    page.export_button.click()
    assert page.run is not None
    page.run.cancel()  # as the progress dialog's Abbrechen does
    gate.set()
    qtbot.waitUntil(lambda: page.run is None, timeout=20000)
    assert list(target.iterdir()) == []
    assert stations.laptop.outbox.pending() == before


def test_heute_says_what_waits(stations: Stations, qtbot: Any, german: None, settle: Any) -> None:
    today = TodayPage(stations.laptop, lambda: DEMO_DAY, lambda: NOW)
    qtbot.addWidget(today)
    today.show()
    today.refresh()
    settle(today)
    assert today.handover.isVisible()
    assert "Übergabe ans Büro:" in today.handover.text() and "warten seit" in today.handover.text()


def test_the_offices_receipt_read_on_the_laptop(
    page: HandoverPage, stations: Stations, tmp_path: Path, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The loop's way back: the office imports the handover, marks everything, writes a receipt;
    the laptop reads it on its Übergabe page; the log says so without a name."""
    stick = tmp_path / "usb"
    stick.mkdir()
    page.ask_folder = lambda _parent: str(stick)
    messages.set_next_answer(True)
    page.export_button.click()
    qtbot.waitUntil(lambda: page.run is None, timeout=20000)
    bundle = next(stick.iterdir())
    office, laptop = stations.office, stations.laptop
    fingerprint = laptop.identity.device_fingerprint()
    [result] = office.inbox.import_files([bundle], NOW, {fingerprint}, trusted_by="B. Sommer")
    assert result.ok, result.line
    for group in office.inbox.entries():
        for item in group.items:
            for mark in item.missing:
                office.inbox.mark(item.kind, item.id, mark, "B. Sommer", NOW)
    receipt = office.receipts.write_receipt(laptop.info().device_id, stick, NOW)
    assert receipt.path is not None
    shown: list[str] = []
    monkeypatch.setattr(
        "outreach_desktop.ui.handover_page.show_info", lambda _p, _t, text: shown.append(text)
    )
    page.ask_receipts = lambda _parent: [str(receipt.path)]
    page.receipt_button.click()
    qtbot.waitUntil(lambda: page.busy.running == 0 and bool(shown), timeout=20000)
    assert shown[0].startswith("Quittung Nr. 1 eingelesen:")
    assert "Quittung steht noch aus" not in page.state.text()
    log = [page.log.item(i).text() for i in range(page.log.count())]
    assert any("Export" in line for line in log) and any("Import" in line for line in log)
    names = {c.display_name for c in laptop.clients.all()}
    assert not any(name in line for name in names for line in log)


def test_only_records_from_a_day_on(
    page: HandoverPage, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    target = tmp_path / "usb"
    target.mkdir()
    page.ask_folder = lambda _parent: str(target)
    assert not page.since.isEnabled()
    page.only_since.setChecked(True)
    assert page.since.isEnabled()
    page.since.setDate(QDate(2030, 1, 1))  # nothing recorded that late
    shown: list[str] = []
    monkeypatch.setattr("outreach_desktop.ui.handover_page.show_info",
                        lambda _p, _t, text: shown.append(text))  # fmt: skip
    page.export_button.click()
    qtbot.waitUntil(lambda: page.run is None, timeout=20000)
    assert shown == ["Nichts wartet auf die Übergabe ans Büro."] and list(target.iterdir()) == []
    assert page.since.date().toPython() == date(2030, 1, 1)


def test_what_waits_is_counted_off_the_gui_thread(
    page: HandoverPage, stations: Stations, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting what waits reads every record kind; on a large vault that blocked the window."""
    threads: list[bool] = []
    real = stations.laptop.outbox.pending

    def pending() -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return real()

    monkeypatch.setattr(stations.laptop.outbox, "pending", pending)
    page.refresh()
    qtbot.waitUntil(lambda: page.busy.running == 0)
    assert threads == [False] and "Warten auf die Übergabe" in page.state.text()
