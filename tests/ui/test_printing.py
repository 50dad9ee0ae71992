"""Printing from memory: QtPdf renders the PDF bytes page by page into the printer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtPrintSupport import QPrinter

from outreach_desktop import documents
from outreach_desktop.domain.documents import DocumentData, DocumentKind, Letterhead, PersonRef
from outreach_desktop.ui.printing import PRINT_DPI, PdfPages, new_printer, paint_pages


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
    pages = PdfPages(_form("uk"))
    printer = new_printer("Einverständniserklärung")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    try:
        assert paint_pages(pages, printer) == pages.count == 2
    finally:
        pages.close()
    assert len(pypdf.PdfReader(str(out)).pages) == 2
