"""Create a vault through the GUI, unlock it, add and find a client, lock by shortcut and idle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit

from outreach_desktop.services.vaults import create_vault, is_vault
from outreach_desktop.ui.create_vault_dialog import CreateVaultDialog
from outreach_desktop.ui.people_dialogs import ClientDialog
from testkit import FAST_KDF
from testkit.gui import FakeClock, activate, in_modal

PASS = "Sommer am Deich 2026"


def _texts(widget: Any) -> str:
    """All visible text a widget tree shows (labels, edits, item views)."""
    parts = []
    for child in widget.findChildren(QLabel):
        parts.append(child.text())
    for child in widget.findChildren(QLineEdit):
        parts.append(child.text())
    return "\n".join(parts)


def _create_profile(qtbot: Any, window: Any, name: str = "anna") -> None:
    def fill(dialog: CreateVaultDialog) -> None:
        dialog.profile.setText(name)
        dialog.owner.setText("Anna Beispiel")
        dialog.passphrase.setText(PASS)
        dialog.repeat.setText(PASS)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    seen = in_modal(qtbot, CreateVaultDialog, fill)
    qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    assert seen, "the create dialog did not open"


def _unlock(qtbot: Any, window: Any, passphrase: str = PASS) -> None:
    window.welcome.passphrase.setFocus()
    qtbot.keyClicks(window.welcome.passphrase, passphrase)
    qtbot.keyClick(window.welcome.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.workspace is not None or window.welcome.message.isVisible(), timeout=15000
    )


def _add_client(qtbot: Any, window: Any, name: str, phone: str = "") -> None:
    page = window.workspace.clients_page

    def fill(dialog: ClientDialog) -> None:
        dialog.name.insert(name)  # QTest cannot type non-ASCII letters; insert() as a paste
        qtbot.keyClicks(dialog.phone, phone)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    activate(qtbot, window)
    seen = in_modal(qtbot, ClientDialog, fill)
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen, "Ctrl+N did not open the dialog"


def test_create_unlock_add_find_lock(
    qtbot: Any, make_window: Any, isolated_home: Path, settle: Any
) -> None:
    window = make_window()
    assert window.welcome.create_button.isVisible()
    assert "Willkommen" in window.welcome.intro.text()

    _create_profile(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None)
    vault = isolated_home / "data" / "profiles" / "anna"
    assert is_vault(vault)
    window.lock()
    assert window.workspace is None

    _unlock(qtbot, window)
    assert window.workspace is not None, window.welcome.message.text()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.workspace.clients_page
    assert window.workspace.current_page() is page
    settle(page)
    assert page.stack.currentWidget() is page.empty
    assert "Noch keine Kundinnen und Kunden" in page.empty.text()

    _add_client(qtbot, window, "Jürgen Müller", "05841 1234")
    _add_client(qtbot, window, "Ayşe Yılmaz")
    settle(page)
    assert len(page.model.rows) == 2
    assert page.current().display_name == "Ayşe Yılmaz"  # the new entry is selected

    qtbot.keyClicks(page.search, "MULL")
    qtbot.waitUntil(lambda: len(page.model.rows) == 1)
    assert page.model.rows[0].display_name == "Jürgen Müller"
    page.search.clear()
    qtbot.keyClicks(page.search, "nobody here")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
    assert "nobody here" in page.empty.text()

    # lock by shortcut: everything gone from the window
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace is None and window.session is None
    assert window.current_widget() is window.welcome
    assert "Müller" not in _texts(window)  # cleared at once
    qtbot.wait(50)  # let Qt delete the old workspace and dialogs
    assert not window.findChildren(ClientDialog)


def test_wrong_passphrase_shows_message_and_stays_locked(
    qtbot: Any, make_window: Any, vault_dir: Path
) -> None:
    create_vault(vault_dir, PASS, kdf=FAST_KDF).lock()
    window = make_window(vault_dir)
    _unlock(qtbot, window, "falsch falsch falsch")
    assert window.workspace is None
    assert window.welcome.message.text() == "Die Passphrase ist falsch."
    assert window.welcome.passphrase.text() == ""
    _unlock(qtbot, window)
    assert window.workspace is not None


def test_idle_lock_with_injected_clock(
    qtbot: Any, make_window: Any, vault_dir: Path, clock: FakeClock
) -> None:
    create_vault(vault_dir, PASS, owner_name="Anna", kdf=FAST_KDF).lock()
    window = make_window(vault_dir)
    _unlock(qtbot, window)
    assert window.workspace is not None
    assert window.idle.active

    clock.advance(299)
    window.idle.check()  # what the timer does when it fires
    assert window.workspace is not None, "locked too early"

    qtbot.keyClick(window.workspace.nav, Qt.Key.Key_Down)  # activity resets the idle time
    clock.advance(200)
    window.idle.check()
    assert window.workspace is not None

    clock.advance(301)
    window.idle.check()
    assert window.workspace is None
    assert "Inaktivität" in window.welcome.message.text()


def test_input_after_sleep_locks_before_it_is_handled(
    qtbot: Any, make_window: Any, vault_dir: Path, clock: FakeClock
) -> None:
    """Qt timers stand still while the laptop sleeps; the first key after waking locks."""
    create_vault(vault_dir, PASS, kdf=FAST_KDF).lock()
    window = make_window(vault_dir)
    _unlock(qtbot, window)
    window.workspace.show_page(2)
    search = window.workspace.clients_page.search
    clock.advance(3600)
    qtbot.keyClick(search, Qt.Key.Key_X)
    assert window.workspace is None
    assert search.text() == ""  # the key was swallowed, not typed


def test_lock_closes_dialogs_and_keeps_valid_input(
    qtbot: Any, make_window: Any, vault_dir: Path
) -> None:
    create_vault(vault_dir, PASS, kdf=FAST_KDF).lock()
    window = make_window(vault_dir)
    _unlock(qtbot, window)
    window.workspace.show_page(2)
    page = window.workspace.clients_page

    def type_then_lock(dialog: ClientDialog) -> None:
        qtbot.keyClicks(dialog.name, "Olena Kovalenko")  # ASCII: typed key by key
        window.lock()

    seen = in_modal(qtbot, ClientDialog, type_then_lock)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen and not seen[0].isVisible()
    assert window.workspace is None
    assert "gespeichert" in window.welcome.message.text()
    assert QApplication.activeModalWidget() is None

    _unlock(qtbot, window)
    names = [c.display_name for c in window.session.clients.all()]
    assert names == ["Olena Kovalenko"]


def test_gui_session_leaves_no_plaintext_outside_the_vault(
    qtbot: Any, make_window: Any, isolated_home: Path, tmp_path: Path
) -> None:
    """A whole GUI session (create, add, search, lock) writes the canary nowhere in plaintext:
    not in the vault folder, the settings, the logs or TMPDIR."""
    canary = "Quastenflosser Zebulon"
    window = make_window()
    _create_profile(qtbot, window, "canary")
    qtbot.waitUntil(lambda: window.workspace is not None)
    window.workspace.show_page(2)
    _add_client(qtbot, window, canary)
    page = window.workspace.clients_page
    qtbot.keyClicks(page.search, "Quasten")
    qtbot.waitUntil(lambda: len(page.model.rows) == 1)
    window.lock()
    qtbot.wait(20)
    needles = [canary.encode(), canary.encode("utf-16-le"), b"quastenflosser"]
    leaks = [
        str(p)
        for p in tmp_path.rglob("*")
        if p.is_file() and any(n in p.read_bytes() for n in needles)
    ]
    assert leaks == []
    assert (isolated_home / "config" / "settings.json").is_file()  # something was written


def test_lock_never_confirms_a_passphrase_change(
    qtbot: Any, make_window: Any, vault_dir: Path
) -> None:
    from outreach_desktop.ui.passphrase_dialog import ChangePassphraseDialog

    create_vault(vault_dir, PASS, kdf=FAST_KDF).lock()
    window = make_window(vault_dir)
    _unlock(qtbot, window)
    window.workspace.show_page(8)

    def type_then_lock(dialog: ChangePassphraseDialog) -> None:
        qtbot.keyClicks(dialog.current, PASS)
        qtbot.keyClicks(dialog.new, "Eine andere Passphrase")
        qtbot.keyClicks(dialog.repeat, "Eine andere Passphrase")
        window.lock(reason="idle")

    seen = in_modal(qtbot, ChangePassphraseDialog, type_then_lock)
    window.workspace.settings_page.passphrase_button.click()
    assert seen and window.workspace is None
    assert "gespeichert" not in window.welcome.message.text()
    _unlock(qtbot, window, PASS)  # the old passphrase still opens the vault
    assert window.workspace is not None


def test_ctrl_l_locks_while_a_dialog_is_open(qtbot: Any, make_window: Any, vault_dir: Path) -> None:
    create_vault(vault_dir, PASS, kdf=FAST_KDF).lock()
    window = make_window(vault_dir)
    _unlock(qtbot, window)
    window.workspace.show_page(2)

    def press_ctrl_l(dialog: ClientDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog.name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    seen = in_modal(qtbot, ClientDialog, press_ctrl_l)
    window.workspace.clients_page.new_button.click()
    assert seen and not seen[0].isVisible()
    assert window.workspace is None and window.session is None


def test_only_one_vault_is_open_at_a_time(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    from outreach_desktop.services.vaults import unlock_vault

    first = create_vault(tmp_path / "a", PASS, kdf=FAST_KDF)
    second = create_vault(tmp_path / "b", PASS, kdf=FAST_KDF)
    window = make_window()
    window.open_session(first)
    window.open_session(second)
    assert first.is_locked and not second.is_locked
    late = unlock_vault(tmp_path / "a", PASS)
    window._unlocked(late)  # an unlock finishing after another profile was opened
    assert late.is_locked and window.session is second


def test_the_form_is_disabled_while_unlocking(
    qtbot: Any, make_window: Any, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from outreach_desktop.services import vaults

    create_vault(vault_dir, PASS, kdf=FAST_KDF).lock()
    window = make_window(vault_dir)
    release, threads = threading.Event(), []

    def slow_unlock(path: Path, passphrase: str) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)  # Argon2id, slowly
        return vaults.unlock_vault(path, passphrase)

    monkeypatch.setattr("outreach_desktop.ui.main_window.unlock_vault", slow_unlock)
    welcome = window.welcome
    qtbot.keyClicks(welcome.passphrase, PASS)
    qtbot.keyClick(welcome.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(threads))
    assert threads == [False]  # off the GUI thread
    assert not welcome.create_button.isEnabled() and not welcome.passphrase.isEnabled()
    assert not welcome.unlock_button.isEnabled()
    assert welcome.unlock_button.text() == "Wird entsperrt …"
    release.set()
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert welcome.unlock_button.isEnabled() and welcome.unlock_button.text() == "&Entsperren"
