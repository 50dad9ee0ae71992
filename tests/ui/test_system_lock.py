"""The vault locks with the computer: a fake logind on a private D-Bus sends PrepareForSleep and
Lock, a fake screen saver turns on, and the window locks; Windows' messages are parsed right."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from outreach_desktop.services.vaults import create_vault
from outreach_desktop.ui.system_lock import (
    PBT_APMSUSPEND,
    SESSION_LOCKED,
    SLEEP,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    SystemLockWatcher,
    session_path,
    windows_lock_reason,
)
from testkit import FAST_KDF, PASSPHRASE

LOGIND = "org.freedesktop.login1"
_names = count()


@pytest.fixture
def bus_address() -> Iterator[str]:
    """A private message bus of our own (the session bus configuration: anyone may own names)."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert daemon.stdout is not None
        yield daemon.stdout.readline().strip()
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def connect(address: str) -> QDBusConnection:
    bus = QDBusConnection.connectToBus(address, f"test-bus-{next(_names)}")
    assert bus.isConnected(), bus.lastError().message()
    return bus


def send_signal(bus: QDBusConnection, path: str, interface: str, name: str, *args: Any) -> None:
    message = QDBusMessage.createSignal(path, interface, name)
    if args:
        message.setArguments(list(args))
    assert bus.send(message)


@pytest.fixture
def fake_logind(bus_address: str) -> QDBusConnection:
    bus = connect(bus_address)
    assert bus.registerService(LOGIND)  # signals count only from the name's owner
    return bus


def unlocked_window(qtbot: Any, make_window: Any, vault_dir: Path, address: str) -> Any:
    """A window on an unlocked vault whose watcher also listens on the private bus."""
    create_vault(vault_dir, PASSPHRASE, owner_name="Anna", kdf=FAST_KDF).lock()
    window = make_window(vault_dir)
    window.system_lock.watch_logind(connect(address), session_id="2")
    window.system_lock.watch_screen_savers(connect(address))
    window.unlock(vault_dir, PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15000)
    return window


def test_sleep_locks_the_window(
    qtbot: Any, make_window: Any, vault_dir: Path, bus_address: str, fake_logind: QDBusConnection
) -> None:
    window = unlocked_window(qtbot, make_window, vault_dir, bus_address)
    send_signal(fake_logind, "/org/freedesktop/login1", f"{LOGIND}.Manager", "PrepareForSleep",
                False)  # fmt: skip  # waking up: nothing to do
    with qtbot.waitSignal(window.system_lock.lock_requested, timeout=5000) as sleeping:
        send_signal(fake_logind, "/org/freedesktop/login1", f"{LOGIND}.Manager",
                    "PrepareForSleep", True)  # fmt: skip
    assert sleeping.args == [SLEEP]
    assert window.workspace is None and window.session is None
    assert window.welcome.message.text() == "Zusammen mit dem Computer gesperrt."


def test_session_lock_locks_the_window(
    qtbot: Any, make_window: Any, vault_dir: Path, bus_address: str, fake_logind: QDBusConnection
) -> None:
    window = unlocked_window(qtbot, make_window, vault_dir, bus_address)
    other = session_path("7")  # another user's session locking is none of ours
    send_signal(fake_logind, other, f"{LOGIND}.Session", "Lock")
    with qtbot.waitSignal(window.system_lock.lock_requested, timeout=5000) as locking:
        send_signal(fake_logind, session_path("2"), f"{LOGIND}.Session", "Lock")
    assert locking.args == [SESSION_LOCKED]
    assert window.workspace is None


def test_only_logind_itself_is_believed(
    qtbot: Any, make_window: Any, vault_dir: Path, bus_address: str
) -> None:
    """A signal from a sender that does not own org.freedesktop.login1 is ignored."""
    window = unlocked_window(qtbot, make_window, vault_dir, bus_address)
    impostor = connect(bus_address)
    send_signal(impostor, "/org/freedesktop/login1", f"{LOGIND}.Manager", "PrepareForSleep", True)
    with qtbot.assertNotEmitted(window.system_lock.lock_requested, wait=300):
        pass
    assert window.workspace is not None


def test_screen_saver_locks_the_window(
    qtbot: Any, make_window: Any, vault_dir: Path, bus_address: str
) -> None:
    window = unlocked_window(qtbot, make_window, vault_dir, bus_address)
    saver = connect(bus_address)
    assert saver.registerService("org.gnome.ScreenSaver")
    send_signal(saver, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", False)
    with qtbot.waitSignal(window.system_lock.lock_requested, timeout=5000):
        send_signal(saver, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
                    True)  # fmt: skip
    assert window.workspace is None


def test_a_locked_window_stays_as_it_is(qtbot: Any, make_window: Any, vault_dir: Path) -> None:
    create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF).lock()
    window = make_window(vault_dir)
    window.system_lock.lock_requested.emit(SLEEP)
    assert window.session is None
    assert window.welcome.message.text() == ""


def test_logind_session_paths() -> None:
    assert session_path("2") == "/org/freedesktop/login1/session/_32"
    assert session_path("c12") == "/org/freedesktop/login1/session/c12"
    assert session_path("3-x") == "/org/freedesktop/login1/session/_33_2dx"


def test_windows_messages() -> None:
    assert windows_lock_reason(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK) == SESSION_LOCKED
    assert windows_lock_reason(WM_WTSSESSION_CHANGE, 0x8) is None  # WTS_SESSION_UNLOCK
    assert windows_lock_reason(WM_POWERBROADCAST, PBT_APMSUSPEND) == SLEEP
    assert windows_lock_reason(WM_POWERBROADCAST, 0x7) is None  # PBT_APMRESUMESUSPEND
    assert windows_lock_reason(0x0010, WTS_SESSION_LOCK) is None  # WM_CLOSE


def test_a_watcher_without_buses_watches_nothing(qapp: Any) -> None:
    watcher = SystemLockWatcher()
    watcher.watch_logind(QDBusConnection.connectToBus("unix:path=/nonexistent", "nowhere"), "2")
    assert watcher.watching == []
