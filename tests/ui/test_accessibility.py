"""Every control has an accessible name (BITV 2.0), on every page and in every dialog, and every
control that takes input can be reached through the focus chain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.ui.appointment_dialog import AppointmentDialog
from outreach_desktop.ui.create_vault_dialog import CreateVaultDialog
from outreach_desktop.ui.passphrase_dialog import ChangePassphraseDialog
from outreach_desktop.ui.people_dialogs import ClientDialog, StaffDialog, ThirdPartyDialog
from testkit import FAST_KDF, PASSPHRASE

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QAbstractItemView,
)


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QHeaderView):
            continue  # a table's header is exposed as part of the table
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), (QComboBox, QAbstractSpinBox)
        ):
            continue  # the inner editor of a combo or spin box is named by its owner
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Text.Name) if iface else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def unreachable_controls(root: QWidget) -> list[str]:
    """Input controls that Tab never reaches when walking the focus chain from `root`."""
    chain = set()
    widget = root.nextInFocusChain()
    for _ in range(2000):
        chain.add(id(widget))
        widget = widget.nextInFocusChain()
        if widget is root:
            break
    missing = []
    for w in root.findChildren(QWidget):
        if (
            isinstance(w, CONTROLS)
            and w.isVisibleTo(root)
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and id(w) not in chain
        ):
            missing.append(type(w).__name__)
    return missing


@pytest.fixture
def unlocked(make_window: Any, vault_dir: Path) -> Any:
    session = create_vault(vault_dir, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    fill_demo(session, clients=5, seed=2)
    window = make_window(vault_dir)
    window.open_session(session)
    return window


def test_every_page_names_its_controls(unlocked: Any) -> None:
    window = unlocked
    for index in range(len(window.workspace.pages)):
        window.workspace.show_page(index)
        page = window.workspace.current_page()
        assert unnamed_controls(window) == [], f"page {index} ({type(page).__name__})"
        assert unreachable_controls(window) == [], f"page {index} ({type(page).__name__})"


def test_welcome_page_names_its_controls(make_window: Any, vault_dir: Path) -> None:
    create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF).lock()
    window = make_window(vault_dir)
    assert unnamed_controls(window) == []
    assert unreachable_controls(window) == []


def protocol_dialogs(session: Any, parent: Any) -> list[Any]:
    """The memory-protocol windows: the editor (draft and finalized) and its small dialogs."""
    from datetime import datetime

    from outreach_desktop.ui.protocol_editor import (
        AddendumDialog,
        CountersignDialog,
        FollowUpDialog,
        ProtocolEditor,
    )
    from outreach_desktop.ui.protocols_page import AnonymousDialog, StandaloneProtocolDialog
    from outreach_desktop.ui.shortcuts_dialog import ShortcutsDialog

    now = datetime(2026, 11, 25, 16, 0)
    owner = session.owner().id
    client = session.clients.all()[0]
    draft = session.protocols.begin(now, client_id=client.id, met_at=now, staff_ids=[owner])
    final = session.protocols.begin(now, client_id=client.id, met_at=now, staff_ids=[owner])
    final.topics = "Bewerbung"
    session.protocols.save_draft(final)
    final = session.protocols.finalize(final.id, now, owner)
    return [
        ProtocolEditor(session, draft.id, lambda: now, parent),
        ProtocolEditor(session, final.id, lambda: now, parent),
        StandaloneProtocolDialog(session, lambda: now, parent),
        AnonymousDialog(session, lambda: now, parent),
        AddendumDialog(session, final.id, lambda: now, owner, parent),
        CountersignDialog(session, final, lambda: now, parent),
        FollowUpDialog(session, draft, parent),
        ShortcutsDialog(["Heute"], parent),
    ]


def test_every_dialog_names_its_controls(unlocked: Any) -> None:
    session = unlocked.session
    client = session.clients.all()[0]
    appointment = session.appointments.search()[0]
    dialogs = [
        *protocol_dialogs(session, unlocked),
        ClientDialog(session, None, unlocked),
        ClientDialog(session, client, unlocked),
        StaffDialog(session, None, unlocked),
        ThirdPartyDialog(session, None, unlocked),
        AppointmentDialog(session, None, unlocked),
        AppointmentDialog(session, appointment, unlocked),
        ChangePassphraseDialog(session, unlocked),
        CreateVaultDialog(unlocked),
    ]
    for dialog in dialogs:
        dialog.show()
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        assert unreachable_controls(dialog) == [], type(dialog).__name__
        dialog.reject()
        dialog.deleteLater()


def test_the_checker_finds_a_nameless_button(qtbot: Any) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    QVBoxLayout(root).addWidget(QPushButton())  # icon-less, text-less, nameless
    root.show()
    assert unnamed_controls(root) == ["QPushButton ''"]


def mnemonic_clashes(root: QWidget) -> list[str]:
    """Alt+letter shortcuts used twice among the visible labels and buttons of `root`."""
    import re

    from PySide6.QtWidgets import QLabel

    seen: dict[str, str] = {}
    clashes = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not isinstance(widget, (QLabel, QAbstractButton)):
            continue
        match = re.search(r"&([^&\s])", widget.text())
        if match:
            key = match[1].lower()
            if key in seen:
                clashes.append(f"{seen[key]!r} / {widget.text()!r}")
            seen[key] = widget.text()
    return clashes


def test_no_two_controls_share_an_alt_key(unlocked: Any) -> None:
    session = unlocked.session
    for dialog in (
        ClientDialog(session, None, unlocked),
        StaffDialog(session, None, unlocked),
        ThirdPartyDialog(session, None, unlocked),
        AppointmentDialog(session, None, unlocked),
        ChangePassphraseDialog(session, unlocked),
        CreateVaultDialog(unlocked),
        *protocol_dialogs(session, unlocked),
    ):
        dialog.show()
        assert mnemonic_clashes(dialog) == [], type(dialog).__name__
        dialog.reject()
    for index in range(len(unlocked.workspace.pages)):
        unlocked.workspace.show_page(index)
        assert mnemonic_clashes(unlocked.workspace.current_page()) == [], index


def test_the_office_inbox_names_its_controls(qtbot: Any, german: None, stations: Any) -> None:
    """The Posteingang and its dialogs on a real office vault with a real laptop's bundle."""
    from outreach_desktop.services.inbox import ImportResult
    from outreach_desktop.ui.inbox_dialogs import (
        FingerprintDialog,
        ImportResultsDialog,
        RejectDialog,
    )
    from outreach_desktop.ui.inbox_record import RecordDialog
    from testkit.office_gui import NOW, export_bundle, import_trusted, make_page, show_everything

    bundle = export_bundle(stations, stations.folders.office.parent / "stick")
    import_trusted(stations, bundle)
    page = make_page(qtbot, stations)
    assert page.model.keys
    for show_all in (False, True):
        show_everything(qtbot, page, show_all)
        for check in (unnamed_controls, unreachable_controls, mnemonic_clashes):
            assert check(page) == [], check.__name__
    items = [i for g in stations.office.inbox.entries(everything=True) for i in g.items]
    kinds = {"protocols", "consents", "clients", "appointments", "anonymous_counselling"}
    opened = [next(i for i in items if i.kind == kind) for kind in sorted(kinds)]
    refused = ImportResult(bundle, "refused", "Unbekanntes Gerät", fingerprint="AAAA-BBBB")
    dialogs = [
        *(RecordDialog(stations.office, i.kind, i.id, lambda: NOW, "", page) for i in opened),
        FingerprintDialog("AAAA-BBBB-CCCC-DDDD-EEEE", "0123abcd", [bundle.name], page),
        ImportResultsDialog([refused], page),
        RejectDialog("Gedächtnisprotokoll", page),
    ]
    for dialog in dialogs:
        dialog.show()
        for check in (unnamed_controls, unreachable_controls, mnemonic_clashes):
            assert check(dialog) == [], f"{type(dialog).__name__}: {check.__name__}"
        dialog.reject()
        dialog.deleteLater()


