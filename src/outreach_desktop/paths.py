"""Where things live on disk: the one place for platformdirs. `OUTREACH_DESKTOP_HOME`
redirects everything below one folder (tests, portable use)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "outreach-desktop"
HOME_ENV = "OUTREACH_DESKTOP_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP, appauthor=False))


def profiles_dir() -> Path:
    return data_dir() / "profiles"


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP, appauthor=False))


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else Path(platformdirs.user_log_dir(APP, appauthor=False))


def site_config_dir() -> Path:
    """Agency-wide configuration (recovery recipient, later checklist overrides)."""
    home = _home()
    if home:
        return home / "site-config"
    return Path(platformdirs.site_config_dir(APP, appauthor=False))
