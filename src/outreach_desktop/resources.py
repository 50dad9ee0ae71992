"""Finds resources in a checkout, an installed wheel and a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def built_dir() -> Path:
    """What `make` builds from resources/ (translations, …); ignored by git."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "outreach_desktop" / "_built"
    return PACKAGE_DIR / "_built"


def resources_dir() -> Path:
    """The source resources: `resources/` of a checkout, or the copy a wheel carries in
    `_built/resources` (see setup.py)."""
    checkout = PACKAGE_DIR.parent.parent / "resources"
    if checkout.is_dir() and not getattr(sys, "_MEIPASS", None):
        return checkout
    return built_dir() / "resources"


def translation_file(language: str) -> Path:
    return built_dir() / "translations" / f"outreach_{language}.qm"
