"""Run the app (a small script) in a separate process, as the kill and signal tests need."""

from __future__ import annotations

import os
import subprocess
import sys

from testkit import PASSPHRASE


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
