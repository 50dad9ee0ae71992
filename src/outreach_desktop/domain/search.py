"""A full-text search hit, with its matches marked so each view can show them its own way."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # private-use characters never typed by anyone


@dataclass(frozen=True)
class Hit:
    kind: str  # client | appointment | protocol (addenda count as their protocol)
    ref: str
    title: str
    raw_snippet: str  # from the text; matches between MARK_OPEN and MARK_CLOSE
    rank: float
    raw_title: str = ""  # the title with its matches marked the same way

    def title_marked(self, open_: str, close: str, escape: Callable[[str], str] = str) -> str:
        return _mark(self.raw_title or self.title, open_, close, escape)

    @property
    def snippet(self) -> str:
        """The snippet as plain text with [ and ] around the matches."""
        return self.marked("[", "]")

    def marked(self, open_: str, close: str, escape: Callable[[str], str] = str) -> str:
        return _mark(self.raw_snippet, open_, close, escape)


def _mark(text: str, open_: str, close: str, escape: Callable[[str], str]) -> str:
    parts = re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", text)
    marks = {MARK_OPEN: open_, MARK_CLOSE: close}
    return "".join(marks.get(part) or escape(part) for part in parts)
