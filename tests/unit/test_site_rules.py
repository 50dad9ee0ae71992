"""The rules a laptop follows come from the agency: the site configuration's [rules] table is
read and checked here (pure), and the joined setup file wins over it."""

from __future__ import annotations

import pytest

from outreach_desktop.domain.agency import (
    AgencyRules,
    RulesSource,
    rules_in_force,
    site_rules_from_dict,
)
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.home_visit import TimelineSettings


def test_the_site_rules_are_read_and_missing_ones_take_the_instruction() -> None:
    read = site_rules_from_dict({"min_failed_calls": 3, "reminder_opens_days": 12})
    assert read == TimelineSettings(min_failed_calls=3, reminder_opens_days=12)
    assert site_rules_from_dict({}) == TimelineSettings()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"min_failed_calls": 99}, "Mindestzahl erfolgloser Anrufversuche: Zwischen 0 und 20."),
        ({"min_failed_calls": "zwei"}, "Bitte eine ganze Zahl angeben."),
        ({"min_failed_calls": True}, "Bitte eine ganze Zahl angeben."),
        ({"announcement_opens_days": 10}, "Darf nicht kleiner sein als"),
        ({"retention_days": 3}, "gibt es in der Standortkonfiguration nicht"),
        ({"aus": 1}, "gibt es in der Standortkonfiguration nicht"),
        (["min_failed_calls"], "„[rules]“ muss eine Tabelle"),
    ],
)
def test_an_invalid_site_rule_is_refused_in_german(data: object, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        site_rules_from_dict(data)
    assert message in str(info.value)


def test_the_joined_agency_wins_then_the_site_then_the_instruction() -> None:
    site = TimelineSettings(min_failed_calls=3)
    agency = ("Jobcenter Lüchow", AgencyRules(TimelineSettings(min_failed_calls=5)))
    joined = rules_in_force(agency, site, "/etc/x/agency.toml")
    assert (joined.timeline.min_failed_calls, joined.source, joined.detail) == (
        5, RulesSource.SETUP, "Jobcenter Lüchow")  # fmt: skip
    from_site = rules_in_force(None, site, "/etc/x/agency.toml")
    assert (from_site.timeline, from_site.source) == (site, RulesSource.SITE)
    assert from_site.detail == "/etc/x/agency.toml"
    nothing = rules_in_force(None, None, "/etc/x/agency.toml", "kaputt")
    assert (nothing.timeline, nothing.source, nothing.problem) == (
        TimelineSettings(), RulesSource.DEFAULT, "kaputt")  # fmt: skip
