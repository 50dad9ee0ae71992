"""Preview and print PDF bytes without a temporary file: QtPdf renders each page at 300 dpi,
and the images go straight onto the paper. Rendering is slow (about 0.3 s a page), so it runs
off the GUI thread (`render_for_print`); the preview and the print dialog then only draw.
Printing into a file is switched off here — a PDF leaves the vault only through "Als PDF
speichern", after its warning."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from outreach_desktop.domain.errors import UserError

PRINT_DPI = 300
translate = QCoreApplication.translate


class PdfPages:
    """PDF bytes loaded into QtPdf from memory."""

    def __init__(self, pdf: bytes) -> None:
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.close()
            raise UserError(
                translate("Printing", "The document could not be prepared for printing.")
            )

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


@dataclass(frozen=True)
class PrintPages:
    """A document ready for the printer: its PDF and every page as an image."""

    title: str  # the print job's name: a kind of document, never a person's name
    pdf: bytes
    images: tuple[QImage, ...]


def render_for_print(pdf: bytes, title: str, dpi: int = PRINT_DPI) -> PrintPages:
    """Render every page at print resolution. Meant for a worker thread: the QPdfDocument is
    made, used and closed in the calling thread."""
    pages = PdfPages(pdf)
    try:
        return PrintPages(title, pdf, tuple(pages.render(page, dpi) for page in range(pages.count)))
    finally:
        pages.close()


def paint_pages(images: Sequence[QImage], printer: QPrinter) -> int:
    """Draw every page 1:1 onto the paper (the DIN 5008 window field stays where it belongs);
    returns the number of pages printed, 0 if the printer could not start."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), image)
    finally:
        painter.end()
    return len(images)


def new_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setFullPage(True)
    printer.setDocName(title)  # a kind, never a name
    return printer


def _to_paper(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system's print dialog without "print to file"."""
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    try:
        accepted = bool(dialog.exec())
    finally:
        dialog.deleteLater()
    if accepted and (
        printer.outputFileName() or printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    ):
        raise UserError(translate(
            "Printing", "Printing into a file is not possible here; please use “Save as PDF”."
        ))  # fmt: skip
    return accepted


class PreviewDialog(QDialog):
    """Print preview of rendered pages with a Print button; `printed` tells whether pages
    went out."""

    def __init__(self, parent: QWidget | None, pages: PrintPages) -> None:
        super().__init__(parent)
        self.setWindowTitle(pages.title)
        self.resize(820, 900)
        self.pages = pages
        self.printed = 0
        self.printer = new_printer(pages.title)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setAccessibleName(translate("Printing", "Print preview"))
        self.preview.paintRequested.connect(lambda p: paint_pages(pages.images, p))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(translate("Printing", "&Print…"))
        self.print_button.setAccessibleName(translate("Printing", "Print"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.clicked.connect(self._print)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)

    def _print(self) -> None:
        from outreach_desktop.ui.messages import show_error

        try:
            if _to_paper(self, self.printer):
                self.printed = paint_pages(self.pages.images, self.printer)
                if self.printed:
                    self.accept()
        except UserError as exc:
            show_error(self, exc)


def printer_available() -> bool:
    """True when the system knows at least one printer."""
    return bool(QPrinterInfo.availablePrinters())


def no_printer_text() -> str:
    return translate(
        "Printing",
        "No printer is set up on this computer. Use “Save as PDF…” beside the print button "
        "to keep the document as a file and print it elsewhere.",
    )


def printer_ready(parent: QWidget | None, available: Callable[[], bool]) -> bool:
    """Before a print is prepared: without a printer, say so and point to "Save as PDF…"."""
    from outreach_desktop.ui.messages import show_warning

    if available():
        return True
    show_warning(parent, translate("Printing", "No printer"), no_printer_text())
    return False


def show_print_preview(parent: QWidget | None, pages: PrintPages) -> bool:
    """Show the preview; True only if pages really went to a printer."""
    dialog = PreviewDialog(parent, pages)
    try:
        dialog.exec()
        return dialog.printed > 0
    finally:
        dialog.deleteLater()
