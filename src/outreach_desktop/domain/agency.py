"""What the agency decides for every laptop that joins it: who it is (name, letterhead defaults,
public keys, recovery recipient) and the rules a caseworker must not change alone (the home
visit's timeline, how long acknowledged records stay on the laptop, the largest bundle accepted).

Pure data with its checks; the setup file that carries it is signed by the agency
(`exchange/setup_file.py`), and the services keep it in the vault."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.errors import Checker, FieldError, ValidationError
from outreach_desktop.domain.home_visit import TimelineSettings

DEFAULT_RETENTION_DAYS = 14
MAX_RETENTION_DAYS = 365
DEFAULT_BUNDLE_LIMIT_MB = 200
MAX_BUNDLE_LIMIT_MB = 4000
MAX_NAME_LEN = limits.AGENCY_NAME
RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")


@dataclass(frozen=True)
class AgencyLetterhead:
    """Letterhead defaults for letters and forms (a caseworker's own entries take precedence)."""

    department: str = ""
    street: str = ""
    postcode_city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""


@dataclass(frozen=True)
class AgencyRules:
    """The rules only the agency sets."""

    timeline: TimelineSettings = field(default_factory=TimelineSettings)
    retention_days: int = DEFAULT_RETENTION_DAYS  # after the receipt; 0 = at once
    bundle_limit_mb: int = DEFAULT_BUNDLE_LIMIT_MB

    def validate(self) -> None:
        self.timeline.validate()
        check = Checker()
        _whole(check, self.retention_days, "retention_days", "Aufbewahrung nach Quittung (Tage)",
               0, MAX_RETENTION_DAYS)  # fmt: skip
        _whole(check, self.bundle_limit_mb, "bundle_limit_mb", "Größte Paketdatei (MB)", 1,
               MAX_BUNDLE_LIMIT_MB)  # fmt: skip
        check.raise_if_any()


@dataclass(frozen=True)
class AgencySetup:
    """The content of the setup file, without its signature."""

    name: str
    age_recipient: str  # the agency's encryption key ("age1…")
    sign_public: bytes  # the agency's Ed25519 public key (32 bytes)
    fingerprint: str  # of both keys, as people compare it ("K7QF-2M9X-…")
    recovery_recipient: str = ""  # for the vault's recovery slot; often the same as age_recipient
    letterhead: AgencyLetterhead = field(default_factory=AgencyLetterhead)
    rules: AgencyRules = field(default_factory=AgencyRules)

    def validate(self) -> None:
        check = Checker()
        check.require_text(self.name, "name", "Name der Dienststelle", MAX_NAME_LEN)
        for name, label in (("age_recipient", "Schlüssel der Dienststelle"),
                            ("recovery_recipient", "Wiederherstellungsschlüssel")):  # fmt: skip
            value = getattr(self, name)
            if (value or name == "age_recipient") and not RECIPIENT.fullmatch(value):
                check.fail(name, label, "Kein gültiger age-Schlüssel (age1…).")
        if len(self.sign_public) != 32:
            check.fail("sign_public", "Signaturschlüssel der Dienststelle", "Falsche Länge.")
        for f in fields(AgencyLetterhead):
            check.limit_text(
                getattr(self.letterhead, f.name), f.name, f.name, limits.LETTERHEAD_LINE
            )
        errors = list(check.errors)
        try:
            self.rules.validate()
        except ValidationError as exc:
            errors += exc.errors
        if errors:
            raise ValidationError(errors)


def rules_from_dict(data: dict[str, Any]) -> AgencyRules:
    """The rules as the setup file writes them; missing entries take the defaults, unknown ones
    are refused (a newer agency setting this version does not know must not pass unseen)."""
    known_timeline = {f.name for f in fields(TimelineSettings)}
    known = known_timeline | {"retention_days", "bundle_limit_mb"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValidationError(
            [FieldError(u, u, "Diese Regel kennt diese Programmversion nicht.") for u in unknown]
        )
    timeline = {k: v for k, v in data.items() if k in known_timeline}
    defaults = AgencyRules()
    rules = AgencyRules(
        timeline=_timeline(timeline),
        retention_days=data.get("retention_days", defaults.retention_days),
        bundle_limit_mb=data.get("bundle_limit_mb", defaults.bundle_limit_mb),
    )
    rules.validate()
    return rules


def rules_to_dict(rules: AgencyRules) -> dict[str, int]:
    values = {f.name: getattr(rules.timeline, f.name) for f in fields(TimelineSettings)}
    return {**values, "retention_days": rules.retention_days,
            "bundle_limit_mb": rules.bundle_limit_mb}  # fmt: skip


def _timeline(values: dict[str, Any]) -> TimelineSettings:
    try:
        return TimelineSettings(**values)
    except TypeError as exc:  # a value of the wrong kind reached the dataclass
        raise ValidationError([FieldError("timeline", "Fristen", str(exc))]) from exc


def _whole(check: Checker, value: object, name: str, label: str, low: int, high: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        check.fail(name, label, "Bitte eine ganze Zahl angeben.")
    elif not low <= value <= high:
        check.fail(name, label, f"Zwischen {low} und {high}.")


# ---- the rules in force on a laptop ------------------------------------------------------------

SITE_RULE_KEYS = tuple(f.name for f in fields(TimelineSettings))


def site_rules_from_dict(data: object) -> TimelineSettings:
    """The `[rules]` table of the site configuration file (agency.toml): the home visit's
    timeline only (the exchange's rules come with its setup file). Missing entries take the
    instruction's defaults; an unknown or invalid entry is refused, never ignored."""
    if not isinstance(data, dict):
        raise ValidationError(
            [FieldError("rules", "Regeln", "„[rules]“ muss eine Tabelle mit Zahlen sein.")]
        )
    unknown = sorted(set(data) - set(SITE_RULE_KEYS))
    if unknown:
        raise ValidationError([
            FieldError(u, u, "Diese Regel gibt es in der Standortkonfiguration nicht (möglich: "
                       f"{', '.join(SITE_RULE_KEYS)}).")
            for u in unknown
        ])  # fmt: skip
    return _timeline(dict(data))


class RulesSource(StrEnum):
    SETUP = "setup"  # the exchange's setup file the laptop joined with
    SITE = "site"  # the site configuration file IT installed (agency.toml, [rules])
    DEFAULT = "default"  # nothing configured: the instruction's values


@dataclass(frozen=True)
class RulesInForce:
    """The home visit's timeline a laptop follows, and where it comes from. A caseworker never
    sets it: the joined agency's setup file, else the site configuration, else the defaults."""

    timeline: TimelineSettings
    source: RulesSource
    detail: str = ""  # the agency's name, or the site file's path
    problem: str = ""  # German: why the site file's rules were not used (defaults apply)


def rules_in_force(
    joined: tuple[str, AgencyRules] | None,
    site: TimelineSettings | None,
    site_path: str,
    problem: str = "",
) -> RulesInForce:
    """One rule for GUI, CLI and services: the joined agency (name, rules) wins, then the site
    file's rules, then the instruction's defaults."""
    if joined is not None:
        name, rules = joined
        return RulesInForce(rules.timeline, RulesSource.SETUP, name)
    if site is not None:
        return RulesInForce(site, RulesSource.SITE, site_path)
    return RulesInForce(TimelineSettings(), RulesSource.DEFAULT, "", problem)
