"""Fixtures of the document tests. Rendered PDFs are cached for the session: rendering is
pure, the same data gives the same document."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from documents.samples import Rendered, sample, signature_png
from outreach_desktop.documents import render
from outreach_desktop.domain.documents import DocumentData, DocumentKind


@cache
def _render(kind: DocumentKind, language: str) -> Rendered:
    return Rendered(render(sample(kind, language)))


@pytest.fixture(scope="session")
def rendered() -> Callable[[DocumentKind, str], Rendered]:
    """The sample document of a kind in a language, rendered once per session."""
    return _render


@pytest.fixture
def save_pdf(tmp_path: Path) -> Callable[[bytes, str], Path]:
    def save(pdf: bytes, name: str) -> Path:
        path = tmp_path / name
        path.write_bytes(pdf)
        return path

    return save


@pytest.fixture(scope="session")
def make() -> Callable[..., DocumentData]:
    """sample(kind, language, **changes): a filled document to vary."""
    return sample


@pytest.fixture(scope="session")
def signature() -> bytes:
    return signature_png()


@pytest.fixture(scope="session")
def read() -> Callable[[bytes], Rendered]:
    return Rendered
