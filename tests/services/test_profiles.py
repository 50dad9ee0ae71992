"""Caseworker profiles: one vault folder each."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_desktop import paths
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.services.profiles import list_profiles, new_profile_path, profile_for_path
from outreach_desktop.services.vaults import create_vault
from testkit import FAST_KDF, PASSPHRASE


def test_no_profiles_yet(isolated_home: Path) -> None:
    assert paths.profiles_dir() == isolated_home / "data" / "profiles"
    assert list_profiles() == []


def test_lists_only_vaults_sorted() -> None:
    for name in ("zora", "Anna", "büro"):
        create_vault(new_profile_path(name), PASSPHRASE, kdf=FAST_KDF).lock()
    (paths.profiles_dir() / "leer").mkdir()
    (paths.profiles_dir() / "datei.txt").write_text("x")
    profiles = list_profiles()
    assert [p.name for p in profiles] == ["Anna", "büro", "zora"]
    assert all(p.path.parent == paths.profiles_dir() for p in profiles)


def test_explicit_root(tmp_path: Path) -> None:
    root = tmp_path / "elsewhere"
    path = new_profile_path("Alex", root)
    assert path == root / "Alex"
    create_vault(path, PASSPHRASE, kdf=FAST_KDF).lock()
    assert [p.name for p in list_profiles(root)] == ["Alex"]
    assert list_profiles() == []


@pytest.mark.parametrize("name", ["Alex", "Alex Beispiel", "büro-2.a_b", "x", "a" * 40, " Alex "])
def test_valid_names(name: str) -> None:
    path = new_profile_path(name)
    assert path == paths.profiles_dir() / name.strip()


@pytest.mark.parametrize(
    "name", ["", "  ", "../evil", "a/b", "a\\b", ".hidden", "-x", "a" * 41, "Alex\nBeispiel", "a:b"]
)
def test_invalid_names(name: str) -> None:
    with pytest.raises(ValidationError) as info:
        new_profile_path(name)
    assert info.value.fields == ["profile"]
    assert info.value.errors[0].label == "Profilname"


def test_taken_name() -> None:
    create_vault(new_profile_path("Alex"), PASSPHRASE, kdf=FAST_KDF).lock()
    with pytest.raises(ValidationError, match="gibt es schon"):
        new_profile_path("Alex")


def test_profile_for_path(tmp_path: Path) -> None:
    profile = profile_for_path(tmp_path / "Mein Profil")
    assert (profile.name, profile.path) == ("Mein Profil", tmp_path / "Mein Profil")
