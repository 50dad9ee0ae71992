"""`outreach-desktop --exit-when-ready`: the installation check opens the window and closes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_window_comes_up_shows_the_unlock_page_and_closes(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OUTREACH_DESKTOP_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "outreach_desktop", "--exit-when-ready"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "bereit: Anmeldeseite gezeigt" in done.stdout
