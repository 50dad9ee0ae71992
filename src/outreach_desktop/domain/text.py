"""Text helpers shared by rules and search."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive form for search: "Müller" and "MULLER" both give "muller"."""
    # Fold case again after NFKD: compatibility characters such as "ℌ" decompose to capitals.
    once = unicodedata.normalize("NFKD", text.casefold())
    decomposed = unicodedata.normalize("NFKD", once.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_key(*parts: str | None) -> str:
    return " ".join(fold(p) for p in parts if p)
