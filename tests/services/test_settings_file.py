"""A settings file that is not what we wrote never stops the app: defaults apply, the file is
kept aside under a dated name, the problem is told once, and the next save writes a fresh one."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from outreach_desktop.services import settings as settings_module
from outreach_desktop.services.settings import (
    SETTINGS_LIMIT,
    Settings,
    load_settings,
    save_settings,
    settings_path,
    take_settings_problem,
)

NESTED = b"[" * 30_000 + b"]" * 30_000  # under the size limit, far over Python's recursion limit


def _bad_file(content: bytes) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def _kept(path: Path) -> list[Path]:
    return sorted(path.parent.glob("settings.json.defekt-*"))


@pytest.mark.parametrize(
    "content",
    [
        NESTED,
        b'{"language": ' + b'{"a": ' * 20_000 + b"1" + b"}" * 20_000 + b"}",
        b'{"last_profile": {"name": "Buero"}}',
        b'{"language": ["de"]}',
        b'{"idle_lock_minutes": true}',
        b'{"idle_lock_minutes": 7.5}',
        b'{"idle_lock_minutes": NaN}',
        b'{"agency_name": 42}',
        b'{"buffer_home_visit": "' + b"9" * 5000 + b'"}',
        b'{"buffer_home_visit": ' + b"9" * 5000 + b"}",
        b"",
        b"\xff\xfe{}",
        b"[]",
    ],
    ids=lambda c: repr(c[:24]),
)
def test_a_file_not_ours_gives_defaults_and_is_kept_aside(content: bytes) -> None:
    path = _bad_file(content)
    assert load_settings() == Settings()
    assert not path.exists()
    [kept] = _kept(path)
    assert kept.read_bytes() == content  # kept as it was, for whoever wants to look
    problem = take_settings_problem()
    assert problem is not None and problem.path == path and problem.kept_as == kept
    assert take_settings_problem() is None  # told once


def test_a_huge_file_is_not_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    path = _bad_file(json.dumps({"agency_name": "x" * 10_000_000}).encode())
    asked: list[int] = []
    real_read = os.fdopen

    def counting_fdopen(fd: int, *args: object, **kwargs: object) -> object:
        handle = real_read(fd, *args, **kwargs)  # type: ignore[call-overload]
        read = handle.read
        handle.read = lambda n=-1: asked.append(n) or read(n)  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(settings_module.os, "fdopen", counting_fdopen)
    assert load_settings() == Settings()
    assert asked == [SETTINGS_LIMIT + 1]
    assert len(_kept(path)) == 1 and take_settings_problem() is not None


def test_a_pipe_or_a_folder_never_blocks_or_breaks() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    os.mkfifo(path)  # no writer: a plain open would wait for ever
    loaded: list[Settings] = []
    reader = threading.Thread(target=lambda: loaded.append(load_settings()), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # unblock the old code's open() so the test run can go on
        with open(path, "wb"):
            pass
        reader.join(5)
        pytest.fail("load_settings blocked on a named pipe")
    assert loaded == [Settings()] and not path.exists() and len(_kept(path)) == 1
    path.mkdir()
    assert load_settings() == Settings()
    assert len(_kept(path)) == 2


def test_the_next_save_writes_a_fresh_file_and_all_is_quiet_again() -> None:
    path = _bad_file(NESTED)
    assert load_settings() == Settings()
    assert take_settings_problem() is not None
    save_settings(Settings(language="en", idle_lock_minutes=9))
    assert load_settings() == Settings(language="en", idle_lock_minutes=9)
    assert take_settings_problem() is None
    assert len(_kept(path)) == 1


def test_a_file_that_cannot_be_moved_is_told_about_once(monkeypatch: pytest.MonkeyPatch) -> None:
    path = _bad_file(b"{kaputt")

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(settings_module.os, "rename", refuse)
    for _ in range(3):
        assert load_settings() == Settings()
    problem = take_settings_problem()
    assert problem is not None and problem.kept_as is None
    assert take_settings_problem() is None
    assert path.read_bytes() == b"{kaputt"


def test_two_bad_files_in_the_same_second_are_both_kept() -> None:
    path = _bad_file(b"[1]")
    load_settings()
    _bad_file(b"[2]")
    load_settings()
    assert sorted(p.read_bytes() for p in _kept(path)) == [b"[1]", b"[2]"]


def test_values_of_the_right_type_are_still_only_normalized() -> None:
    path = _bad_file(b'{"idle_lock_minutes": 0, "language": "fr", "neu": [1, 2]}')
    assert load_settings() == Settings(idle_lock_minutes=1)
    assert path.exists() and take_settings_problem() is None


@pytest.mark.parametrize("name", ["../../anderswo", "/etc", "a/b", "..", "."])
def test_the_last_profile_is_a_folder_name_never_a_path(name: str) -> None:
    _bad_file(json.dumps({"last_profile": name}).encode())
    assert load_settings().last_profile == ""
    assert Settings(last_profile="Büro Lüchow").normalized().last_profile == "Büro Lüchow"
