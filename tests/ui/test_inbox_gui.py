"""The office station's Posteingang, driven as a person would, on a real office vault with real
bundles from the demo laptop: reading bundles (a new laptop trusted only after its fingerprint
was compared, a bad file among good ones), opening a record, copying its fields, setting its
marks, rejecting it, the empty list and locking."""

from __future__ import annotations

import getpass
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton

from outreach_desktop.storage.inbox_repo import DeviceRepository
from outreach_desktop.ui import messages
from outreach_desktop.ui.clipboard import sensitive_clipboard
from outreach_desktop.ui.contracts import Page
from outreach_desktop.ui.inbox_dialogs import FingerprintDialog, RejectDialog
from outreach_desktop.ui.inbox_page import InboxPage
from outreach_desktop.ui.inbox_record import RecordDialog
from testkit.gui import in_modal
from testkit.internals import vault_of
from testkit.office_gui import (
    export_bundle,
    import_trusted,
    make_page,
    open_record,
    read_bundles,
    settled,
    show_everything,
    waiting,
)
from testkit.stations import Stations

pytestmark = pytest.mark.usefixtures("german")


@pytest.fixture
def bundle(stations: Stations, tmp_path: Path) -> Path:
    return export_bundle(stations, tmp_path / "stick")


@pytest.fixture
def page(qtbot: Any, stations: Stations) -> InboxPage:
    return make_page(qtbot, stations)


@pytest.fixture
def imported(qtbot: Any, stations: Stations, bundle: Path) -> InboxPage:
    import_trusted(stations, bundle)
    return make_page(qtbot, stations)


def test_a_new_laptop_is_read_after_its_fingerprint_was_compared(
    qtbot: Any, stations: Stations, page: InboxPage, bundle: Path
) -> None:
    assert "Keine Einträge warten auf die Übernahme." in page.empty.text()
    fingerprint = stations.laptop.identity.device_fingerprint()

    def compare(dialog: FingerprintDialog) -> None:
        assert dialog.shown.text().split() == fingerprint.split("-")  # large, in groups
        texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert f"„{bundle.name}“" in texts and "Einstellungen → Dienststelle" in texts
        assert "„Geräteschlüssel“" in texts
        assert dialog.cancel_button.isDefault()  # Enter never trusts a device
        dialog.accept_button.click()

    seen = in_modal(qtbot, FingerprintDialog, compare)
    lines = read_bundles(qtbot, page, [bundle])
    assert seen
    assert len(lines) == 1 and "eingelesen" in lines[0] and fingerprint in lines[0]
    assert lines[0].startswith("✓ " + bundle.name)
    keys = {(i.kind, i.id) for i in waiting(stations)}
    assert keys and set(page.model.keys) == keys and page.focusProxy() is page.tree
    assert "Warten auf die Übernahme: " + str(len(keys)) == page.summary.text()
    [device] = DeviceRepository(vault_of(stations.office).db).all()
    assert (device.fingerprint, device.trusted_by) == (fingerprint, getpass.getuser())


def test_refusing_the_laptop_reads_nothing(
    qtbot: Any, stations: Stations, page: InboxPage, bundle: Path
) -> None:
    in_modal(qtbot, FingerprintDialog, lambda dialog: dialog.cancel_button.click())
    lines = read_bundles(qtbot, page, [bundle])
    assert len(lines) == 1 and lines[0].startswith("✗ ") and "Unbekanntes Gerät" in lines[0]
    assert stations.office.inbox.entries(everything=True) == []
    assert DeviceRepository(vault_of(stations.office).db).all() == []
    assert page.stack.currentWidget() is page.empty and page.model.keys == []


def test_a_bad_file_gets_its_line_and_the_others_are_read(
    qtbot: Any, stations: Stations, page: InboxPage, bundle: Path, tmp_path: Path
) -> None:
    truncated = tmp_path / "stick" / "OD-00000000-000009.age"
    truncated.write_bytes(bundle.read_bytes()[:-300])
    stray = tmp_path / "stick" / "notizen.age"
    stray.write_text("keine Übergabe", encoding="utf-8")
    page.ask_trust = lambda _parent, fingerprint, _device, _files: True  # compared, the same
    lines = read_bundles(qtbot, page, [truncated, bundle, stray])
    assert [line[:2] for line in lines] == ["✗ ", "✓ ", "✗ "]
    assert truncated.name in lines[0] and "beschädigt" in lines[0]
    assert stray.name in lines[2]
    assert page.flow is not None
    summary = page.flow.results_dialog
    assert summary is not None and "Eingelesen: 1 von 3 Dateien." in summary.summary.text()
    assert waiting(stations) and set(page.model.keys) == {(i.kind, i.id) for i in waiting(stations)}


