"""Printing from memory: QtPdf renders the PDF bytes page by page into the printer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtPrintSupport import QPrinter

from outreach_desktop import documents
from outreach_desktop.domain.documents import DocumentData, DocumentKind, Letterhead, PersonRef
from outreach_desktop.ui.printing import (
    PRINT_DPI,
    PdfPages,
    new_printer,
    paint_pages,
    render_for_print,
)


def _form(language: str) -> bytes:
    return documents.render(
        DocumentData(
            kind=DocumentKind.HOME_VISIT_CONSENT,
            language=language,
            letterhead=Letterhead("Jobcenter", "M&I", "Am Markt 1", "29439 Lüchow", "", ""),
            client=PersonRef("Jürgen Größer", "Lindenweg 4\n29439 Lüchow"),
        )
    )


def test_pages_render_at_print_resolution(qapp: Any) -> None:
    pages = PdfPages(_form("ar"))
    try:
        assert pages.count == 2
        image = pages.render(0)
        assert abs(image.width() - round(210 / 25.4 * PRINT_DPI)) <= 2  # A4 at 300 dpi
    finally:
        pages.close()


def test_every_page_reaches_the_printer(qapp: Any, tmp_path: Path) -> None:
    """A PDF printer stands in for paper (the test's file, not the app's)."""
    pages = render_for_print(_form("uk"), "Einverständniserklärung")
    printer = new_printer(pages.title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert paint_pages(pages.images, printer) == len(pages.images) == 2
    assert len(pypdf.PdfReader(str(out)).pages) == 2


def test_pages_are_rendered_in_any_thread(qapp: Any) -> None:
    """Each call has its own QtPdf document, so several workers may render at once."""
    from concurrent.futures import ThreadPoolExecutor

    pdf = _form("ar")
    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda _n: render_for_print(pdf, "Form"), range(3)))
    for pages in results:
        assert [image.width() for image in pages.images] == [results[0].images[0].width()] * 2
        assert not any(image.isNull() for image in pages.images)
