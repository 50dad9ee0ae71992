"""How much the demo makes: `small` is the demo of a few weeks around today; `medium` and
`large` add years of earlier work (demo/history.py) the size an office station or a busy
caseworker's laptop reaches."""

from __future__ import annotations

from dataclasses import dataclass

YEARS = 5  # the history reaches this far back


@dataclass(frozen=True)
class Size:
    """Totals of the history (besides the small demo it is added to)."""

    clients: int
    appointments: int
    protocols: int  # at most; one for a share of the appointments where the client was met


SIZES: dict[str, Size | None] = {
    "small": None,
    "medium": Size(clients=2_000, appointments=10_000, protocols=5_000),
    "large": Size(clients=20_000, appointments=100_000, protocols=50_000),
}
