"""Parties of the exchange tests: the agency (office vault) and two laptops, each with its own
fresh keys and device id."""

from __future__ import annotations

import pytest

from outreach_desktop.exchange.manifest import Role
from testkit.bundles import Party, new_party


@pytest.fixture
def agency() -> Party:
    return new_party(Role.AGENCY)


@pytest.fixture
def device() -> Party:
    return new_party(Role.FIELD)


@pytest.fixture
def other_device() -> Party:
    return new_party(Role.FIELD)
