"""Edits that stop at a field's limit (domain/field_limits.py), as the domain refuses more.

A line edit gets Qt's maxLength. A multi-line edit gets a `TextLimit`: typing past the limit is
not taken, a paste that would exceed it is cut to fit and a notice under the edit says how much
was left out (the clipboard still holds all of it); near the limit a counter shows
"18.950 / 20.000 Zeichen". A value stored before the limit existed opens in full: it may be
shortened, never lengthened, and the counter asks to shorten it."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from outreach_desktop.domain.field_limits import COUNTER_FROM
from outreach_desktop.ui.widgets.common import style_error


def limit_line(edit: QLineEdit, max_len: int) -> QLineEdit:
    """Typing stops at `max_len`; a longer stored value is shown whole (never cut on opening)."""
    edit.setMaxLength(max(max_len, len(edit.text())))
    return edit


def limit_of(edit: QPlainTextEdit) -> TextLimit | None:
    return edit.findChild(TextLimit)


def _number(value: int) -> str:
    return QLocale().toString(value)


class TextLimit(QObject):
    """Keeps a QPlainTextEdit at or under `max_len` characters (as Python counts them, as the
    domain does); `counter` is the label to place under the edit."""

    def __init__(self, edit: QPlainTextEdit, max_len: int) -> None:
        super().__init__(edit)
        self.edit, self.max_len = edit, max_len
        self.counter = QLabel()
        self.counter.setWordWrap(True)
        self.counter.setAccessibleName(self.tr("Length"))
        self.notice = ""
        self._length = len(edit.toPlainText())
        self._cutting = False
        self._inserted = (0, 0)  # where the last change put text: position, length (UTF-16)
        edit.document().contentsChange.connect(self._note_change)
        edit.textChanged.connect(self._changed)
        self._show()

    @property
    def length(self) -> int:
        return self._length

    def _changed(self) -> None:
        if self._cutting:
            return
        text = self.edit.toPlainText()
        allowed = max(self.max_len, self._length)  # a stored longer text may stay, not grow
        if len(text) > allowed:
            left_out = self._cut(text, len(text) - allowed)
            self.notice = self.tr(
                "Inserted text shortened: %1 characters did not fit (at most %2)."
            ).replace("%1", _number(left_out)).replace("%2", _number(self.max_len))  # fmt: skip
            text = self.edit.toPlainText()
        else:
            self.notice = ""
        self._length = len(text)
        self._show()

    def _note_change(self, position: int, _removed: int, added: int) -> None:
        self._inserted = (position, added)

    def _cut(self, text: str, excess: int) -> int:
        """Remove the last `excess` characters of what was just typed, pasted or set."""
        position16, added16 = self._inserted
        utf16 = text.encode("utf-16-le")
        end16 = min(position16 + added16, len(utf16) // 2)  # Qt counts UTF-16 units
        start = len(utf16[: position16 * 2].decode("utf-16-le", "ignore"))
        end = len(utf16[: end16 * 2].decode("utf-16-le", "ignore"))
        excess = min(excess, end - start)
        cut16 = len(text[: end - excess].encode("utf-16-le")) // 2
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(cut16)
        cursor.setPosition(end16, QTextCursor.MoveMode.KeepAnchor)
        self._cutting = True
        try:
            cursor.removeSelectedText()
        finally:
            self._cutting = False
        return excess

    def _show(self) -> None:
        length, most = self._length, self.max_len
        counter = self.tr("%1 / %2 characters").replace("%1", _number(length))
        counter = counter.replace("%2", _number(most))
        if length > most:
            text = counter + " — " + self.tr("please shorten the text")
        elif self.notice:
            text = counter + " — " + self.notice
        elif length >= most:
            text = counter + " — " + self.tr("the limit is reached")
        else:
            text = counter
        self.counter.setText(text)
        style_error(self.counter, shown=length >= most or bool(self.notice))
        visible = length >= most * COUNTER_FROM or bool(self.notice)
        if not visible or self.counter.parentWidget() is not None:  # never a window of its own
            self.counter.setVisible(visible)
