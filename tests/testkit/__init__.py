"""Helpers shared by the tests (importable because pyproject adds tests/ to sys.path)."""

from pathlib import Path
from typing import NamedTuple

from outreach_desktop.storage.kdf import MINIMUM

PASSPHRASE = "Korrekt Pferd Batterie 42"
FAST_KDF = MINIMUM  # the minimum Argon2id parameters; calibration is tested on its own


class AgeIdentity(NamedTuple):
    path: Path  # identity file as age-keygen writes it
    recipient: str  # "age1…"
