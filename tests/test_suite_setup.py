"""The test suite's own set-up: the automatic `gui` marker and Qt warnings failing tests.

Both run pytest in a child process with this repository's configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pytest_child(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(ROOT),
         "-p", "no:cacheprovider", "-q", *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_not_gui_deselects_every_ui_test() -> None:
    child = pytest_child(
        "--collect-only", "-m", "not gui", "tests/ui", "tests/unit/test_text_fold.py"
    )
    assert child.returncode == 0, child.stdout + child.stderr
    kept = [line for line in child.stdout.splitlines() if "::" in line]
    assert kept and all(t.startswith("tests/unit/test_text_fold.py::") for t in kept)
    assert "deselected" in child.stdout.strip().splitlines()[-1]  # "8/85 tests collected (77 …"


QT_LOG_TESTS = """
from PySide6.QtCore import qWarning


def test_a_qt_warning_fails(qtbot):
    qWarning("something is off")


def test_the_offscreen_plugin_warning_is_ignored(qtbot):
    qWarning("This plugin does not support propagateSizeHints()")
"""


def test_qt_warnings_fail_tests(tmp_path: Path) -> None:
    (tmp_path / "test_qt_log.py").write_text(QT_LOG_TESTS, encoding="utf-8")
    child = pytest_child(tmp_path / "test_qt_log.py", cwd=tmp_path)
    assert "1 failed, 1 passed" in child.stdout, child.stdout + child.stderr
    assert "FAILED" in child.stdout and "test_a_qt_warning_fails" in child.stdout
