"""Where a file that leaves the vault goes: the warning first (it is not encrypted), then the
file dialog, then our own question before replacing a file of that name (the dialog's is
switched off so it is asked once, always). `ask_path` is the test seam."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from outreach_desktop.domain.errors import UserError
from outreach_desktop.services.files import TargetExists, target_file
from outreach_desktop.ui.messages import confirm, show_error

translate = QCoreApplication.translate


def _ask_path(parent: QWidget, title: str, suggestion: str, pattern: str) -> str:
    dialog = QFileDialog(parent, title, suggestion, pattern)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(pattern.rsplit("*.", 1)[-1].rstrip(")"))
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)  # asked below
    try:
        return dialog.selectedFiles()[0] if dialog.exec() else ""
    finally:
        dialog.deleteLater()


ask_path: Callable[[QWidget, str, str, str], str] = _ask_path


def _may_replace(parent: QWidget, path: Path) -> bool:
    return confirm(
        parent, translate("SaveTarget", "Replace file?"),
        translate("SaveTarget", "The file {name} already exists in {folder}. Replace it?")
        .format(name=path.name, folder=path.parent),
        translate("SaveTarget", "Replace"),
    )  # fmt: skip


def ask_save_target(
    parent: QWidget, title: str, suggestion: str, pattern: str, suffix: str, warning: str = ""
) -> tuple[str, bool] | None:
    """The path chosen and whether replacing it was confirmed; None when the user backs out.
    `warning` (when given) is confirmed first; `pattern` is the dialog's filter ("PDF (*.pdf)"),
    `suffix` what the file name gets when it lacks it (".pdf")."""
    if warning and not confirm(parent, title, warning, translate("SaveTarget", "Save unencrypted")):
        return None
    path = ask_path(parent, title, suggestion, pattern)
    if not path:
        return None
    try:
        target_file(path, suffix=suffix)
    except TargetExists as exists:
        return (path, True) if _may_replace(parent, exists.path) else None
    except UserError as exc:
        show_error(parent, exc, title)
        return None
    return path, False
