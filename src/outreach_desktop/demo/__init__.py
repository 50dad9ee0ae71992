"""Demo data: invented people, appointments, consents and protocols, made locally and
deterministically (same seed, day and run: same data), written through the services like any
other caller. For demos, screenshots and tests; never mixed with real data."""

from outreach_desktop.demo.data import names
from outreach_desktop.demo.filler import DEMO_KEY, DemoSummary, fill_demo

__all__ = ["DEMO_KEY", "DemoSummary", "fill_demo", "owner_name"]


def owner_name() -> str:
    """The invented caseworker a new demo vault is made for."""
    return names().owner
