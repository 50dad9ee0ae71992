"""Lock with the computer: the vault locks when the session is locked or the machine goes to
sleep, as KeePassXC does. One signal, `lock_requested(why)`; no timers, only what the system says.

Linux (D-Bus, through QtDBus): on the system bus logind's `PrepareForSleep(true)`
(org.freedesktop.login1.Manager) and `Lock` of our own session (org.freedesktop.login1.Session,
found from XDG_SESSION_ID, as `loginctl lock-session` sends it); on the session bus a screen
saver or screen lock turning on (`ActiveChanged(true)` of org.freedesktop.ScreenSaver and
org.gnome.ScreenSaver). A bus that is not there is simply not watched.

Windows: a native event filter sees WM_WTSSESSION_CHANGE/WTS_SESSION_LOCK (after
WTSRegisterSessionNotification for the main window) and WM_POWERBROADCAST/PBT_APMSUSPEND.

Nothing keeps the machine awake for the lock (no sleep inhibitor): the lock runs when the
signal arrives — before sleeping on an ordinary suspend, else at the first event after waking,
where the idle lock also catches it (ui/idle.py counts the time asleep).
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from PySide6.QtCore import (
    SLOT,
    QAbstractNativeEventFilter,
    QCoreApplication,
    QObject,
    Signal,
    Slot,
)
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

SLEEP = "sleep"
SESSION_LOCKED = "session-locked"

LOGIND = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
SCREEN_SAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)

# Windows messages (winuser.h, wtsapi32.h)
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0


def session_path(session_id: str) -> str:
    """logind's object path of a session: its id escaped as sd_bus_path_encode does (every
    character but ASCII letters, and digits after the first, becomes _xx)."""
    label = "".join(
        c if (c.isascii() and c.isalpha()) or (c.isascii() and c.isdigit() and i > 0)
        else "".join(f"_{b:02x}" for b in c.encode())
        for i, c in enumerate(session_id)
    )  # fmt: skip
    return f"{LOGIND_PATH}/session/{label or '_'}"


def windows_lock_reason(message: int, wparam: int) -> str | None:
    """Why a Windows message asks for a lock, or None."""
    if message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK:
        return SESSION_LOCKED
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return SLEEP
    return None


class SystemLockWatcher(QObject):
    lock_requested = Signal(str)  # SLEEP or SESSION_LOCKED

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watching: list[str] = []  # what is watched, for the log and the tests
        self._native_filter: QAbstractNativeEventFilter | None = None

    # ---- Linux -----------------------------------------------------------------------------
    def watch_logind(self, system_bus: QDBusConnection, session_id: str = "") -> None:
        """Sleep, and `Lock` of the session `session_id` (none: sleep only)."""
        if system_bus.connect(
            LOGIND, LOGIND_PATH, f"{LOGIND}.Manager", "PrepareForSleep",
            self, SLOT("_prepare_for_sleep(bool)"),
        ):  # fmt: skip
            self.watching.append("logind sleep")
        if session_id and system_bus.connect(
            LOGIND, session_path(session_id), f"{LOGIND}.Session", "Lock",
            self, SLOT("_session_locked()"),
        ):  # fmt: skip
            self.watching.append("logind session lock")

    def watch_screen_savers(self, session_bus: QDBusConnection) -> None:
        for service, path in SCREEN_SAVERS:
            if session_bus.connect(
                service, path, service, "ActiveChanged", self, SLOT("_screen_saver_active(bool)")
            ):
                self.watching.append(service)

    @Slot(bool)
    def _prepare_for_sleep(self, going: bool) -> None:
        if going:
            self.lock_requested.emit(SLEEP)

    @Slot()
    def _session_locked(self) -> None:
        self.lock_requested.emit(SESSION_LOCKED)

    @Slot(bool)
    def _screen_saver_active(self, active: bool) -> None:
        if active:
            self.lock_requested.emit(SESSION_LOCKED)

    # ---- Windows ---------------------------------------------------------------------------
    def watch_windows(self, window: QWidget) -> None:
        """Session lock and suspend messages of `window` (its native handle is created)."""
        if sys.platform != "win32":
            return
        self._native_filter = _WindowsMessages(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._native_filter)
        import ctypes

        hwnd = ctypes.c_void_p(int(window.winId()))
        if ctypes.windll.wtsapi32.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION):
            self.watching.append("WTS session lock")
        self.watching.append("power broadcast")


class _WindowsMessages(QAbstractNativeEventFilter):
    def __init__(self, watcher: SystemLockWatcher) -> None:
        super().__init__()
        self.watcher = watcher

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:
        if sys.platform == "win32" and bytes(event_type) == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            reason = windows_lock_reason(int(msg.message), int(msg.wParam or 0))
            if reason is not None:
                self.watcher.lock_requested.emit(reason)
        return False, 0


def watch_this_system(window: QWidget) -> SystemLockWatcher:
    """A watcher on this machine's buses or messages, owned by `window`."""
    watcher = SystemLockWatcher(window)
    if sys.platform.startswith("linux"):
        watcher.watch_logind(QDBusConnection.systemBus(), os.environ.get("XDG_SESSION_ID", ""))
        if _session_bus_known():
            watcher.watch_screen_savers(QDBusConnection.sessionBus())
    elif sys.platform == "win32":
        watcher.watch_windows(window)
    log.info("locking with the computer: %s", ", ".join(watcher.watching) or "nothing to watch")
    return watcher


def _session_bus_known() -> bool:
    """Without an address libdbus would try to start a bus of its own (X11 autolaunch)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")) or (
        bool(runtime) and os.path.exists(os.path.join(runtime, "bus"))
    )
