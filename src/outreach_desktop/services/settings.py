"""User settings that hold no personal data (language, idle lock), as JSON in the config folder."""

from __future__ import annotations

import json
import logging
from dataclasses import Field, asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from outreach_desktop import paths
from outreach_desktop.domain.appointments import DEFAULT_BUFFER, MAX_BUFFER_MIN
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.field_limits import LETTERHEAD_LINE
from outreach_desktop.domain.home_visit import DEFAULT_SETTINGS, MAX_FAILED_CALLS, TimelineSettings
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.storage.atomic import atomic_write

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
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
    last_profile: str = ""
    buffer_walk_and_talk: int = field(
        default=DEFAULT_BUFFER[Approach.WALK_AND_TALK], metadata=_BUFFER
    )
    buffer_accompaniment: int = field(
        default=DEFAULT_BUFFER[Approach.ACCOMPANIMENT], metadata=_BUFFER
    )
    buffer_home_visit: int = field(default=DEFAULT_BUFFER[Approach.HOME_VISIT], metadata=_BUFFER)
    # before a home visit is announced in writing; the agency's timeline default
    min_failed_calls: int = field(
        default=DEFAULT_SETTINGS.min_failed_calls, metadata=_between(0, MAX_FAILED_CALLS)
    )
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

    def timeline(self) -> TimelineSettings:
        return TimelineSettings(min_failed_calls=self.min_failed_calls)


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
    """Stored settings; defaults for anything missing or unreadable."""
    try:
        raw = json.loads(settings_path().read_text("utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("settings file is not a JSON object")
        known = {f.name for f in fields(Settings)}
        return Settings(**{k: v for k, v in raw.items() if k in known}).normalized()
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, TypeError):
        log.warning("settings unreadable, using defaults")
        return Settings()


def save_settings(settings: Settings) -> None:
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            f"Die Einstellungen konnten nicht gespeichert werden ({exc.strerror})."
        ) from exc
    atomic_write(path, json.dumps(asdict(settings.normalized()), indent=2).encode("utf-8"))
