"""Lists, Heute and Einstellungen in the unlocked window."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from outreach_desktop.demo import fill_demo
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.services.settings import settings_path
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.ui import messages
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import repository


@pytest.fixture
def window(make_window: Any, vault_dir: Path) -> Any:
    session = create_vault(vault_dir, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    w = make_window(vault_dir)
    w.open_session(session)
    return w


def test_today_empty_state_then_populated(window: Any, settle: Any) -> None:
    page = window.workspace.today_page
    page.refresh()
    settle(page)
    assert page.today_empty.isVisibleTo(page)
    assert "keine Termine" in page.today_empty.text()
    assert not page.today_list.isVisibleTo(page)

    fill_demo(window.session, clients=6, seed=4, today=page.today())
    page.refresh()
    settle(page)
    assert page.today_list.count() >= 3  # the demo always plans today for the first clients
    first = page.today_list.item(0).text()
    assert "Geplant" in first and "–" in first


def test_delete_asks_first(window: Any, settle: Any) -> None:
    window.session.clients.save(Client(display_name="Maik Wagner"))
    window.workspace.show_page(2)
    page = window.workspace.clients_page
    settle(page)
    page.table.selectRow(0)
    messages.set_next_answer(False)
    page.delete_current()
    assert window.session.clients.count() == 1
    messages.set_next_answer(True)
    page.delete_current()
    assert window.session.clients.count() == 0
    settle(page)
    assert page.stack.currentWidget() is page.empty


def test_delete_refused_is_explained(
    window: Any, monkeypatch: pytest.MonkeyPatch, settle: Any
) -> None:
    fill_demo(window.session, clients=3, seed=5)
    window.workspace.show_page(2)
    page = window.workspace.clients_page
    settle(page)
    shown: list[str] = []
    monkeypatch.setattr(
        "outreach_desktop.ui.list_page.show_error", lambda _p, exc: shown.append(str(exc))
    )
    messages.set_next_answer(True)
    row = next(
        i
        for i, c in enumerate(page.model.rows)
        if repository(window.session, AppointmentRepository).for_client(c.id)
    )
    page.table.selectRow(row)
    page.delete_current()
    assert shown and "Termin" in shown[0]
    assert window.session.clients.count() == 3


def test_idle_minutes_setting_is_saved_and_applied(window: Any) -> None:
    window.workspace.show_page(8)
    page = window.workspace.settings_page
    assert "Wiederherstellung durch die Dienststelle: nicht eingerichtet" in page.vault_state.text()
    page.idle.setValue(12)
    assert window.idle.timeout == 12 * 60
    assert "sperrt nach 12 Min." in window.user_label.text()
    stored = json.loads(settings_path().read_text("utf-8"))
    assert stored["idle_lock_minutes"] == 12
    assert "idle_lock_minutes" in stored and not any("Beispiel" in str(v) for v in stored.values())


def test_vault_check_from_settings(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "outreach_desktop.ui.settings_page.show_info", lambda _p, _title, text: shown.append(text)
    )
    page = window.workspace.settings_page
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert not page.check_button.isEnabled()  # runs in the background
    qtbot.waitUntil(lambda: page.check_button.isEnabled(), timeout=10000)
    assert shown == ["Der Tresor ist in Ordnung."]


def test_long_lists_say_they_are_cut(
    window: Any, monkeypatch: pytest.MonkeyPatch, settle: Any
) -> None:
    # (the client list reads pages as it scrolls instead: test_client_search_paged.py)
    monkeypatch.setattr("outreach_desktop.ui.list_page.LIMIT", 3)
    for name in ("Anna", "Berta", "Cem", "Dora"):
        window.session.third_parties.save(ThirdParty(name=name))
    page = window.workspace.third_parties_page
    window.workspace.show_page(window.workspace.stack.indexOf(page))
    settle(page)
    assert len(page.model.rows) == 3
    assert page.hint.isVisibleTo(page)
    assert "ersten 3" in page.hint.text()
    page.search.setText("dora")
    page.refresh()
    settle(page)
    assert [c.name for c in page.model.rows] == ["Dora"]
    assert not page.hint.isVisibleTo(page)


def test_termine_start_a_month_back_unless_searching(window: Any, settle: Any) -> None:
    from datetime import date, datetime, time, timedelta

    from outreach_desktop.domain.appointments import Appointment
    from outreach_desktop.domain.vocabulary import Approach

    owner = window.session.owner()
    for days, place in ((-60, "Alter Treffpunkt"), (-3, "Neuer Treffpunkt"), (2, "Bald")):
        window.session.appointments.save(
            Appointment.plan(
                Approach.WALK_AND_TALK,
                datetime.combine(date.today() + timedelta(days=days), time(10)),
                place=place,
                staff_ids=[owner.id],
            )
        )
    window.workspace.show_page(1)
    page = window.workspace.appointments_page
    settle(page)
    assert [v.where for v in page.model.rows] == ["Neuer Treffpunkt", "Bald"]
    page.search.setText("treffpunkt")
    page.refresh()
    settle(page)
    assert [v.where for v in page.model.rows] == ["Alter Treffpunkt", "Neuer Treffpunkt"]


def test_lock_during_vault_check_is_harmless(window: Any, qtbot: Any) -> None:
    from outreach_desktop.ui.tasks import wait_for_background

    page = window.workspace.settings_page
    page._check()
    window.lock()
    wait_for_background()
    qtbot.wait(50)  # the result arrives for a page that no longer exists
    assert window.workspace is None


def test_planning_defaults_are_settings(window: Any) -> None:
    from outreach_desktop.domain.vocabulary import Approach
    from outreach_desktop.ui.appointment_dialog import AppointmentDialog

    window.workspace.show_page(8)
    page = window.workspace.settings_page
    page.buffers[Approach.HOME_VISIT].setValue(60)
    assert not hasattr(page, "min_calls")  # the agency's rule, not a setting (test_rules_gui)
    dialog = AppointmentDialog(window.session, None, window)
    dialog.approach.setCurrentIndex(list(Approach).index(Approach.HOME_VISIT))
    assert dialog.buffer.value() == 60  # followed the approach's default from the settings
    dialog.reject()


def test_termine_filters_and_week_agenda(window: Any, settle: Any) -> None:
    from datetime import date, datetime, time, timedelta

    from outreach_desktop.domain.appointments import Appointment
    from outreach_desktop.domain.vocabulary import Approach

    owner = window.session.owner()
    anna = window.session.clients.save(Client(display_name="Anna Krause"))
    monday = date.today() - timedelta(days=date.today().weekday())
    for offset, approach, place in (
        (0, Approach.WALK_AND_TALK, "Park"),
        (2, Approach.HOME_VISIT, ""),
        (9, Approach.WALK_AND_TALK, "Bahnhof"),
    ):
        window.session.appointments.save(Appointment.plan(
            approach, datetime.combine(monday + timedelta(days=offset), time(10)),
            client_id=anna.id, place=place, staff_ids=[owner.id]))  # fmt: skip
    window.workspace.show_page(1)
    page = window.workspace.appointments_page
    page.approach_filter.setCurrentIndex(page.approach_filter.findData("home-visit"))
    settle(page)
    assert [v.appointment.approach for v in page.model.rows] == [Approach.HOME_VISIT]
    page.approach_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("cancelled"))
    settle(page)
    assert page.stack.currentWidget() is page.empty
    page.status_filter.setCurrentIndex(page.status_filter.findData("open"))
    settle(page)
    assert len(page.model.rows) == 3

    page.view_choice.setCurrentIndex(page.view_choice.findData("week"))
    agenda = page.agenda
    agenda.go_today()
    assert page.stack.currentWidget() is agenda
    counts = [agenda.day_lists[i].count() for i in range(7)]
    assert counts == [1, 0, 1, 0, 0, 0, 0]
    assert "Anna Krause" in agenda.day_lists[0].item(0).text()
    agenda.move(7)
    assert [agenda.day_lists[i].count() for i in range(7)] == [0, 0, 1, 0, 0, 0, 0]
    assert "KW" in agenda.title.text()


def test_letterhead_entries_reach_the_documents(window: Any) -> None:
    from outreach_desktop.services.agency import letterhead
    from outreach_desktop.services.settings import load_settings

    window.workspace.show_page(8)
    page = window.workspace.settings_page
    page.letterhead["agency_name"].setText("Jobcenter Lüchow-Dannenberg")
    page.letterhead["agency_name"].editingFinished.emit()
    assert letterhead(load_settings()).agency_name == "Jobcenter Lüchow-Dannenberg"


def test_f1_lists_the_keyboard_shortcuts(window: Any, qtbot: Any) -> None:
    from outreach_desktop.ui.shortcuts_dialog import ShortcutsDialog
    from testkit.gui import in_modal

    rows: list[tuple[str, str]] = []

    def read(dialog: ShortcutsDialog) -> None:
        table = dialog.table
        rows.extend((table.item(r, 0).text(), table.item(r, 1).text())
                    for r in range(table.rowCount()))  # fmt: skip
        dialog.reject()

    seen = in_modal(qtbot, ShortcutsDialog, read)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert seen
    keys = dict(rows)  # German key names, as printed on German keyboards
    assert (
        keys["Strg+4"] == "Protokolle"
        and keys["Strg+8"] == "Übergabe"
        and keys["Strg+9"] == "Einstellungen"
    )
    assert "Volltextsuche" in keys["Strg+Umschalt+F"]
    assert keys["Strg+L"].startswith("Jetzt sperren") and "Entf" in keys


def _slow_overview(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[bool]]:
    """Heute's overview waits for the returned event; the list tells for each call whether it
    ran on the GUI thread."""
    from outreach_desktop.services.today import today_overview

    release, on_gui = threading.Event(), []

    def slow(session: Any, day: Any, first: int | None = None) -> Any:
        on_gui.append(threading.current_thread() is threading.main_thread())
        assert release.wait(10)
        return today_overview(session, day, first)

    monkeypatch.setattr("outreach_desktop.ui.today_page.today_overview", slow)
    return release, on_gui


def test_heute_is_put_together_off_the_gui_thread(
    window: Any, qtbot: Any, settle: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.workspace.today_page
    settle(page)
    fill_demo(window.session, clients=6, seed=4, today=page.today())
    release, on_gui = _slow_overview(monkeypatch)
    page.refresh()
    qtbot.waitUntil(lambda: bool(on_gui))
    assert on_gui == [False]
    assert page.busy.running == 1 and page.cursor().shape() == Qt.CursorShape.WaitCursor
    release.set()
    settle(page)
    assert page.today_list.count() >= 3
    assert page.cursor().shape() == Qt.CursorShape.ArrowCursor


def test_a_list_shows_only_the_newest_search(
    window: Any, qtbot: Any, settle: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("Anna Krause", "Dora Lenz"):
        window.session.clients.save(Client(display_name=name))
    window.workspace.show_page(2)
    page = window.workspace.clients_page
    settle(page)
    search = window.session.clients.search
    release, on_gui = threading.Event(), []

    def slow(query: str, limit: int, offset: int = 0) -> Any:
        on_gui.append(threading.current_thread() is threading.main_thread())
        if query == "anna":
            assert release.wait(10)  # the first search is the slow one
        return search(query, limit, offset)

    monkeypatch.setattr(window.session.clients, "search", slow)
    page.search.setText("anna")
    page.refresh()
    page.search.setText("dora")
    page.refresh()
    qtbot.waitUntil(lambda: [c.display_name for c in page.model.rows] == ["Dora Lenz"])
    release.set()
    settle(page)
    assert [c.display_name for c in page.model.rows] == ["Dora Lenz"]
    assert on_gui == [False, False]


def test_locking_while_heute_loads_is_harmless(
    window: Any, qtbot: Any, error_boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from outreach_desktop.ui.tasks import wait_for_background

    release, on_gui = _slow_overview(monkeypatch)
    window.workspace.today_page.refresh()
    qtbot.waitUntil(lambda: bool(on_gui))
    window.lock()
    release.set()  # the overview now fails for want of the vault: nothing to tell the user
    wait_for_background()
    qtbot.wait(50)
    assert window.workspace is None and error_boxes == []
