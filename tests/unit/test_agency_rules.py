"""The agency's rules and identity as the setup file carries them: checked, complete, and a
rule this version does not know is refused rather than ignored."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.agency import (
    AgencyRules,
    AgencySetup,
    rules_from_dict,
    rules_to_dict,
)
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.home_visit import TimelineSettings

RECIPIENT = "age1" + "q" * 58


def setup(**changes: object) -> AgencySetup:
    values: dict[str, object] = {
        "name": "Jobcenter Lüchow-Dannenberg", "age_recipient": RECIPIENT,
        "sign_public": bytes(32), "fingerprint": "AAAA-BBBB-CCCC-DDDD-EEEE",
    }  # fmt: skip
    return AgencySetup(**{**values, **changes})  # type: ignore[arg-type]


def test_defaults_are_the_instructions_and_valid() -> None:
    rules = AgencyRules()
    rules.validate()
    assert rules.retention_days == 14 and rules.timeline == TimelineSettings()
    setup().validate()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": " "}, "name"),
        ({"age_recipient": "age1short"}, "age_recipient"),
        ({"recovery_recipient": "AGE-SECRET-KEY-1XYZ"}, "recovery_recipient"),
        ({"sign_public": b"\x00" * 31}, "sign_public"),
        ({"rules": AgencyRules(retention_days=-1)}, "retention_days"),
        ({"rules": AgencyRules(bundle_limit_mb=0)}, "bundle_limit_mb"),
    ],
)
def test_a_bad_setup_names_its_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        setup(**changes).validate()
    assert field in info.value.fields


def test_an_unknown_rule_is_refused_not_ignored() -> None:
    with pytest.raises(ValidationError, match="kennt diese Programmversion nicht"):
        rules_from_dict({"retention_days": 3, "max_visits_per_week": 2})


@pytest.mark.parametrize(
    "data",
    [{"retention_days": "14"}, {"retention_days": True}, {"min_failed_calls": 99},
     {"announcement_opens_days": 10, "announcement_due_days": 20}],
)  # fmt: skip
def test_a_wrong_value_is_refused(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        rules_from_dict(data)


@given(
    retention=st.integers(0, 365),
    limit=st.integers(1, 4000),
    calls=st.integers(0, 20),
)
def test_rules_survive_the_file(retention: int, limit: int, calls: int) -> None:
    rules = AgencyRules(TimelineSettings(min_failed_calls=calls), retention, limit)
    assert rules_from_dict(rules_to_dict(rules)) == rules
    assert rules_from_dict({}) == AgencyRules()
