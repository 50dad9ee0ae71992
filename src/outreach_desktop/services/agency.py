"""The agency's letterhead: name, address, contact and logo, from the site configuration
(`agency.toml` and `logo.png` beside it, installed by the office), with what the caseworker
entered under Einstellungen taking precedence."""

from __future__ import annotations

import contextlib
import logging
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from outreach_desktop import paths
from outreach_desktop.domain.agency import AgencyLetterhead, AgencySetup, site_rules_from_dict
from outreach_desktop.domain.documents import Letterhead
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.home_visit import TimelineSettings
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


@dataclass(frozen=True)
class SiteRules:
    """The `[rules]` of the site's agency.toml: None when it sets none (or is unusable, with
    the German `problem`)."""

    timeline: TimelineSettings | None
    path: Path
    problem: str = ""


def site_rules(folder: Path | None = None) -> SiteRules:
    """The home-visit timeline IT set in the site configuration file, checked."""
    path = (folder or paths.site_config_dir()) / AGENCY_FILE
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return SiteRules(None, path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return SiteRules(None, path, f"{path} ist nicht lesbar: es gelten die Vorgaben.")
    if "rules" not in data:
        return SiteRules(None, path)
    try:
        return SiteRules(site_rules_from_dict(data["rules"]), path)
    except ValidationError as exc:
        return SiteRules(None, path, rules_problem(path, exc))


def rules_problem(path: Path, exc: ValidationError) -> str:
    """One German message naming the file and each refused rule."""
    lines = "; ".join(f"{e.label}: {e.message.rstrip('.')}" for e in exc.errors)
    return f"Die Regeln in {path} wurden nicht verwendet – {lines}. Es gelten die Vorgaben."
