"""Log-out, shutdown and Ctrl+C end the app the way closing the window does: open dialogs keep
what was typed, the vault locks, our clipboard text goes. Signals wake Qt through a socket (no
polling timer); the Python handler then runs on the main thread."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from types import FrameType

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QWidget

from outreach_desktop.ui.clipboard import sensitive_clipboard

log = logging.getLogger(__name__)
SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def close_on_signals(app: QApplication, window: QWidget) -> None:
    read, write = socket.socketpair()
    read.setblocking(False)
    write.setblocking(False)
    signal.set_wakeup_fd(write.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(read.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            read.recv(512)

    def handler(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %s: closing", signal.Signals(signum).name)
        window.close()  # locks; dialogs are closed, typed text saved
        app.quit()

    notifier.activated.connect(drain)
    for sig in SIGNALS:
        signal.signal(sig, handler)
    app.aboutToQuit.connect(sensitive_clipboard().clear_if_ours)
    _keep.extend([read, write, notifier])


_keep: list[object] = []  # the socket pair and notifier live as long as the app
