"""User settings that hold no personal data (language, idle lock), as JSON in the config folder."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from outreach_desktop import paths
from outreach_desktop.domain.appointments import DEFAULT_BUFFER, MAX_BUFFER_MIN
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.home_visit import TimelineSettings
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.storage.atomic import atomic_write

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
LANGUAGES = ("de", "en")
IDLE_LOCK_RANGE = (1, 120)


@dataclass
class Settings:
    language: str = "de"
    idle_lock_minutes: int = 5
    last_profile: str = ""
    buffer_walk_and_talk: int = DEFAULT_BUFFER[Approach.WALK_AND_TALK]
    buffer_accompaniment: int = DEFAULT_BUFFER[Approach.ACCOMPANIMENT]
    buffer_home_visit: int = DEFAULT_BUFFER[Approach.HOME_VISIT]
    min_failed_calls: int = 2  # before a home visit is announced in writing
    # letterhead; empty fields fall back to the agency's site configuration (agency.toml)
    agency_name: str = ""
    agency_department: str = ""
    agency_street: str = ""
    agency_postcode_city: str = ""
    agency_phone: str = ""
    agency_email: str = ""
    agency_website: str = ""

    def normalized(self) -> Settings:
        lo, hi = IDLE_LOCK_RANGE
        return Settings(
            language=self.language if self.language in LANGUAGES else "de",
            idle_lock_minutes=_clamp(self.idle_lock_minutes, lo, hi, 5),
            last_profile=str(self.last_profile),
            buffer_walk_and_talk=_clamp(self.buffer_walk_and_talk, 0, MAX_BUFFER_MIN, 30),
            buffer_accompaniment=_clamp(self.buffer_accompaniment, 0, MAX_BUFFER_MIN, 30),
            buffer_home_visit=_clamp(self.buffer_home_visit, 0, MAX_BUFFER_MIN, 45),
            min_failed_calls=_clamp(self.min_failed_calls, 0, 20, 2),
            **{
                f.name: str(getattr(self, f.name))[:200]
                for f in fields(Settings)
                if f.name.startswith("agency_")
            },
        )

    def buffer_for(self, approach: Approach) -> int:
        return {
            Approach.WALK_AND_TALK: self.buffer_walk_and_talk,
            Approach.ACCOMPANIMENT: self.buffer_accompaniment,
            Approach.HOME_VISIT: self.buffer_home_visit,
        }[approach]

    def timeline(self) -> TimelineSettings:
        return TimelineSettings(min_failed_calls=self.min_failed_calls)


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
