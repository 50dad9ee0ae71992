"""Base of the edit dialogs: a form, field errors shown where they happen, save on OK."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.errors import FieldError, UserError, ValidationError
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import error_text
from outreach_desktop.ui.widgets.common import mark_invalid, plain, style_error
from outreach_desktop.ui.widgets.text_limit import TextLimit, limit_line, limit_of

E = TypeVar("E")


class EnumCombo(QComboBox):
    """A combo box over enum members, each shown by its label (Qt would turn a StrEnum item
    into a plain str)."""

    def __init__(self, values: Iterable[Any], current: Any) -> None:
        super().__init__()
        self.values = list(values)
        for value in self.values:
            self.addItem(label_of(value))
        if current is not None:
            self.setCurrentIndex(self.values.index(current))

    def value(self) -> Any:
        return self.values[self.currentIndex()]


def enum_combo(values: Iterable[E], current: E | None = None) -> EnumCombo:
    return EnumCombo(values, current)


class SearchCombo(QComboBox):
    """A combo box over many names (clients): type part of a name to narrow the list."""

    def __init__(self) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def value(self, field: str, label: str) -> Any:
        """The chosen item's data; typed text that names no item is a field error."""
        text = self.currentText().strip()
        index = self.currentIndex()  # the item chosen from the list, even among equal names
        if index < 0 or self.itemText(index).casefold() != text.casefold():
            index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise ValidationError(
                [FieldError(field, plain(label), "Bitte aus der Liste auswählen.")]
            )
        self.setCurrentIndex(index)
        return self.itemData(index)


def text_area(text: str = "", lines: int = 3, *, max_len: int) -> QPlainTextEdit:
    """A multi-line edit of a few lines that stops at `max_len` characters (field_limits.py);
    its counter (`limit_of(edit).counter`) goes under it, FormDialog.add_field puts it there."""
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    TextLimit(edit, max_len)
    return edit


class FormDialog(QDialog):
    """Subclasses add fields with `add_field` and implement `save()`.

    `keep_on_lock`: when the vault locks while the dialog is open and something was typed,
    save it if valid. Dialogs that change keys set it to False: they never act unconfirmed.
    """

    keep_on_lock = True

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(460)
        self.fields: dict[str, QWidget] = {}
        self.saved: Any = None
        self.touched = False
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        style_error(self.error_label, bold=True)
        self.error_label.setAccessibleName(self.tr("Problems"))
        self.error_label.hide()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.error_label)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def add_field(self, name: str, label: str, widget: QWidget, help_text: str = "") -> QWidget:
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(plain(label))
        if help_text:
            widget.setToolTip(help_text)
            widget.setAccessibleDescription(help_text)
        self._watch(widget)
        if isinstance(widget, QCheckBox):
            widget.setText(plain(label))
            self.form.addRow("", widget)
        else:
            self.form.addRow(caption, widget)
        limit = limit_of(widget) if isinstance(widget, QPlainTextEdit) else None
        if limit is not None:
            self.form.addRow("", limit.counter)
        self.fields[name] = widget
        return widget

    def _watch(self, widget: QWidget) -> None:
        """Note user edits (not programmatic ones), so an untouched dialog is not 'unsaved'."""
        signal = None
        if isinstance(widget, QLineEdit):
            signal = widget.textEdited
        elif isinstance(widget, QPlainTextEdit):
            signal = widget.textChanged
        elif isinstance(widget, QComboBox):
            signal = widget.activated
        elif isinstance(widget, QCheckBox):
            signal = widget.clicked
        elif isinstance(widget, QAbstractSpinBox):
            signal = widget.editingFinished
        if signal is not None:
            signal.connect(self._touch)

    def _touch(self, *_args: object) -> None:
        self.touched = True

    def line(
        self, name: str, label: str, text: str = "", help_text: str = "", *, max_len: int
    ) -> QLineEdit:
        """A one-line field that stops at `max_len` characters (field_limits.py)."""
        edit = limit_line(QLineEdit(text), max_len)
        self.add_field(name, label, edit, help_text)
        return edit

    def run(self) -> bool:
        """exec() the dialog, then let Qt delete it: no closed dialog keeps data around."""
        try:
            return bool(self.exec())
        finally:
            self.deleteLater()

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.saved = self.save()
        except ValidationError as exc:
            self.show_errors(exc)
            return
        except UserError as exc:
            self._show_message(str(exc))
            return
        except Exception as exc:  # a bug: logged by type, shown generically
            self._show_message(error_text(exc))
            return
        super().accept()

    def save_on_lock(self) -> bool:
        """Called when the vault locks: keep what was typed if it is valid."""
        try:
            self.saved = self.save()
            return True
        except Exception:
            return False

    def show_errors(self, exc: ValidationError) -> None:
        for widget in self.fields.values():
            mark_invalid(widget, False)
        self._show_message("\n".join(str(e) for e in exc.errors))
        first = None
        for err in exc.errors:
            widget = self.fields.get(err.field)
            if widget is not None:
                mark_invalid(widget)
                widget.setAccessibleDescription(err.message)
                first = first or widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_message(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
