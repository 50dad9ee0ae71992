"""The office loop driven through the GUI, both stations in their own windows' pages: the laptop
writes its handover (progress dialog), the office reads it in its Posteingang (the new laptop
trusted after the fingerprint), sets every mark that applies in the record dialogs and writes the
receipts; the laptop reads the receipt and purges what the office took over (retention 0)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from outreach_desktop.domain.agency import AgencyRules
from outreach_desktop.exchange.setup_file import write_setup
from outreach_desktop.ui import messages
from outreach_desktop.ui.handover_page import HandoverPage
from outreach_desktop.ui.inbox_page import InboxPage
from outreach_desktop.ui.inbox_record import RecordDialog
from testkit.office_gui import NOW, open_record, read_bundles, settled
from testkit.stations import Stations


@pytest.fixture
def retention_zero(stations: Stations) -> Stations:
    """The agency sets a retention of 0 days: a newer setup file the laptop takes."""
    agency = stations.office.identity.agency_identity()
    laptop = stations.laptop
    joined = laptop.identity.joined_setup()
    assert joined is not None
    newer = replace(joined.setup, rules=AgencyRules(retention_days=0))
    laptop.join_agency(write_setup(newer, agency, joined.issued_at.replace(year=2027)).data)
    return stations


def test_the_loop_through_both_windows(
    qtbot: Any, retention_zero: Stations, tmp_path: Path, german: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    st, stick = retention_zero, tmp_path / "stick"
    stick.mkdir()
    laptop_page = HandoverPage(st.laptop, lambda: NOW)
    office_page = InboxPage(st.office, lambda: NOW)
    for page in (laptop_page, office_page):
        qtbot.addWidget(page)
        page.show()
        page.refresh()
    settled(qtbot, office_page)
    settled(qtbot, laptop_page)  # what waits is counted in the background
    clients_before = {c.id for c in st.laptop.clients.all()}

    laptop_page.ask_folder = lambda _parent: str(stick)
    messages.set_next_answer(True)  # the "written and checked" box
    laptop_page.export_button.click()
    assert laptop_page.run is not None and laptop_page.run.dialog.isVisible()  # progress shown
    qtbot.waitUntil(lambda: laptop_page.run is None, timeout=30000)
    [bundle] = list(stick.iterdir())

    office_page.ask_trust = lambda _parent, _fingerprint, _device, _files: True  # compared
    lines = read_bundles(qtbot, office_page, [bundle])
    assert len(lines) == 1 and lines[0].startswith("✓ ")

    def mark_all(dialog: RecordDialog) -> None:
        for check in dialog.checks.values():
            messages.set_next_answer(True)  # "kann nicht zurückgenommen werden"
            check.click()
        dialog.close_button.click()

    while office_page.model.keys:  # what awaits entry, one record after the other
        kind, record_id = office_page.model.keys[0]
        item = st.office.inbox.item(kind, record_id)
        open_record(qtbot, office_page, item, mark_all)
        settled(qtbot, office_page)
    assert "Keine Einträge warten" in office_page.empty.text()

    shown: list[str] = []
    monkeypatch.setattr("outreach_desktop.ui.inbox_receipts.show_info",
                        lambda _p, _t, text: shown.append(text))  # fmt: skip
    office_page.ask_receipt_folder = lambda _parent: str(stick)
    office_page.receipt_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "Quittung Nr. 1" in shown[0]
    [receipt] = [p for p in stick.iterdir() if p.name.startswith("OD-receipt-")]

    taken: list[str] = []
    monkeypatch.setattr("outreach_desktop.ui.handover_page.show_info",
                        lambda _p, _t, text: taken.append(text))  # fmt: skip
    laptop_page.ask_receipts = lambda _parent: [str(receipt)]
    laptop_page.receipt_button.click()
    qtbot.waitUntil(lambda: bool(taken), timeout=20000)
    assert "Quittung Nr. 1 eingelesen" in taken[0] and "Gelöscht nach 0 Tagen" in taken[0]
    gone = clients_before - {c.id for c in st.laptop.clients.all()}
    assert gone, "the purge took the clients whose records the office took over"
    assert st.laptop.sync_log.deletion_totals()["clients"] == len(gone)
    settled(qtbot, laptop_page)  # what waits, counted anew in the background
    assert "Quittung steht noch aus" not in laptop_page.state.text()
