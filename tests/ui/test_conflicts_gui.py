"""Conflicts on the office's Posteingang, driven as a person would, on real vaults with conflicts
made by the import (testkit/conflicts.py): the notice, the dialog with both versions side by side
and the differing fields highlighted, deciding after a confirmation (a finalized protocol only
kept), the notice gone; and the office's sync log, without personal data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from outreach_desktop.ui import messages
from outreach_desktop.ui.inbox_conflicts import DIFFERS, ConflictsDialog
from outreach_desktop.ui.inbox_page import InboxPage
from outreach_desktop.ui.sync_log_view import SyncLogDialog
from testkit.conflicts import NEW_ADDRESS, client_address, make_conflicts, protocol_rewritten
from testkit.gui import in_modal
from testkit.office_gui import make_page, settled
from testkit.stations import Stations

pytestmark = pytest.mark.usefixtures("german")


@pytest.fixture
def page(qtbot: Any, stations: Stations, tmp_path: Path) -> InboxPage:
    make_conflicts(stations, tmp_path / "stick", client_address, protocol_rewritten)
    return make_page(qtbot, stations)


def rows_of(dialog: ConflictsDialog) -> dict[str, list[Any]]:
    table = dialog.table
    return {
        table.item(r, 0).text(): [table.item(r, c) for c in range(3)]
        for r in range(table.rowCount())
    }


def choose(dialog: ConflictsDialog, kind: str) -> None:
    dialog.list.setCurrentRow(next(n for n, v in enumerate(dialog.views) if v.kind == kind))


def test_the_notice_says_how_many_conflicts_wait(page: InboxPage) -> None:
    assert page.notice.isVisible()
    assert page.notice.text.text() == "2 Konflikte warten auf eine Entscheidung."
    assert page.notice.open_button.text() == "&Konflikte entscheiden …"


def test_both_versions_side_by_side_and_decided_once(
    qtbot: Any, page: InboxPage, stations: Stations
) -> None:
    changed: list[bool] = []
    page.changed.connect(lambda: changed.append(True))

    def decide(dialog: ConflictsDialog) -> None:
        assert dialog.list.count() == 2
        choose(dialog, "clients")
        address = rows_of(dialog)["≠ Anschrift"]
        assert address[2].text() == NEW_ADDRESS
        assert all(item.background().color() == DIFFERS for item in address)
        assert rows_of(dialog)["Name"][1].background().color() != DIFFERS
        assert dialog.summary.text() == "Verschiedene Felder (hervorgehoben): Anschrift"
        assert dialog.replace_button.isEnabled() and dialog.refusal.text() == ""

        choose(dialog, "protocols")
        assert not dialog.replace_button.isEnabled() and dialog.keep_button.isEnabled()
        assert "abgeschlossenes Gedächtnisprotokoll" in dialog.refusal.text()
        assert "abgeschlossenes Gedächtnisprotokoll" in dialog.replace_button.toolTip()
        messages.set_next_answer(True)
        dialog.keep_button.click()
        assert dialog.list.count() == 1 and dialog.decided

        choose(dialog, "clients")
        messages.set_next_answer(False)  # "Abbrechen" in the confirmation: nothing happens
        dialog.replace_button.click()
        assert dialog.list.count() == 1
        messages.set_next_answer(True)
        dialog.replace_button.click()
        assert dialog.list.count() == 0
        assert "Alle Konflikte sind entschieden." in dialog.heading.text()
        assert not dialog.keep_button.isEnabled() and not dialog.replace_button.isEnabled()
        dialog.close_button.click()

    seen = in_modal(qtbot, ConflictsDialog, decide)
    page.notice.open_button.click()
    assert seen
    settled(qtbot, page)
    assert not page.notice.isVisible() and changed
    assert stations.office.conflicts.conflicts() == []
    decided = stations.office.conflicts.conflicts(everything=True)
    assert {c.kind: c.resolution for c in decided} == {"clients": "replaced", "protocols": "kept"}
    client = next(c for c in decided if c.kind == "clients")
    assert stations.office.clients.get(client.record_id).address == NEW_ADDRESS


def test_one_conflict_is_named_as_one(qtbot: Any, page: InboxPage, stations: Stations) -> None:
    first = stations.office.conflicts.conflicts()[0]
    stations.office.conflicts.resolve(first.id, "kept", "Birgit Sommer", page.now())
    page.refresh()
    settled(qtbot, page)
    assert page.notice.text.text() == "1 Konflikt wartet auf eine Entscheidung."


def test_the_offices_sync_log_without_personal_data(
    qtbot: Any, page: InboxPage, stations: Stations
) -> None:
    conflict = stations.office.conflicts.conflicts()[0]
    stations.office.conflicts.resolve(conflict.id, "kept", "Birgit Sommer", page.now())
    assert page.log_button.text() == "Übergabe&protokoll …"

    def read(dialog: SyncLogDialog) -> None:
        lines = dialog.texts()
        assert lines[0].split(" · ")[1:3] == ["Import", "erfolgreich"]
        assert f"Konflikt {conflict.id} entschieden: gespeicherte Fassung behalten" in lines[0]
        assert sum("eingelesen (Paket" in line for line in lines) == 2
        assert any("Gerät bestätigt" in line for line in lines)
        names = {c.display_name for c in stations.laptop.clients.all()}
        names |= {s.name for s in stations.laptop.staff.all()} | {"Birgit Sommer"}
        assert not [line for line in lines if any(name in line for name in names)]
        dialog.accept()

    seen = in_modal(qtbot, SyncLogDialog, read)
    page.log_button.click()
    assert seen
