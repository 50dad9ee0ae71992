"""The agency's letterhead: name, address, contact and logo, from the site configuration
(`agency.toml` and `logo.png` beside it, installed by the office), with what the caseworker
entered under Einstellungen taking precedence."""

from __future__ import annotations

import contextlib
import logging
import tomllib
from dataclasses import fields, replace
from typing import Any

from outreach_desktop import paths
from outreach_desktop.domain.agency import AgencyLetterhead, AgencySetup
from outreach_desktop.domain.documents import Letterhead
from outreach_desktop.services.settings import Settings

log = logging.getLogger(__name__)

AGENCY_FILE = "agency.toml"
LOGO_FILE = "logo.png"
FALLBACK = Letterhead(
    agency_name="Jobcenter",
    department="Markt und Integration",
    street="",
    postcode_city="",
    phone="",
    email="",
)
SETTING_OF = {
    "agency_name": "agency_name",
    "department": "agency_department",
    "street": "agency_street",
    "postcode_city": "agency_postcode_city",
    "phone": "agency_phone",
    "email": "agency_email",
    "website": "agency_website",
}


def site_letterhead() -> Letterhead:
    folder = paths.site_config_dir()
    letterhead = FALLBACK
    try:
        data = tomllib.loads((folder / AGENCY_FILE).read_text("utf-8"))
        known = {f.name for f in fields(Letterhead)} - {"logo_png"}
        values: dict[str, Any] = {k: str(v) for k, v in data.items() if k in known}
        letterhead = replace(letterhead, **values)
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        log.warning("agency.toml unreadable; using defaults")
    with contextlib.suppress(OSError):
        letterhead = replace(letterhead, logo_png=(folder / LOGO_FILE).read_bytes())
    return letterhead


def letterhead(settings: Settings, agency: AgencySetup | None = None) -> Letterhead:
    """The site's letterhead, then the joined agency's setup (its name and letterhead
    defaults), then what the caseworker entered under Einstellungen: later wins where set."""
    base = site_letterhead()
    if agency is not None:
        defaults = {f.name: getattr(agency.letterhead, f.name) for f in fields(AgencyLetterhead)}
        joined = {"agency_name": agency.name, **defaults}
        base = replace(base, **{k: v for k, v in joined.items() if v.strip()})
    own: dict[str, Any] = {
        name: getattr(settings, setting)
        for name, setting in SETTING_OF.items()
        if getattr(settings, setting, "").strip()
    }
    return replace(base, **own)
