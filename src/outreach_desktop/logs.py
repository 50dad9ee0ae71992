"""Logging to a file in the log folder. Logs carry ids and error kinds, never names or text:
uncaught exceptions are logged by type and code location only, because an exception's
message may quote personal data."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback
from types import TracebackType
from typing import IO, Any

from outreach_desktop import paths
from outreach_desktop.storage.atomic import private_dir

LOG_FILE = "outreach-desktop.log"


class PrivateLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log whose files (the rotated ones too) are the owner's only, whatever the
    umask: each is opened through os.open with mode 0600 and set to it."""

    def _open(self) -> IO[Any]:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # also a file an older version made with the umask's mode
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_outreach", False) for h in root.handlers):
        return
    folder = paths.log_dir()
    try:
        private_dir(folder)
        handler: logging.Handler = PrivateLogFile(
            folder / LOG_FILE, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler._outreach = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    sys.excepthook = log_uncaught


def describe_bug(exc: BaseException) -> str:
    """Type and stack locations of an exception, without its message or locals."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(
        f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}:{f.name}" for f in reversed(frames[-8:])
    )
    return f"{type(exc).__module__}.{type(exc).__qualname__} at {where}"


def log_uncaught(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if exc.__traceback__ is None:
        exc.__traceback__ = tb
    logging.getLogger("outreach_desktop.bug").error("unhandled %s", describe_bug(exc))
