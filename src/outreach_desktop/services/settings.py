"""User settings that hold no personal data (language, idle lock), as JSON in the config folder."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from outreach_desktop import paths
from outreach_desktop.domain.errors import UserError
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

    def normalized(self) -> Settings:
        lo, hi = IDLE_LOCK_RANGE
        return Settings(
            language=self.language if self.language in LANGUAGES else "de",
            idle_lock_minutes=min(hi, max(lo, int(self.idle_lock_minutes))),
            last_profile=str(self.last_profile),
        )


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