def test_the_offices_conflicts_and_log_name_their_controls(
    qtbot: Any, german: None, stations: Any, tmp_path: Path
) -> None:
    """The Posteingang with conflicts waiting, the conflicts dialog (a conflict that can be
    decided either way, and one that can only be kept) and the sync log."""
    from outreach_desktop.ui.inbox_conflicts import ConflictsDialog
    from outreach_desktop.ui.sync_log_view import SyncLogDialog
    from testkit.conflicts import client_address, make_conflicts, protocol_rewritten
    from testkit.office_gui import NOW, make_page

    make_conflicts(stations, tmp_path / "stick", client_address, protocol_rewritten)
    page = make_page(qtbot, stations)
    assert page.notice.isVisible()
    checks = (unnamed_controls, unreachable_controls, mnemonic_clashes)
    for check in checks:
        assert check(page) == [], check.__name__
    conflicts = ConflictsDialog(stations.office, lambda: NOW, page)
    log = SyncLogDialog(stations.office, page)
    for dialog, rows in ((conflicts, (0, 1)), (log, (0,))):
        dialog.show()
        for row in rows:
            if dialog is conflicts:
                conflicts.list.setCurrentRow(row)
            for check in checks:
                assert check(dialog) == [], f"{type(dialog).__name__} {row}: {check.__name__}"
        dialog.reject()
        dialog.deleteLater()
