"""Sample documents and ways to read them back: poppler's pdftotext/pdffonts (Debian package
poppler-utils) and pypdf. Imported by the tests as `documents.samples` (tests/ is on the path)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from outreach_desktop.domain.documents import DocumentData, DocumentKind, Letterhead, PersonRef
from outreach_desktop.domain.vocabulary import Approach

LANGUAGES = ("de", "en", "uk", "ru", "tr", "ar")
KINDS = tuple(DocumentKind)
GERMAN_NAME = "Jürgen Größer"
CYRILLIC_NAME = "Олена Коваленко"
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

LETTERHEAD = Letterhead(
    agency_name="Jobcenter Lüchow-Dannenberg",
    department="Markt und Integration",
    street="Königsberger Straße 10",
    postcode_city="29439 Lüchow (Wendland)",
    phone="05841 123-0",
    email="jobcenter@example.org",
    website="www.example.org",
)


def client_for(language: str) -> PersonRef:
    if language in ("uk", "ru"):
        return PersonRef(CYRILLIC_NAME, "Bahnhofstraße 12\n29451 Dannenberg (Elbe)")
    return PersonRef(GERMAN_NAME, "Am Mühlenweg 3\n29439 Lüchow", "0170 1234567")


def sample(kind: DocumentKind, language: str, **changes: Any) -> DocumentData:
    """A fully filled document, as the services would pass it."""
    data = DocumentData(
        kind=kind,
        language=language,
        letterhead=LETTERHEAD,
        client=client_for(language),
        customer_number="123A456789",
        staff=(
            PersonRef("Anna Schäfer", phone="05841 123-456", email="anna.schaefer@example.org"),
            PersonRef("Ömer Yıldız", phone="05841 123-457"),
        ),
        appointment_start=datetime(2026, 12, 15, 10, 0),
        duration_min=60,
        place="Am Mühlenweg 3, 29439 Lüchow",
        approach=Approach.HOME_VISIT,
        third_party=PersonRef("Schuldnerberatung Süd", "Lange Straße 5\n29439 Lüchow", "05841 999"),
        purpose="Termin zur Schuldnerberatung abstimmen",
        topics="Stand der Schuldnerberatung, nächste Termine",
        valid_until=date(2027, 3, 31),
        others_present=(("Maria Größer", "Ehefrau"), ("Lukas Größer", "Sohn")),
        accompaniment_scope="to-door",
        main_caseworker=PersonRef("Bernd Müller"),
        cancel_contact="",
        recognition_sign="rote Mütze",
        letter_date=date(2026, 11, 20),
        reference="c-0001",
    )
    return replace(data, **changes)


def signature_png() -> bytes:
    image = Image.new("RGBA", (600, 200), (255, 255, 255, 0))
    ImageDraw.Draw(image).line(
        [(20, 150), (120, 40), (200, 160), (300, 60), (420, 150), (560, 70)],
        fill=(10, 20, 120, 255),
        width=6,
    )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(
            f"{tool} not found: install Debian's poppler-utils (apt-get install poppler-utils)"
        )
    return path


def pdftotext(pdf: bytes, *args: str) -> str:
    result = subprocess.run(
        [poppler("pdftotext"), *args, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def normalized(text: str) -> str:
    """Extracted text for comparisons: Arabic presentation forms folded back to letters (NFKC),
    bidi marks dropped, whitespace (also line breaks) collapsed."""
    text = _BIDI_MARKS.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


@dataclass(frozen=True)
class Rendered:
    pdf: bytes

    @property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.pdf))

    @property
    def pages(self) -> int:
        return len(self.reader.pages)

    def poppler_text(self) -> str:
        return normalized(pdftotext(self.pdf))

    def pypdf_text(self) -> str:
        return normalized("\n".join(page.extract_text() for page in self.reader.pages))


@dataclass(frozen=True)
class Placed:
    """A piece of text as drawn: where its baseline starts (mm from the left and top edges)."""

    text: str
    x_mm: float
    top_mm: float
    font: str
    size: float


def placed_text(pdf: bytes, page: int = 0) -> list[Placed]:
    """Text pieces with their positions, from pypdf's content-stream visitor."""
    reader = PdfReader(io.BytesIO(pdf))
    height = float(reader.pages[page].mediabox.height)
    found: list[Placed] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        name = str(font["/BaseFont"]).split("+", 1)[-1] if font else ""
        found.append(Placed(text, x / MM, (height - y) / MM, name, size))

    reader.pages[page].extract_text(visitor_text=visit)
    return found


MM = 72 / 25.4
