"""Log-out, shutdown and Ctrl+C end the app the way closing the window does: open dialogs keep
what was typed, the vault locks, our clipboard text goes.

The Python signal handler does nothing itself: it may run between any two lines (say, in the
middle of an autosave's transaction). The signal also writes a byte to a socket that Qt
watches (no polling timer); from there the window is closed once, from the event loop."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from types import FrameType

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from outreach_desktop.ui.clipboard import sensitive_clipboard

log = logging.getLogger(__name__)
# SIGHUP does not exist on Windows
SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, n))


def _ignore(_signum: int, _frame: FrameType | None) -> None:
    """Replaces the default action (die at once); the socket byte does the work."""


def close_on_signals(app: QApplication, window: QWidget) -> None:
    read, write = socket.socketpair()
    read.setblocking(False)
    write.setblocking(False)
    signal.set_wakeup_fd(write.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(read.fileno(), QSocketNotifier.Type.Read, app)
    closing = [False]

    def close_once() -> None:
        window.close()  # locks; dialogs are closed, typed text saved
        app.quit()

    def received() -> None:
        with contextlib.suppress(OSError):
            read.recv(512)
        if not closing[0]:
            closing[0] = True
            log.info("signal received: closing")
            QTimer.singleShot(0, close_once)

    notifier.activated.connect(received)
    for sig in SIGNALS:
        signal.signal(sig, _ignore)
    app.aboutToQuit.connect(sensitive_clipboard().clear_if_ours)
    _keep.extend([read, write, notifier])


_keep: list[object] = []  # the socket pair and notifier live as long as the app
