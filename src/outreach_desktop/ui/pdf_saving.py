"""“Als PDF speichern …” beside every print: the one way a document leaves the vault as a file.
Before it: the sender's contact details a client needs to answer (domain/contact_check.py, for
letters and forms), the warning that the file is not encrypted, where to save, and whether to
replace a file of that name. The caller renders, writes and notes the save in the history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from outreach_desktop.domain.contact_check import MissingContact
from outreach_desktop.domain.errors import UserError
from outreach_desktop.services.documents import pdf_target
from outreach_desktop.services.files import TargetExists
from outreach_desktop.ui.messages import confirm, show_error

translate = QCoreApplication.translate


def contact_ok(parent: QWidget, gaps: tuple[MissingContact, ...], action: str) -> bool:
    """Before a letter or form leaves: a warning naming each missing sender detail and where
    to set it; True when nothing is missing or the user goes on."""
    if not gaps:
        return True
    lines = "\n".join(
        translate("PdfSaving", "• {what} is missing – set it under {where}.").format(
            what=gap.label, where=gap.where
        )
        for gap in gaps
    )
    return confirm(
        parent, translate("PdfSaving", "Contact details missing"),
        translate("PdfSaving", "Without these details the client cannot answer:\n{lines}")
        .format(lines=lines),
        action, back=translate("PdfSaving", "Back"),
    )  # fmt: skip


def ask_pdf_path(parent: QWidget, suggestion: str) -> str:
    """The system's save dialog; its own overwrite question is off (`may_replace` asks)."""
    dialog = QFileDialog(
        parent, translate("PdfSaving", "Save as PDF"), suggestion,
        translate("PdfSaving", "PDF (*.pdf)"),
    )  # fmt: skip
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("pdf")
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
    try:
        return dialog.selectedFiles()[0] if dialog.exec() else ""
    finally:
        dialog.deleteLater()


def may_replace(parent: QWidget, path: Path) -> bool:
    """Our own question (the file dialog's is switched off, so it is asked once, always)."""
    return confirm(
        parent, translate("PdfSaving", "Replace file?"),
        translate("PdfSaving",
                  "The file {name} already exists in {folder}. Replace it with the new PDF?")
        .format(name=path.name, folder=path.parent),
        translate("PdfSaving", "Replace"),
    )  # fmt: skip


def ask_target(
    parent: QWidget, suggestion: str, ask_path: Callable[[QWidget, str], str]
) -> tuple[str, bool] | None:
    """The warning first, then where to save, then whether to replace a file of that name:
    the path and whether replacing it was confirmed; None when the user backs out."""
    if not confirm(
        parent, translate("PdfSaving", "Save as PDF"),
        translate("PdfSaving",
                  "The PDF file is NOT encrypted and contains personal data (Sozialdaten). "
                  "Save it only where it is protected, and delete it when it is no longer "
                  "needed."),
        translate("PdfSaving", "Save unencrypted"),
    ):  # fmt: skip
        return None
    path = ask_path(parent, suggestion)
    if not path:
        return None
    try:
        pdf_target(path)
    except TargetExists as exists:
        return (path, True) if may_replace(parent, exists.path) else None
    except UserError as exc:
        show_error(parent, exc, translate("PdfSaving", "Save as PDF"))
        return None
    return path, False


def saved_text(label: str, when: str) -> str:
    """One line of a history: "<when> · <document> saved as PDF (unencrypted)"."""
    return translate("PdfSaving", "{when} · {document} saved as PDF (unencrypted)").format(
        when=when, document=label
    )
