"""Run the app (a small script) in a separate process, as the kill and signal tests need."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from testkit import PASSPHRASE

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def start_app(script: str, *args: str) -> subprocess.Popen[str]:
    """Start `script` offscreen with `args`; it reads the passphrase from its first stdin line."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )  # fmt: skip
    assert child.stdin is not None
    child.stdin.write(PASSPHRASE + "\n")
    child.stdin.flush()
    return child


def expect_line(child: subprocess.Popen[str], expected: str) -> None:
    """The next line the app prints is `expected` (else its stderr explains why not)."""
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip() == expected, child.stderr.read() if child.stderr else ""


def qt_warnings(stderr: str) -> list[str]:
    """The lines a child app wrote to stderr, less those `qt_log_ignore` in pyproject.toml
    lets pass in-process too: a child's Qt warnings fail a test like the test's own do."""
    with PYPROJECT.open("rb") as f:
        ignored = tomllib.load(f)["tool"]["pytest"]["ini_options"]["qt_log_ignore"]
    return [
        line for line in stderr.splitlines()
        if line.strip() and not any(re.search(pattern, line) for pattern in ignored)
    ]  # fmt: skip
