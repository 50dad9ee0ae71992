"""The sentences the history's protocols are made of (resources/demo/history.toml)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

from outreach_desktop.demo.data import _load, _strings


@dataclass(frozen=True)
class HistoryTexts:
    topics: tuple[str, ...]
    course: tuple[str, ...]
    agreements: tuple[str, ...]
    next_steps: tuple[str, ...]

    def protocol(self, rng: random.Random, first: str) -> tuple[str, str, str, str]:
        """Topics, course, agreements and next steps: a few lines to a page, as written."""
        topics = ", ".join(rng.sample(self.topics, rng.randint(1, 4)))
        course = " ".join(rng.choices(self.course, k=rng.choice((1, 2, 3, 4, 6, 9, 14))))
        agreements = " ".join(rng.sample(self.agreements, rng.randint(1, 2)))
        return (
            topics,
            course.format(first=first),
            agreements.format(first=first),
            rng.choice(self.next_steps).format(first=first),
        )


@cache
def history_texts() -> HistoryTexts:
    data = _load("history.toml")
    return HistoryTexts(
        topics=_strings(data["topics"]),
        course=_strings(data["course"]),
        agreements=_strings(data["agreements"]),
        next_steps=_strings(data["next_steps"]),
    )