def test_open_a_protocol_copy_a_field_and_set_its_marks(
    qtbot: Any, stations: Stations, imported: InboxPage
) -> None:
    page = imported
    item = max((i for i in waiting(stations) if i.kind == "protocols"),
               key=lambda i: len(i.applies))  # fmt: skip
    assert item.applies == ("verbis", "eakte", "benefits")
    course = stations.office.protocols.get(item.id).course

    def work(dialog: RecordDialog) -> None:
        copy = next(b for b in dialog.fields.findChildren(QPushButton)
                    if b.accessibleName() == "Gesprächsverlauf kopieren")  # fmt: skip
        copy.click()
        clipboard = QGuiApplication.clipboard()
        assert clipboard.text() == course and sensitive_clipboard().holds_ours
        assert clipboard.mimeData().hasFormat("x-kde-passwordManagerHint")  # not kept by managers
        assert "30 Sekunden" in dialog.copied.text()
        assert "es fehlt noch: in VerBIS übernommen" in dialog.state.text()
        verbis = dialog.checks["verbis"]
        messages.set_next_answer(False)  # "kann nicht zurückgenommen werden" – not now
        verbis.click()
        assert not verbis.isChecked() and verbis.isEnabled() and not dialog.changed
        for mark, check in dialog.checks.items():
            messages.set_next_answer(True)
            check.click()
            assert check.isChecked() and not check.isEnabled(), mark
            assert dialog.stamps[mark].text().startswith(f"gesetzt von {getpass.getuser()} am")
        assert dialog.state.text().startswith("Übernommen")
        assert not dialog.reject_button.isEnabled()
        sensitive_clipboard().clear_if_ours()  # what the 30 s timer does
        assert clipboard.text() == ""
        dialog.close_button.click()

    open_record(qtbot, page, item, work)
    settled(qtbot, page)
    done = stations.office.inbox.item("protocols", item.id)
    assert done.transferred and set(done.marks) == {"verbis", "eakte", "benefits"}
    assert ("protocols", item.id) not in page.model.keys  # it left what awaits entry
    assert page.current_key() is not None  # the neighbour is selected, ready for Enter
    show_everything(qtbot, page)
    row = page.model.index_of(("protocols", item.id))
    assert row.isValid() and row.siblingAtColumn(2).data() == "übernommen"
    assert row.siblingAtColumn(1).data() == "✓ VerBIS · ✓ e-Akte · ✓ Leistungsgewährung"


def test_reject_with_a_reason(qtbot: Any, stations: Stations, imported: InboxPage) -> None:
    page = imported
    item = next(i for i in waiting(stations) if i.kind == "consents")
    reason = "Formular unleserlich, bitte neu unterschreiben lassen"

    def give_reason(dialog: RejectDialog) -> None:
        assert not dialog.reject_button.isEnabled()  # the reason is required
        dialog.reason.setPlainText("   ")
        assert not dialog.reject_button.isEnabled()
        dialog.reason.setPlainText(reason)
        dialog.reject_button.click()

    def reject(dialog: RecordDialog) -> None:
        in_modal(qtbot, RejectDialog, give_reason)
        dialog.reject_button.click()
        assert dialog.changed and dialog.state.text().startswith("Abgelehnt von")
        assert reason in dialog.state.text()
        assert not dialog.checks["eakte"].isEnabled() and not dialog.reject_button.isEnabled()
        dialog.close_button.click()

    open_record(qtbot, page, item, reject)
    rejected = stations.office.inbox.item(item.kind, item.id)
    assert rejected.rejected_reason == reason and rejected.marks == {}
    settled(qtbot, page)
    assert (item.kind, item.id) not in page.model.keys
    show_everything(qtbot, page)
    row = page.model.index_of((item.kind, item.id))
    assert row.siblingAtColumn(2).data() == f"abgelehnt: {reason}"


