"""The office station's Posteingang in GUI tests: a real bundle exported by the demo laptop of
testkit/stations.py, imported or not, and the page built on the real office vault."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from outreach_desktop.services.inbox import InboxItem
from outreach_desktop.ui.inbox_page import InboxPage
from outreach_desktop.ui.inbox_record import RecordDialog
from testkit.gui import in_modal
from testkit.stations import IMPORTED, Stations

EXPORTED = datetime(2026, 11, 28, 14, 0).astimezone()
NOW = IMPORTED.astimezone().replace(tzinfo=None)  # the office's wall clock, as the app passes it


def export_bundle(stations: Stations, folder: Path) -> Path:
    """What the laptop's export writes for the office: one sealed bundle file."""
    folder.mkdir(parents=True, exist_ok=True)
    result = stations.laptop.outbox.export(folder, EXPORTED)
    assert result.path is not None
    return Path(result.path)


def import_trusted(stations: Stations, path: Path) -> None:
    fingerprint = stations.laptop.identity.device_fingerprint()
    [result] = stations.office.inbox.import_files([path], IMPORTED, {fingerprint}, trusted_by="x")
    assert result.status == "accepted", result.line


def make_page(qtbot: Any, stations: Stations) -> InboxPage:
    page = InboxPage(stations.office, lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activateWindow()
    page.refresh()
    settled(qtbot, page)
    return page


def settled(qtbot: Any, page: InboxPage) -> None:
    """The list read in the background is shown."""
    qtbot.waitUntil(lambda: page.busy.running == 0, timeout=10000)


def show_everything(qtbot: Any, page: InboxPage, everything: bool = True) -> None:
    """Tick "Auch Übernommenes/Abgelehntes zeigen" and wait for the list."""
    page.show_all.setChecked(everything)
    settled(qtbot, page)


def waiting(stations: Stations) -> list[InboxItem]:
    return [i for g in stations.office.inbox.entries() for i in g.items]


def read_bundles(qtbot: Any, page: InboxPage, paths: list[Path]) -> list[str]:
    """Choose `paths` in the file dialog, wait for the import, return the result lines."""
    page.ask_paths = lambda _parent: [str(p) for p in paths]
    page.import_button.click()
    qtbot.waitUntil(lambda: page.flow is not None and not page.flow.running, timeout=20000)
    assert page.flow is not None and page.flow.results_dialog is not None
    lines = page.flow.results_dialog.texts()
    page.flow.results_dialog.close()
    settled(qtbot, page)
    return lines


def open_record(qtbot: Any, page: InboxPage, item: InboxItem, action: Any) -> list[Any]:
    """Select the record and press Enter; `action(dialog)` runs in the record's dialog."""
    page.select((item.kind, item.id))
    page.tree.setFocus()
    seen = in_modal(qtbot, RecordDialog, action)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert seen, "Enter opened no record"
    return seen
