"""Posteingang → "Quittungen schreiben": a receipt for every laptop with something übernommen or
rejected, into a folder the office chooses (the USB stick or the team share the laptops read),
off the GUI thread; one German line per laptop afterwards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QWidget

from outreach_desktop.services.receipts import ReceiptResult
from outreach_desktop.services.session import Session
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.messages import show_info

translate = QCoreApplication.translate


def ask_receipt_folder(parent: QWidget) -> str:
    return QFileDialog.getExistingDirectory(
        parent, translate("InboxReceipts", "Folder for the receipts (USB stick, team share)")
    )


def write_receipts(
    parent: QWidget,
    session: Session,
    busy: Busy,
    button: QAbstractButton,
    now: datetime,
    ask_folder: Callable[[QWidget], str] = ask_receipt_folder,
) -> None:
    """Ask for the folder, write the receipts in the background, then say what was written."""
    folder = ask_folder(parent)
    if not folder:
        return
    receipts, at = session.receipts, now.astimezone(UTC)

    def done(results: list[ReceiptResult]) -> None:
        lines = [r.message for r in results] or [
            translate("InboxReceipts", "No laptop has handed anything over yet.")
        ]
        show_info(parent, translate("InboxReceipts", "Receipts"), "\n".join(lines))

    busy.run(lambda: receipts.write_receipts(Path(folder), at), done, button=button,
             text=translate("InboxReceipts", "Writing…"))  # fmt: skip
