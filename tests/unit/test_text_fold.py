"""domain.text: the folded form that search uses."""

from __future__ import annotations

import pytest

from outreach_desktop.domain.text import fold, search_key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Müller", "muller"),
        ("MÜLLER", "muller"),
        ("Mueller", "mueller"),
        ("Straße", "strasse"),
        ("Yılmaz", "yılmaz"),
        ("Şahin Çelik", "sahin celik"),
        ("Dvořák", "dvorak"),
        ("ﬁnanz", "finanz"),
        ("Оле́на", "олена"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_composed_and_decomposed_fold_alike() -> None:
    assert fold("Mu\u0308ller") == fold("M\u00fcller") == "muller"


def test_fold_is_stable_for_compatibility_capitals() -> None:
    # U+210C decomposes to a capital H: the folded form must still be lower case.
    assert fold("\u210c") == "h"
    assert fold(fold("\u210c")) == fold("\u210c")


def test_search_key_skips_empty_parts() -> None:
    assert search_key("Anna Müller", None, "", "0170 1") == "anna muller 0170 1"
