"""Message boxes with a test seam (KeePassXC's MessageBox::setNextAnswer)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from outreach_desktop.domain.errors import UserError
from outreach_desktop.logs import describe_bug

log = logging.getLogger(__name__)

_next_answers: list[bool] = []


def set_next_answer(answer: bool) -> None:
    """Tests: the next `confirm()` returns `answer` without showing a dialog."""
    _next_answers.append(answer)


translate = QCoreApplication.translate


def confirm(
    parent: QWidget | None, title: str, text: str, action: str, back: str | None = None
) -> bool:
    """Ask once; the buttons name the action and the way back. `back` replaces the standard
    "Abbrechen" where that word could be read as the action itself (breaking off an
    appointment)."""
    if _next_answers:
        return _next_answers.pop(0)
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    if back is None:
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    else:
        box.setDefaultButton(box.addButton(back, QMessageBox.ButtonRole.RejectRole))
    box.exec()
    answer = box.clickedButton() is yes
    box.deleteLater()
    return answer


def error_text(exc: BaseException) -> str:
    """The user-facing text for an exception; bugs are logged and get a generic text."""
    if isinstance(exc, UserError):
        return str(exc)
    log.error("bug: %s", describe_bug(exc))
    return translate(
        "Messages",
        "An internal error occurred ({kind}). Nothing was changed; details are in the log.",
    ).format(kind=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    text = error_text(exc)
    if _next_answers:  # tests pre-answer dialogs; an error box counts as one
        _next_answers.pop(0)
        return
    QMessageBox.warning(parent, title or translate("Messages", "Outreach Desktop"), text)


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    if _next_answers:
        _next_answers.pop(0)
        return
    QMessageBox.warning(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    if _next_answers:
        _next_answers.pop(0)
        return
    QMessageBox.information(parent, title, text)
