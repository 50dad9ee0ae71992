"""Settings without personal data, as JSON in the config folder."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import DEFAULT_BUFFER, MAX_BUFFER_MIN
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.settings import (
    IDLE_LOCK_RANGE,
    LANGUAGES,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)


def test_path_is_in_the_isolated_config(isolated_home: Path) -> None:
    assert settings_path() == isolated_home / "config" / "settings.json"


def test_defaults_without_file() -> None:
    assert load_settings() == Settings(language="de", idle_lock_minutes=5, last_profile="")


def test_roundtrip() -> None:
    save_settings(Settings(language="en", idle_lock_minutes=15, last_profile="Büro Lüchow"))
    assert load_settings() == Settings("en", 15, "Büro Lüchow")
    assert (settings_path().stat().st_mode & 0o777) == 0o600
    save_settings(Settings(language="de", idle_lock_minutes=7))
    assert load_settings() == Settings("de", 7, "")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{kaputt",
        b"\xff\xfe\x00",
        b"[]",
        b"42",
        b"null",
        b'"de"',
        b'{"idle_lock_minutes": "x"}',
    ],
)
def test_garbage_file_gives_defaults(content: bytes) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert load_settings() == Settings()


def test_values_are_normalized() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps({"language": "fr", "idle_lock_minutes": 0, "unknown": 1}), encoding="utf-8"
    )
    assert load_settings() == Settings(language="de", idle_lock_minutes=1)
    path.write_text(json.dumps({"idle_lock_minutes": 10_000}), encoding="utf-8")
    assert load_settings().idle_lock_minutes == 120


def test_save_normalizes() -> None:
    save_settings(
        Settings(
            language="xx", idle_lock_minutes=-3, buffer_home_visit=9999, statistics_threshold=1
        )
    )
    stored = json.loads(settings_path().read_text("utf-8"))
    assert stored == {
        "language": "de",
        "idle_lock_minutes": 1,
        "last_profile": "",
        "buffer_walk_and_talk": 30,
        "buffer_accompaniment": 30,
        "buffer_home_visit": 240,
        "statistics_threshold": 2,  # a count of 1 never leaves the vault as it is
        "agency_name": "",
        "agency_department": "",
        "agency_street": "",
        "agency_postcode_city": "",
        "agency_phone": "",
        "agency_email": "",
        "agency_website": "",
    }


def test_garbage_numbers_fall_back_to_defaults(isolated_home: object) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('{"buffer_home_visit": "viel", "min_failed_calls": 0}', "utf-8")
    loaded = load_settings()  # an older file's own rule is ignored: the agency sets it
    assert loaded.buffer_home_visit == 45 and not hasattr(loaded, "min_failed_calls")


def test_unusable_values_fall_back_to_the_declared_defaults() -> None:
    numbers = [f.name for f in fields(Settings) if isinstance(f.default, int)]
    assert Settings(**dict.fromkeys(numbers, "viel"), language="fr").normalized() == Settings()
    assert all(Settings().buffer_for(a) == DEFAULT_BUFFER[a] for a in Approach)


junk = st.one_of(st.none(), st.booleans(), st.integers(-500, 500), st.text(max_size=250))


@given(st.fixed_dictionaries({f.name: junk for f in fields(Settings)}))
def test_normalized_keeps_what_a_setting_accepts(values: dict[str, object]) -> None:
    normal = Settings(**values).normalized()  # type: ignore[arg-type]
    assert normal.normalized() == normal
    assert normal.language in LANGUAGES
    assert IDLE_LOCK_RANGE[0] <= normal.idle_lock_minutes <= IDLE_LOCK_RANGE[1]
    assert all(0 <= normal.buffer_for(a) <= MAX_BUFFER_MIN for a in Approach)
    for f in fields(Settings):
        assert type(getattr(normal, f.name)) is type(f.default)
        if f.name.startswith("agency_"):
            assert len(getattr(normal, f.name)) <= 200


@pytest.mark.parametrize("name", ["idle_lock_minutes", "buffer_walk_and_talk", "buffer_home_visit"])
def test_a_settings_range_is_what_normalizing_keeps(name: str) -> None:
    from outreach_desktop.services.settings import Settings, setting_range

    low, high = setting_range(name)
    assert low < high
    for value, kept in ((low, low), (high, high), (high + 1, high), (low - 1, low)):
        assert getattr(Settings(**{name: value}).normalized(), name) == kept