def test_a_record_without_marks_reads_as_a_field_list(
    qtbot: Any, stations: Stations, imported: InboxPage
) -> None:
    page = imported
    show_everything(qtbot, page)
    everything = [i for g in stations.office.inbox.entries(everything=True) for i in g.items]
    client = next(i for i in everything if i.kind == "clients" and not i.applies)
    name = stations.office.clients.get(client.id).display_name

    def read(dialog: RecordDialog) -> None:
        buttons = [b.accessibleName() for b in dialog.fields.findChildren(QPushButton)]
        assert "Name kopieren" in buttons and "Anschrift kopieren" in buttons
        assert name in [label.text() for label in dialog.fields.findChildren(QLabel)]
        assert dialog.checks == {}
        notes = [label.text() for label in dialog.marks_box.findChildren(QLabel)]
        assert any("nichts zu übernehmen" in note for note in notes)
        dialog.close_button.click()

    open_record(qtbot, page, client, read)


def test_empty_state_and_the_filter(qtbot: Any, page: InboxPage) -> None:
    assert page.stack.currentWidget() is page.empty
    assert page.empty.text().startswith("Keine Einträge warten auf die Übernahme.")
    assert "Strg+I" in page.empty.text() and page.summary.text() == ""
    assert not page.open_button.isEnabled()
    assert page.focusProxy() is page.import_button  # nothing to list: reading bundles is next
    show_everything(qtbot, page)
    assert page.empty.text().startswith("Der Posteingang ist leer.")


def test_ctrl_i_reads_bundles(qtbot: Any, page: InboxPage) -> None:
    asked: list[object] = []
    page.ask_paths = lambda parent: asked.append(parent) or []
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.tree, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert asked == [page] and page.flow is None  # nothing chosen: nothing read


def test_the_page_clears_on_lock(
    qtbot: Any, stations: Stations, page: InboxPage, bundle: Path
) -> None:
    assert isinstance(page, Page)
    page.ask_paths = lambda _parent: [str(bundle)]
    page.ask_trust = lambda *_asked: True
    page.import_button.click()
    qtbot.waitUntil(lambda: page.flow is not None and not page.flow.running, timeout=20000)
    settled(qtbot, page)
    results = page.flow.results_dialog  # type: ignore[union-attr]
    assert results is not None and results.isVisible()
    assert page.model.keys and page.summary.text()
    page.refresh()  # a reading still under way when the vault locks is not shown
    page.clear()
    settled(qtbot, page)
    assert page.model.keys == [] and page.model.rowCount() == 0
    assert page.found == {} and page.summary.text() == ""
    assert not results.isVisible()  # file names and counts go too


def test_cancelling_the_reading_reads_nothing(
    qtbot: Any, stations: Stations, page: InboxPage, bundle: Path
) -> None:
    """The progress dialog's Cancel stops before the next file; nothing is read."""
    inbox, gate = stations.office.inbox, threading.Event()
    real = inbox.import_files

    def held(paths: Any, now: Any, trust: Any, progress: Any, **named: Any) -> Any:
        def step(done: int, total: int) -> Any:
            gate.wait(10)  # the person cancels while the first file is being read
            return progress(done, total)

        return real(paths, now, trust, step, **named)

    inbox.import_files = held  # type: ignore[method-assign]
    page.ask_paths = lambda _parent: [str(bundle)]
    page.import_button.click()
    assert page.flow is not None and page.flow.progress is not None
    run = page.flow.progress
    qtbot.waitUntil(run.dialog.isVisible)
    assert run.dialog.accessibleName() == "Übergaben werden eingelesen"
    run.dialog.canceled.emit()  # the Cancel button
    gate.set()
    qtbot.waitUntil(lambda: not page.flow.running, timeout=20000)  # type: ignore[union-attr]
    assert page.flow.results_dialog is not None
    assert page.flow.results_dialog.texts() == [f"– {bundle.name}: " + page.flow.results[0].message]
    assert "Vor dem Einlesen abgebrochen: 1." in page.flow.results_dialog.summary.text()
    page.flow.results_dialog.close()
    assert stations.office.inbox.entries(everything=True) == []
