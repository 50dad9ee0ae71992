"""Helpers shared by the tests (importable because pyproject adds tests/ to sys.path)."""

from outreach_desktop.storage.kdf import MINIMUM

PASSPHRASE = "Korrekt Pferd Batterie 42"
FAST_KDF = MINIMUM  # the minimum Argon2id parameters; calibration is tested on its own
