"""PySide6 6.12.0 on CPython 3.11 loses a reference to None on every void Qt call; without the
workaround in hardening.py the process aborts after some thousand calls."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import outreach_desktop.ui  # applies the workaround
    from PySide6.QtWidgets import QApplication, QLineEdit
    app = QApplication(["x", "-platform", "offscreen"])
    edit = QLineEdit()
    for i in range(60000):
        edit.setText("x")
    print("ok")
    """
)


def test_many_void_qt_calls_do_not_crash() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok"


def test_the_test_would_catch_the_crash() -> None:
    """Without the workaround the same loop aborts (on the affected versions)."""
    if sys.version_info >= (3, 12):
        return
    from PySide6 import __version__ as pyside

    if pyside != "6.12.0":
        return
    bare = SCRIPT.replace("import outreach_desktop.ui  # applies the workaround", "")
    result = subprocess.run([sys.executable, "-c", bare], capture_output=True, timeout=120)
    assert result.returncode != 0
