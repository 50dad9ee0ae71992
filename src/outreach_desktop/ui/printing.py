"""Preview and print PDF bytes without a temporary file: QtPdf renders each page at 300 dpi
into the printer. "Save as PDF" writes only where the user chose, after a warning."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

PRINT_DPI = 300


class PdfPages:
    """PDF bytes loaded into QtPdf from memory."""

    def __init__(self, pdf: bytes) -> None:
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise RuntimeError(f"PDF not loadable: {self.document.error()}")

    @property
    def count(self) -> int:
        return self.document.pageCount()

    def render(self, page: int, dpi: int = PRINT_DPI) -> QImage:
        size_pt = self.document.pagePointSize(page)
        size = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
        return self.document.render(page, size)

    def close(self) -> None:
        self.document.close()
        self._buffer.close()


def paint_pages(pages: PdfPages, printer: QPrinter) -> int:
    """Draw every page onto `printer`; returns the number of pages."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(pages.count):
            if page:
                printer.newPage()
            image = pages.render(page)
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft() - target.topLeft(), scaled), image)
    finally:
        painter.end()
    return pages.count


def new_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setDocName(title)  # a kind, never a name
    printer.setFullPage(False)
    return printer


def preview_and_print(parent: QWidget | None, pdf: bytes, title: str) -> bool:
    """Show the print preview; True if the user printed."""
    pages = PdfPages(pdf)
    printer = new_printer(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda p: paint_pages(pages, p))
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()
        pages.close()


def print_directly(parent: QWidget | None, pdf: bytes, title: str) -> bool:
    pages = PdfPages(pdf)
    printer = new_printer(title)
    dialog = QPrintDialog(printer, parent)
    try:
        if not dialog.exec():
            return False
        return paint_pages(pages, printer) > 0
    finally:
        dialog.deleteLater()
        pages.close()
