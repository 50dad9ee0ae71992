"""Real full disks and read-only media for tests: a small tmpfs and a read-only bind mount in a
user and mount namespace of their own (`unshare -rm`), where an unprivileged test may mount.
Everything that must see the mount runs in one shell script inside that namespace."""

from __future__ import annotations

import functools
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@functools.cache
def namespaces_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        probe = subprocess.run(
            ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt || exit 1"],
            capture_output=True,
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


needs_namespaces = pytest.mark.skipif(
    not namespaces_available(),
    reason="no user and mount namespaces here (unshare -rm): the injected cases still run",
)


def cli(*args: str | Path) -> str:
    """A shell line running the CLI in the child's Python, its exit code echoed after it."""
    words = [sys.executable, "-m", "outreach_desktop", *map(str, args)]
    return " ".join(shlex.quote(w) for w in words) + '; echo "exit=$?"'


def run_in_namespace(script: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """`script` (sh) as root of a new user and mount namespace; mounts vanish with it."""
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def fill_up(folder: Path) -> str:
    """Shell lines filling the file system of `folder` to the last byte."""
    filler = shlex.quote(str(folder / "filler"))
    return f"dd if=/dev/zero of={filler} bs=4k 2>/dev/null; sync"
