"""Protokolle and Suche in the unlocked window: a protocol without an appointment from a
template, finalized, with an addendum, found by full-text search and opened from the hit;
anonymous counselling keeps nothing but its frame."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.ui import messages
from outreach_desktop.ui.protocol_editor import AddendumDialog, ProtocolEditor
from outreach_desktop.ui.protocols_page import AnonymousDialog, StandaloneProtocolDialog
from outreach_desktop.ui.widgets.html_delegate import HTML_ROLE
from testkit import FAST_KDF, PASSPHRASE
from testkit.gui import activate, in_modal
from testkit.internals import vault_of

PROTOCOLS, SEARCH = 3, 4


@pytest.fixture
def window(make_window: Any, vault_dir: Path) -> Any:
    session = create_vault(vault_dir, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    session.clients.save(Client(display_name="Heike Brandt"))
    session.clients.save(Client(display_name="Olga Sommer"))
    w = make_window(vault_dir)
    w.open_session(session)
    return w


def test_write_from_template_finalize_addendum_then_find_and_open(
    window: Any, qtbot: Any, settle: Any
) -> None:
    window.workspace.show_page(PROTOCOLS)
    page = window.workspace.protocols_page
    settle(page)
    assert page.stack.currentWidget() is page.empty
    assert "Noch keine Gedächtnisprotokolle" in page.empty.text()
    written: list[str] = []

    def choose(dialog: StandaloneProtocolDialog) -> None:
        assert dialog.client.currentText() == ""  # no client until one is chosen
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        assert "Bitte aus der Liste auswählen" in dialog.error_label.text()
        dialog.client.lineEdit().setText("Olga Somm")  # typed, not a whole name: refused
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        assert dialog.isVisible() and "Bitte aus der Liste auswählen" in dialog.error_label.text()
        dialog.client.lineEdit().setText("olga sommer")  # the whole name, any case
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    def addendum(dialog: AddendumDialog) -> None:
        dialog.text.setPlainText("Nachtrag: Die Probearbeit in der Baumschule ist bestätigt.")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    def write(editor: ProtocolEditor) -> None:
        written.append(editor.protocol_id)
        template = next(t for t in editor.templates.for_field("course")
                        if t.title == "Walk and Talk – Einstieg")  # fmt: skip
        editor.template_menus.insert("course", template)
        qtbot.keyClicks(editor.edits["topics"], "Probearbeit Baumschule")
        messages.set_next_answer(True)  # "Jetzt abschließen?"
        editor.finalize_button.click()
        qtbot.waitUntil(lambda: editor.busy.running == 0, timeout=10000)
        in_modal(qtbot, AddendumDialog, addendum)
        editor.addendum_button.click()
        editor.reject()

    in_modal(qtbot, StandaloneProtocolDialog, choose)
    opened = in_modal(qtbot, ProtocolEditor, write)
    page.new_button.click()
    assert opened and written
    stored = window.session.protocols.get(written[0])
    assert stored.is_final and stored.approach is Approach.WALK_AND_TALK
    assert "Olga Sommer" in stored.course and stored.topics == "Probearbeit Baumschule"
    assert [a.text for a in stored.addenda] == [
        "Nachtrag: Die Probearbeit in der Baumschule ist bestätigt."
    ]
    # the list shows it, finalized with its addendum
    settle(page)
    assert page.table.model().rowCount() == 1
    row = [page.table.model().index(0, c).data() for c in range(5)]
    assert row[2] == "Olga Sommer" and row[3] == "Probearbeit Baumschule"
    assert row[4] == "abgeschlossen · 1 Nachtrag"

    activate(qtbot, window)
    qtbot.keyClick(
        page.table,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # Strg+Umschalt+F: search everything
    search = window.workspace.search_page
    assert window.workspace.current_page() is search and search.search.hasFocus()
    assert "Treffer werden hervorgehoben" in search.empty.text()
    qtbot.keyClicks(search.search, "Gewaechshaus")
    qtbot.waitUntil(lambda: "Nichts gefunden" in search.empty.text(), timeout=3000)
    assert search.results.count() == 0 and "„Gewaechshaus“" in search.empty.text()
    search.search.setText("bestaetigt")  # the umlaut typed out, as in a hurry
    qtbot.waitUntil(lambda: search.results.count() == 1, timeout=3000)
    assert "[bestätigt]" in search.results.item(0).text()  # found in the addendum
    search.search.setText("probearb baumschule")
    qtbot.waitUntil(lambda: "bestätigt" not in search.results.item(0).text(), timeout=3000)
    assert search.results.count() == 1
    item = search.results.item(0)
    head, body = item.text().split("\n")
    assert head == (
        "Gedächtnisprotokoll: 25.11.2026 (abgeschlossen) · Olga Sommer · Probearbeit Baumschule"
    )
    assert body.startswith("Treffen am 25.11.2026")  # the course, from the template
    # the matches in the head are highlighted
    assert ">Probearbeit</span> <span" in item.data(HTML_ROLE)
    seen = in_modal(qtbot, ProtocolEditor, lambda e: e.reject())
    qtbot.keyClick(search.search, Qt.Key.Key_Return)
    settle(search)
    assert search.results.hasFocus() or search.results.currentRow() == 0
    qtbot.keyClick(search.results, Qt.Key.Key_Return)
    assert seen and seen[0].protocol_id == written[0]


def test_draft_can_be_deleted_finalized_cannot(window: Any, settle: Any) -> None:
    from datetime import datetime

    session = window.session
    now = datetime(2026, 11, 25, 15, 0)
    staff = [session.owner().id]
    draft = session.protocols.begin(now, client_id=session.clients.all()[0].id,
                                    met_at=now, staff_ids=staff)  # fmt: skip
    window.workspace.show_page(PROTOCOLS)
    page = window.workspace.protocols_page
    page.refresh()
    settle(page)
    page.table.selectRow(0)
    messages.set_next_answer(True)
    page.delete_current()
    assert session.protocols.all() == []
    final = session.protocols.begin(now, client_id=draft.client_id, met_at=now,
                                    staff_ids=staff)  # fmt: skip
    final.topics = "Wohnungssuche"
    session.protocols.save_draft(final)
    session.protocols.finalize(final.id, now, staff[0])
    page.refresh()
    settle(page)
    page.table.selectRow(0)
    messages.set_next_answer(True)  # the confirmation
    messages.set_next_answer(True)  # the refusal's message box
    page.delete_current()
    assert [p.id for p in session.protocols.all()] == [final.id]


def test_anonymous_counselling_has_no_field_for_name_or_content(
    window: Any, qtbot: Any, settle: Any
) -> None:
    window.workspace.show_page(PROTOCOLS)
    page = window.workspace.protocols_page
    settle(page)
    fields: list[str] = []
    assert "Noch keine anonyme Beratung" in page.anonymous_summary.text()

    def record(dialog: AnonymousDialog) -> None:
        fields.extend(dialog.fields)
        assert "Kein Name und kein Inhalt" in dialog.intro.text()
        dialog.duration.setValue(45)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    seen = in_modal(qtbot, AnonymousDialog, record)
    messages.set_next_answer(True)  # the "Erfasst" notice
    page.anonymous_button.click()
    assert seen
    assert sorted(fields) == ["approach", "day", "duration_min"]
    rows = window.session.protocols.anonymous_counselling()
    assert [(r.duration_min, r.approach) for r in rows] == [(45, Approach.WALK_AND_TALK)]
    assert window.session.protocols.all() == []
    settle(page)
    assert "1 erfasst" in page.anonymous_summary.text()


def test_idle_lock_keeps_the_draft_and_clears_the_clipboard(
    window: Any, qtbot: Any, clock: Any, vault_dir: Path
) -> None:
    from PySide6.QtGui import QGuiApplication

    from outreach_desktop.services.vaults import unlock_vault

    window.workspace.show_page(PROTOCOLS)
    page = window.workspace.protocols_page
    typed = "Gespräch über Umschulung zur Pflegefachkraft;\nSie möchte erst hospitieren."
    ids: list[str] = []

    def choose(dialog: StandaloneProtocolDialog) -> None:
        dialog.client.setCurrentIndex(0)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    def type_then_idle(editor: ProtocolEditor) -> None:
        ids.append(editor.protocol_id)
        editor.edits["course"].setPlainText(typed)  # not yet autosaved
        editor.save_now()
        editor.tabs.setCurrentIndex(1)
        copy = next(b for b in editor.handover.findChildren(type(editor.finalize_button))
                    if "Gesprächsverlauf" in b.accessibleName())  # fmt: skip
        copy.click()
        editor.tabs.setCurrentIndex(0)
        editor.edits["next_steps"].setPlainText("Hospitation anfragen")  # typed, not saved yet
        assert editor.autosave.dirty
        clock.advance(301)
        window.idle.check()  # the idle timer fires while the protocol is open

    in_modal(qtbot, StandaloneProtocolDialog, choose)
    in_modal(qtbot, ProtocolEditor, type_then_idle)
    page.new_button.click()
    assert window.workspace is None and ids
    assert QGuiApplication.clipboard().text() == ""  # the copied course is gone
    session = unlock_vault(vault_dir, PASSPHRASE)
    try:
        restored = session.protocols.get(ids[0])
        assert (restored.course, restored.next_steps) == (typed, "Hospitation anfragen")
    finally:
        session.lock()


def test_lock_says_when_a_protocol_could_not_be_kept(window: Any, qtbot: Any) -> None:
    window.workspace.show_page(PROTOCOLS)
    page = window.workspace.protocols_page

    def choose(dialog: StandaloneProtocolDialog) -> None:
        dialog.client.setCurrentIndex(0)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    def fill_disk_then_lock(editor: ProtocolEditor) -> None:
        conn = vault_of(window.session).db.connection
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        editor.edits["course"].setPlainText("Verlauf " * 3000)
        window.lock()

    in_modal(qtbot, StandaloneProtocolDialog, choose)
    in_modal(qtbot, ProtocolEditor, fill_disk_then_lock)
    page.new_button.click()
    assert window.workspace is None
    assert "nicht gespeichert" in window.welcome.message.text()


def test_today_lists_drafts_and_opens_them(window: Any, qtbot: Any, settle: Any) -> None:
    from datetime import datetime

    session = window.session
    when = datetime(2026, 11, 24, 9, 0)
    client = session.clients.all()[0]
    draft = session.protocols.begin(when, client_id=client.id, met_at=when,
                                    staff_ids=[session.owner().id])  # fmt: skip
    page = window.workspace.today_page
    page.refresh()
    settle(page)
    section = page.sections["drafts"]
    assert section.list.isVisibleTo(page)
    assert section.list.item(0).text() == (
        f"24.11.2026 09:00  ·  Walk and Talk  ·  {client.display_name}  ·  (noch keine Themen)"
    )  # the window's today is 25.11.: one day is not yet worth a mention
    window.workspace.today_page.today = lambda: datetime(2026, 12, 1).date()
    page.refresh()
    settle(page)
    assert section.list.item(0).text().endswith("·  seit 7 Tagen offen")
    window.workspace.today_page.today = lambda: datetime(2026, 11, 25).date()
    seen = in_modal(qtbot, ProtocolEditor, lambda e: e.reject())
    page.open_protocol(draft.id)
    assert seen and seen[0].protocol_id == draft.id
    draft.topics = "Bewerbung"
    session.protocols.save_draft(draft)
    session.protocols.finalize(draft.id, when, session.owner().id)
    page.refresh()
    settle(page)
    assert not section.list.isVisibleTo(page)


def test_anonymous_appointment_records_only_its_frame(window: Any, qtbot: Any) -> None:
    from datetime import date, datetime, time

    from outreach_desktop.domain.appointments import Appointment
    from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog

    session = window.session
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, datetime.combine(date(2026, 11, 23), time(15)),
        place="Marktplatz", staff_ids=[session.owner().id]))  # fmt: skip
    dialog = AppointmentWorkDialog(session, a.id, lambda: datetime(2026, 11, 23, 17), window)
    qtbot.addWidget(dialog)

    def check(form: AnonymousDialog) -> None:
        assert form.date.date().toPython() == date(2026, 11, 23)
        assert form.duration.value() == a.planned_duration_min
        form.buttons.button(form.buttons.StandardButton.Save).click()

    seen = in_modal(qtbot, AnonymousDialog, check)
    dialog.open_protocol()
    assert seen
    rows = session.protocols.anonymous_counselling()
    assert [(r.day, r.staff_ids) for r in rows] == [(date(2026, 11, 23), a.staff_ids)]
    assert session.protocols.all() == []


def test_clients_with_equal_names_are_told_apart(window: Any, qtbot: Any) -> None:
    session = window.session
    first = session.clients.save(Client(display_name="Anna Schmidt", customer_number="123D456789"))
    second = session.clients.save(
        Client(display_name="Anna Schmidt", address="Weg 1\n29451 Dannenberg")
    )
    dialog = StandaloneProtocolDialog(session, lambda: datetime(2026, 11, 25, 9), window)
    qtbot.addWidget(dialog)
    labels = {
        dialog.client.itemText(i): dialog.client.itemData(i) for i in range(dialog.client.count())
    }
    assert labels["Anna Schmidt (123D456789)"] == first.id
    assert labels["Anna Schmidt (29451 Dannenberg)"] == second.id
    dialog.client.setCurrentIndex(dialog.client.findData(second.id))
    assert dialog.client.value("client_id", "Kundin/Kunde") == second.id
    dialog.client.lineEdit().setText("anna schmidt (123d456789)")
    assert dialog.client.value("client_id", "Kundin/Kunde") == first.id
    twin = session.clients.save(
        Client(display_name="Anna Schmidt", address="Weg 1\n29451 Dannenberg")
    )
    again = StandaloneProtocolDialog(session, lambda: datetime(2026, 11, 25, 9), window)
    qtbot.addWidget(again)
    texts = [again.client.itemText(i) for i in range(again.client.count())]
    assert len(set(texts)) == len(texts)  # every entry can be told apart
    assert f"Anna Schmidt (29451 Dannenberg) · {twin.id[:8]}" in texts


def test_the_protocol_button_says_where_it_leads(window: Any, qtbot: Any) -> None:
    from datetime import date, time

    from outreach_desktop.domain.appointments import Appointment
    from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog

    session = window.session
    client = session.clients.all()[0]
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, datetime.combine(date(2026, 11, 23), time(15)),
        client_id=client.id, place="Marktplatz", staff_ids=[session.owner().id]))  # fmt: skip
    now = datetime(2026, 11, 23, 17)

    def label() -> str:
        dialog = AppointmentWorkDialog(session, a.id, lambda: now, window)
        qtbot.addWidget(dialog)
        return dialog.protocol_button.text().replace("&", "")

    assert label() == "Gedächtnisprotokoll schreiben …"
    draft = session.protocols.begin(now, appointment_id=a.id)
    assert label() == "Gedächtnisprotokoll fortsetzen (Entwurf) …"
    draft.topics = "Bewerbung"
    session.protocols.save_draft(draft)
    session.protocols.finalize(draft.id, now, session.owner().id)
    assert label() == "Gedächtnisprotokoll ansehen (abgeschlossen) …"
    session.protocols.add_addendum(draft.id, "Nachtrag", now, session.owner().id)
    assert label() == "Gedächtnisprotokoll ansehen (abgeschlossen, Nachträge: 1) …"


def test_a_click_on_a_heading_sorts_by_the_date_not_its_text(window: Any, settle: Any) -> None:
    """ "25.11.2026" sorts before "01.12.2026"; the service's own order comes first, and a new
    search keeps the order chosen."""
    from datetime import datetime

    from PySide6.QtCore import Qt

    session = window.session
    staff = [session.owner().id]
    client = session.clients.all()[0].id
    for met in (datetime(2026, 11, 25, 9), datetime(2026, 12, 1, 9), datetime(2026, 11, 3, 9)):
        session.protocols.begin(met, client_id=client, met_at=met, staff_ids=staff)
    window.workspace.show_page(PROTOCOLS)
    page = window.workspace.protocols_page
    page.refresh()
    settle(page)

    def shown() -> list[str]:
        return [page.model.index(r, 0).data()[:10] for r in range(page.model.rowCount())]

    assert page.table.horizontalHeader().sortIndicatorSection() == -1
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown() == ["03.11.2026", "25.11.2026", "01.12.2026"]
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown() == ["01.12.2026", "25.11.2026", "03.11.2026"]
    page.refresh()
    settle(page)
    assert shown() == ["01.12.2026", "25.11.2026", "03.11.2026"]


def test_the_list_reads_protocols_a_page_at_a_time(
    window: Any, qtbot: Any, settle: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On years of protocols the list reads one page and the next as the table scrolls to the
    end (`canFetchMore`/`fetchMore`), drafts first and the newest meeting first."""
    from outreach_desktop.ui import protocols_page

    monkeypatch.setattr(protocols_page, "PAGE", 2)
    session = window.session
    staff = [session.owner().id]
    client = session.clients.all()[0].id
    for day in (3, 9, 25, 14, 1):
        met = datetime(2026, 11, day, 9)
        session.protocols.begin(met, client_id=client, met_at=met, staff_ids=staff)
    asked: list[tuple[int, int]] = []
    listing = session.protocols.listing

    def paged(query: str = "", offset: int = 0, limit: int = 200) -> Any:
        asked.append((offset, limit))
        return listing(query, offset, limit)

    def everything() -> Any:
        raise AssertionError("the list reads every protocol")

    monkeypatch.setattr(session.protocols, "listing", paged)
    monkeypatch.setattr(session.protocols, "all", everything)
    window.workspace.show_page(PROTOCOLS)
    page = window.workspace.protocols_page
    page.refresh()
    settle(page)
    while page.model.canFetchMore():  # what the view does as it scrolls to the end
        page.model.fetchMore()
    assert [r.met_at.day for r in page.model.rows] == [25, 14, 9, 3, 1]
    assert asked[0] == (0, 2) and all(limit == 2 for _o, limit in asked)
    assert sorted({offset for offset, _l in asked}) == [0, 2, 4, 5]  # the last finds no more
    page.search.setText("Sommer")  # the other client: nothing
    page.refresh()
    settle(page)
    assert page.model.rowCount() == 0 and not page.model.canFetchMore()
