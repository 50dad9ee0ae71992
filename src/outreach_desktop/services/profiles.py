"""Caseworker profiles: one vault folder each below the data folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from outreach_desktop import paths
from outreach_desktop.domain.errors import FieldError, ValidationError
from outreach_desktop.storage.vault import is_vault

_NAME = re.compile(r"^[\w][\w .\-]{0,39}$")


@dataclass(frozen=True)
class Profile:
    name: str
    path: Path


def list_profiles(root: Path | None = None) -> list[Profile]:
    root = root or paths.profiles_dir()
    if not root.is_dir():
        return []
    return [
        Profile(p.name, p)
        for p in sorted(root.iterdir(), key=lambda p: p.name.casefold())
        if is_vault(p)
    ]


def profile_for_path(path: Path) -> Profile:
    return Profile(path.name, path)


def new_profile_path(name: str, root: Path | None = None) -> Path:
    """Folder for a new profile; raises ValidationError for a bad or taken name."""
    name = name.strip()
    if not _NAME.match(name):
        raise ValidationError(
            [FieldError("profile", "Profilname", "1–40 Buchstaben, Ziffern, Leerzeichen, . - _")]
        )
    path = (root or paths.profiles_dir()) / name
    if path.exists():
        raise ValidationError([FieldError("profile", "Profilname", "Dieses Profil gibt es schon.")])
    return path
