"""One fresh process (cold: nothing of the vault read yet): the KDF, the unlock without it, the
main window until Heute is filled and painted, the first visit of every page, the resident
memory after each of them (the largest) and the process's peak, which includes the KDF's
Argon2id memory (freed when the key is made). Prints JSON; run by benchmarks/__main__.py as

    python -m benchmarks.fresh VAULT [--plain]
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def resident_mb() -> float:
    """The process's resident memory now (Linux: VmRSS), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def measure(vault: Path, plain: bool) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from benchmarks.meter import BlockMeter
    from benchmarks.vaults import PASSPHRASE, plain_keys
    from outreach_desktop.services.settings import load_settings
    from outreach_desktop.services.vaults import unlock_vault
    from outreach_desktop.storage import keyslots
    from outreach_desktop.ui.app import create_application
    from outreach_desktop.ui.main_window import MainWindow

    slots = keyslots.KeySlots.load(vault)
    start = time.perf_counter()
    kek = keyslots.derive_key(PASSPHRASE, slots.passphrase.salt, slots.passphrase.params)
    kdf = time.perf_counter() - start
    keyslots.derive_key = lambda *_args: kek  # the unlock below without the KDF
    app = create_application(["bench"])
    meter = BlockMeter()
    meter.start()
    start = time.perf_counter()
    if plain:
        with plain_keys():
            session = unlock_vault(vault, PASSPHRASE)
    else:
        session = unlock_vault(vault, PASSPHRASE)
    unlock = time.perf_counter() - start
    window = MainWindow(load_settings(), fixed_vault=vault, clock=lambda: 0.0)  # never idle
    window.show()

    def open_window() -> None:
        window.open_session(session)

    start = time.perf_counter()
    meter.measure("unlock → main window", open_window)
    window.repaint()
    painted = time.perf_counter() - start
    resident = [resident_mb()]
    assert window.workspace is not None
    pages = {}
    for index, (title, _page) in enumerate(window.workspace.pages):
        if index == 0:
            continue  # Today: shown with the window, above
        pages[title] = meter.measure(
            f"first visit: {title}", lambda i=index: window.workspace.show_page(i)
        )
        window.repaint()
        resident.append(resident_mb())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.lock()
    app.processEvents()
    return {
        "kdf": kdf,
        "unlock": unlock,
        "window": painted,
        "pages": pages,
        "resident_mb": max(resident),
        "peak_mb": peak_mb,
        "kdf_mib": slots.passphrase.params.memory_kib / 1024,
        "blocks": meter.top(5),
    }


def main() -> None:
    vault = Path(sys.argv[1])
    plain = "--plain" in sys.argv[2:]
    with tempfile.TemporaryDirectory() as home:
        os.environ["OUTREACH_DESKTOP_HOME"] = home  # no settings of the user touched
        print(json.dumps(measure(vault, plain)))


if __name__ == "__main__":
    main()
