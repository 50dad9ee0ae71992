"""The confirmation letter's wording changed (it follows the approach: no other meeting point at
home, ID only at a first meeting, no "others may overhear" at home), so its version was raised:
a printed letter names the new "Fassung" in its footer, in every language."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from documents.samples import LANGUAGES, placed_text, sample
from outreach_desktop.documents import form_version, render
from outreach_desktop.domain.documents import DocumentKind

NEW = "2026-11-2"  # raised with the approach-dependent wording (commit 03fdea9)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_footer_names_the_new_version(lang: str) -> None:
    kind = DocumentKind.CONFIRMATION_LETTER
    version = form_version(kind, lang)
    assert version.startswith(f"de:{NEW}")
    assert lang == "de" or version.endswith(f"+{lang}:{NEW}")
    pdf = render(sample(kind, lang))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    for page in range(pages):
        placed = placed_text(pdf, page)
        footer = [p for p in placed if p.top_mm > 297 - 25]  # the foot of the A4 page
        line = " ".join(p.text for p in footer)
        assert f"Terminbestätigung · Fassung {version}" in line, (page, line)
