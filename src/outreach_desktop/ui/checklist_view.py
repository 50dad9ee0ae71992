"""One phase of an appointment's checklists: a row per item, answered in place. Every answer
is saved at once with its time (no Save button to forget)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.checklists import Item, ItemKind, ItemState, ItemStatus, Phase
from outreach_desktop.domain.field_limits import CHECKLIST_ANSWER
from outreach_desktop.domain.people import Staff
from outreach_desktop.ui.formats import DATE, LAST_DAY, format_datetime
from outreach_desktop.ui.i18n import ui_language
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.widgets.common import style_error
from outreach_desktop.ui.widgets.text_limit import limit_line

translate = QCoreApplication.translate

NO_DATE = QDate(2000, 1, 1)
MARK = {ItemState.DONE: "✓", ItemState.OPEN: "○", ItemState.NOT_APPLICABLE: "–"}

AnswerFn = Callable[[str, Any], None]  # item id, value (None clears)


class ItemRow:
    """The widgets of one item in the phase grid."""

    def __init__(
        self, item: Item, staff: list[Staff], on_answer: AnswerFn, parent: QWidget
    ) -> None:
        self.item = item
        self.on_answer = on_answer
        self.staff_names = {person.id: person.name for person in staff}
        self.prefilled = False  # the shown answer comes from a recorded fact, not the caseworker
        language = ui_language()
        self.mark = QLabel()
        self.mark.setFixedWidth(18)
        text = item.label(language)
        if not item.required:
            text += "  " + translate("ChecklistView", "(optional)")
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setToolTip(item.help(language))
        self.note = QLabel()
        self.note.setStyleSheet("color: #4a4a4a; font-size: 9pt;")  # readable on any light theme
        self.note.setWordWrap(True)
        self.editor = self._editor(staff, parent)
        self.editor.setAccessibleName(item.label(language))
        self.editor.setAccessibleDescription(item.help(language))
        self.editor.setToolTip(item.help(language))
        self.label.setBuddy(self.editor)
        self._updating = False

    def _editor(self, staff: list[Staff], parent: QWidget) -> QWidget:
        kind = self.item.kind
        if kind is ItemKind.TICK:
            box = QCheckBox(translate("ChecklistView", "done"))
            # unticking a pre-filled tick is the caseworker's "no", kept over the fact
            box.toggled.connect(lambda on: self._send(True if on else self._untick()))
            return box
        if kind in (ItemKind.YES_NO, ItemKind.CHOICE, ItemKind.PERSON):
            combo = QComboBox()
            combo.addItem("—", None)
            if kind is ItemKind.YES_NO:
                combo.addItem(translate("ChecklistView", "Yes"), True)
                combo.addItem(translate("ChecklistView", "No"), False)
            elif kind is ItemKind.CHOICE:
                language = ui_language()
                for choice in self.item.choices:
                    label = (
                        choice.label_en if language == "en" and choice.label_en else choice.label_de
                    )
                    combo.addItem(label, choice.id)
            else:
                for person in staff:
                    combo.addItem(person.name, person.id)
            combo.activated.connect(lambda _i: self._send(combo.currentData()))
            return combo
        if kind is ItemKind.TEXT:
            edit = limit_line(QLineEdit(), CHECKLIST_ANSWER)
            edit.editingFinished.connect(lambda: self._send_text(edit))
            return edit
        if kind is ItemKind.DATE:
            edit = QDateEdit()
            edit.setDisplayFormat(DATE)
            edit.setCalendarPopup(True)
            edit.setDateRange(NO_DATE, LAST_DAY)
            edit.setSpecialValueText("—")
            edit.setDate(NO_DATE)
            edit.editingFinished.connect(lambda: self._send(self._date_value(edit)))
            return edit
        value = QLabel()  # fact and consent items are computed
        value.setWordWrap(True)
        value.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return value

    def _untick(self) -> bool | None:
        return False if self.prefilled else None

    @staticmethod
    def _date_value(edit: QDateEdit) -> str | None:
        d = edit.date()
        return None if d == NO_DATE else date(d.year(), d.month(), d.day()).isoformat()

    def _send_text(self, edit: QLineEdit) -> None:
        if edit.isModified():
            edit.setModified(False)
            self._send(edit.text().strip() or None)

    def _send(self, value: Any) -> None:
        if not self._updating:
            self.on_answer(self.item.id, value)

    def widgets(self) -> list[QWidget]:
        return [self.mark, self.label, self.editor, self.note]

    def update(self, status: ItemStatus, parent: QWidget, blocks_label: str) -> None:
        self._updating = True
        try:
            visible = status.state is not ItemState.NOT_APPLICABLE
            for widget in self.widgets():
                widget.setVisible(visible)
            self.mark.setText(MARK[status.state])
            self.mark.setAccessibleName(
                translate("ChecklistView", "done")
                if status.state is ItemState.DONE
                else translate("ChecklistView", "open")
            )
            value = status.answer.value if status.answer else None
            source = status.answer.source if status.answer else None
            self.prefilled = source is not None
            self._show_value(value, status, parent)
            notes = []
            if source is not None:  # "aus dem Termin übernommen": the caseworker can change it
                notes.append(label_of(source))
            elif status.answer is not None:
                notes.append(format_datetime(status.answer.answered_at))
            elif self.item.kind is ItemKind.TICK and status.state is ItemState.DONE:
                notes.append(translate("ChecklistView", "met by what is already recorded"))
            if blocks_label and status.state is ItemState.OPEN:
                notes.append(translate("ChecklistView", "blocks: {step}").format(step=blocks_label))
            self.note.setText("  ·  ".join(notes))
        finally:
            self._updating = False

    def _show_value(self, value: Any, status: ItemStatus, parent: QWidget) -> None:
        editor = self.editor
        if isinstance(editor, QCheckBox):
            editor.setChecked(value is True)
        elif isinstance(editor, QComboBox):
            index = editor.findData(value) if value is not None else 0
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QLineEdit):
            if not editor.hasFocus():
                editor.setText(value or "")
        elif isinstance(editor, QDateEdit):
            editor.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else NO_DATE)
        elif isinstance(editor, QLabel):
            done = status.state is ItemState.DONE
            if self.item.kind is ItemKind.CONSENT:
                editor.setText(
                    translate("ChecklistView", "present")
                    if done
                    else translate("ChecklistView", "missing")
                )
            else:
                editor.setText(
                    translate("ChecklistView", "met")
                    if done
                    else translate("ChecklistView", "not yet")
                )
                if isinstance(value, list):  # the appointment's staff, by name
                    names = ", ".join(self.staff_names.get(i, i) for i in value)
                    editor.setText(f"{editor.text()}: {names}")
            style_error(editor, shown=not done)


class ChecklistPhaseView(QWidget):
    """All items of one phase, in checklist order, with the phase's progress."""

    def __init__(
        self,
        phase: Phase,
        items: list[Item],
        staff: list[Staff],
        on_answer: AnswerFn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.phase = phase
        self.progress = QLabel()
        self.progress.setAccessibleName(translate("ChecklistView", "Progress"))
        self.rows: dict[str, ItemRow] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.setVerticalSpacing(4)
        for number, item in enumerate(items):
            row = ItemRow(item, staff, on_answer, self)
            self.rows[item.id] = row
            grid.addWidget(row.mark, number * 2, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(row.label, number * 2, 1)
            grid.addWidget(row.editor, number * 2, 2)
            grid.addWidget(row.note, number * 2 + 1, 1, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addLayout(grid)
        layout.addStretch(1)

    def update(
        self, statuses: list[ItemStatus], done: int, total: int, blocks_label: Callable[[Item], str]
    ) -> None:
        self.progress.setText(
            translate("ChecklistView", "{done} of {total} required points done").format(
                done=done, total=total
            )
        )
        for status in statuses:
            row = self.rows.get(status.item.id)
            if row is not None:
                row.update(status, self, blocks_label(status.item))
