"""User settings that hold no personal data (language, idle lock), as JSON in the config folder."""

from __future__ import annotations

import json
import logging
import os
import stat
from dataclasses import Field, asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from outreach_desktop import paths
from outreach_desktop.domain.appointments import DEFAULT_BUFFER, MAX_BUFFER_MIN
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.field_limits import LETTERHEAD_LINE
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.storage.atomic import atomic_write, private_dir

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
SETTINGS_LIMIT = 64 * 1024  # what we write is under 2 KB; more is not ours
LANGUAGES = ("de", "en")
IDLE_LOCK_RANGE = (1, 120)


def _between(lo: int, hi: int) -> dict[str, Any]:
    return {"between": (lo, hi)}


def _one_of(*values: str) -> dict[str, Any]:
    return {"one_of": values}


def _at_most(length: int) -> dict[str, Any]:
    return {"at_most": length}


_BUFFER = _between(0, MAX_BUFFER_MIN)
_LETTERHEAD = _at_most(LETTERHEAD_LINE)


@dataclass
class Settings:
    """Each setting is declared once, with its default and what it accepts; `normalized` keeps
    an accepted value and falls back to the default for anything else."""

    language: str = field(default="de", metadata=_one_of(*LANGUAGES))
    idle_lock_minutes: int = field(default=5, metadata=_between(*IDLE_LOCK_RANGE))
    last_profile: str = field(default="", metadata={"folder_name": True})  # below profiles/
    buffer_walk_and_talk: int = field(
        default=DEFAULT_BUFFER[Approach.WALK_AND_TALK], metadata=_BUFFER
    )
    buffer_accompaniment: int = field(
        default=DEFAULT_BUFFER[Approach.ACCOMPANIMENT], metadata=_BUFFER
    )
    buffer_home_visit: int = field(default=DEFAULT_BUFFER[Approach.HOME_VISIT], metadata=_BUFFER)
    # (no rule of the instruction here: the failed calls before a home visit's announcement and
    # the letter windows are the agency's, services/agency.py `site_rules`, setup file)
    # statistics that leave the vault (report, CSV, CLI): counts from 1 to this minus 1 as "< n"
    statistics_threshold: int = field(default=3, metadata=_between(2, 50))
    # letterhead; empty fields fall back to the agency's site configuration (agency.toml)
    agency_name: str = field(default="", metadata=_LETTERHEAD)
    agency_department: str = field(default="", metadata=_LETTERHEAD)
    agency_street: str = field(default="", metadata=_LETTERHEAD)
    agency_postcode_city: str = field(default="", metadata=_LETTERHEAD)
    agency_phone: str = field(default="", metadata=_LETTERHEAD)
    agency_email: str = field(default="", metadata=_LETTERHEAD)
    agency_website: str = field(default="", metadata=_LETTERHEAD)

    def normalized(self) -> Settings:
        return Settings(**{f.name: _normal(f, getattr(self, f.name)) for f in fields(Settings)})

    def buffer_for(self, approach: Approach) -> int:
        return {
            Approach.WALK_AND_TALK: self.buffer_walk_and_talk,
            Approach.ACCOMPANIMENT: self.buffer_accompaniment,
            Approach.HOME_VISIT: self.buffer_home_visit,
        }[approach]


def setting_range(name: str) -> tuple[int, int]:
    """The lowest and highest value a numeric setting accepts, as declared with it (for spin
    boxes: the form offers exactly what `normalized` keeps)."""
    setting = next(f for f in fields(Settings) if f.name == name)
    low, high = setting.metadata["between"]
    return int(low), int(high)


def _normal(setting: Field[Any], value: object) -> Any:
    """`value` if the setting accepts it (a number clamped to its range), else its default."""
    accepts = setting.metadata
    default: Any = setting.default
    if "between" in accepts:
        lo, hi = accepts["between"]
        return _clamp(value, lo, hi, default)
    if "one_of" in accepts:
        return value if value in accepts["one_of"] else default
    if "folder_name" in accepts:  # a name, never a path out of the profiles folder
        text = str(value)
        return text if text == Path(text).name and text not in (".", "..") else default
    text = str(value)
    return text[: accepts["at_most"]] if "at_most" in accepts else text


def _clamp(value: object, lo: int, hi: int, default: int) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return min(hi, max(lo, number))


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def load_settings() -> Settings:
    """Stored settings; defaults when there is no file. A file that is not what we wrote
    (unreadable, too large, not JSON, nested too deep, a value of the wrong type) never stops
    the app: defaults apply, the file is kept aside under a dated name (the next save writes a
    fresh one), and the problem waits once for the GUI or CLI to tell (`take_settings_problem`)."""
    path = settings_path()
    try:
        return _parse(_read_bounded(path))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, RecursionError, _NotOurs) as exc:
        _not_ours(path, type(exc).__name__)
        return Settings()


@dataclass(frozen=True)
class SettingsProblem:
    """A settings file that could not be used: defaults apply."""

    path: Path
    kept_as: Path | None  # where the file now lies; None: it could not be moved


class _NotOurs(Exception):
    """The settings file is not what `save_settings` writes."""


_unreported: list[SettingsProblem] = []
_stuck: set[Path] = set()  # bad files that could not be moved: told about once per process


def take_settings_problem() -> SettingsProblem | None:
    """The oldest problem not yet told to the user (each is handed out once)."""
    return _unreported.pop(0) if _unreported else None


def _read_bounded(path: Path) -> bytes:
    """At most SETTINGS_LIMIT bytes of a regular file; never blocks on a pipe or device."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise _NotOurs("not a regular file")
        data = handle.read(SETTINGS_LIMIT + 1)
    if len(data) > SETTINGS_LIMIT:
        raise _NotOurs("too large")
    return data


def _parse(data: bytes) -> Settings:
    """Settings from the file's bytes; _NotOurs (or ValueError, RecursionError) for anything
    `save_settings` would not have written. Unknown keys are ignored (a newer version's)."""
    raw = json.loads(data.decode("utf-8"))
    if not isinstance(raw, dict):
        raise _NotOurs("not a JSON object")
    values: dict[str, Any] = {}
    for setting in fields(Settings):
        if setting.name in raw:
            value = raw[setting.name]
            wanted = int if "between" in setting.metadata else str
            if type(value) is not wanted:  # not isinstance: True is no number of minutes
                raise _NotOurs(f"{setting.name}: {type(value).__name__}")
            values[setting.name] = value
    return Settings(**values).normalized()


def _not_ours(path: Path, reason: str) -> None:
    """Keep the file aside and note the problem for the user (once)."""
    log.warning("settings file not usable (%s); defaults apply", reason)
    if path in _stuck:
        return
    kept = _keep_aside(path)
    if kept is None:
        _stuck.add(path)
    else:
        log.warning("settings file kept aside as %s", kept.name)
    _unreported.append(SettingsProblem(path, kept))


def _keep_aside(path: Path) -> Path | None:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 100):
        aside = path.with_name(f"{path.name}.defekt-{stamp}" + (f"-{n}" if n > 1 else ""))
        if os.path.lexists(aside):
            continue
        try:
            os.rename(path, aside)
        except OSError:
            return None
        return aside
    return None


def save_settings(settings: Settings) -> None:
    path = settings_path()
    try:
        private_dir(path.parent)
    except OSError as exc:
        raise UserError(
            f"Die Einstellungen konnten nicht gespeichert werden ({exc.strerror})."
        ) from exc
    atomic_write(path, json.dumps(asdict(settings.normalized()), indent=2).encode("utf-8"))
