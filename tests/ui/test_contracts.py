"""The contracts between the window and what it holds: every page of the workspace is a Page,
and locking keeps typed input exactly in the dialogs whose LockAware contract allows it."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from outreach_desktop.domain.people import Client
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.ui.contracts import LockAware, Page
from outreach_desktop.ui.people_dialogs import ClientDialog
from outreach_desktop.ui.protocol_editor import ProtocolEditor
from testkit import FAST_KDF, PASSPHRASE


def test_every_page_of_the_workspace_is_a_page(make_window: Any, vault_dir: Path) -> None:
    window = make_window(vault_dir)
    window.open_session(create_vault(vault_dir, PASSPHRASE, owner_name="Alex", kdf=FAST_KDF))
    workspace = window.workspace
    assert len(workspace.pages) == workspace.stack.count() == 10
    for index, (title, page) in enumerate(workspace.pages):
        assert isinstance(page, Page) and isinstance(page, QWidget), title
        assert workspace.stack.widget(index) is page, title  # the navigation row is the index
    assert not isinstance(QWidget(), Page)


def test_edit_dialogs_are_lock_aware(make_window: Any, vault_dir: Path) -> None:
    from datetime import datetime

    window = make_window(vault_dir)
    session = create_vault(vault_dir, PASSPHRASE, owner_name="Alex", kdf=FAST_KDF)
    window.open_session(session)
    now = datetime(2026, 11, 25, 9)
    client = session.clients.save(Client(display_name="Heike Brandt"))
    protocol = session.protocols.begin(
        now, client_id=client.id, met_at=now, staff_ids=[session.owner().id]
    )
    for dialog in (
        ClientDialog(session, None, window),
        ProtocolEditor(session, protocol.id, lambda: now, window),
    ):
        assert isinstance(dialog, LockAware), type(dialog).__name__
        assert inspect.getattr_static(dialog, "touched") is not None  # also for Python ≥ 3.12
        dialog.reject()
    assert not isinstance(QMessageBox(), LockAware)


class Dialog(QDialog):
    """A lock-aware dialog whose answers the test chooses."""

    def __init__(self, keep_on_lock: bool, touched: bool, saves: bool, calls: list[str]) -> None:
        super().__init__()
        self.keep_on_lock, self.touched, self.saves, self.calls = (
            keep_on_lock, touched, saves, calls,
        )  # fmt: skip
        self.setModal(True)

    def save_on_lock(self) -> bool:
        self.calls.append(self.objectName())
        return self.saves


def test_lock_keeps_input_only_where_the_contract_allows(make_window: Any) -> None:
    window = make_window()
    calls: list[str] = []
    dialogs: list[QDialog] = []
    for name, keep, touched, saves in (
        ("confirmation needed", False, True, True),  # a signature, an outcome: never on a lock
        ("kept", True, True, True),
        ("untouched", True, False, True),  # nothing typed: nothing to keep
        ("invalid", True, True, False),  # typed, but cannot be saved: discarded, and said so
    ):
        dialog = Dialog(keep, touched, saves, calls)
        dialog.setObjectName(name)
        dialogs.append(dialog)
    plain = QDialog()  # not lock-aware: only closed
    plain.setModal(True)
    dialogs.append(plain)
    for dialog in dialogs:
        dialog.show()  # each one modal above the one before
    assert window._close_dialogs() == (1, 1)
    assert calls == ["invalid", "kept"]  # innermost first
    assert not any(dialog.isVisible() for dialog in dialogs)
    for dialog in dialogs:
        dialog.deleteLater()
