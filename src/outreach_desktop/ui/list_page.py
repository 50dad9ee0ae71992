"""A searchable list of records with New/Edit/Delete and a clear empty state.

Search-as-you-type waits 150 ms after the last keystroke (a single-shot timer) and asks the
service again; the model only ever holds the current result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.errors import UserError
from outreach_desktop.ui.messages import confirm, show_error
from outreach_desktop.ui.table_model import Column, RowTableModel

LIMIT = 500  # rows a list shows; more is a hint to search


class ListPage(QWidget):
    """Subclasses provide `fetch(query, limit)`, `editor`, `describe` and `remove`."""

    changed = Signal()

    def __init__(self, columns: Sequence[Column[Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.empty_text = ""
        self.heading = QLabel()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.model: RowTableModel[Any] = RowTableModel(columns, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for number, column in enumerate(columns):
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No entries"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.new_button = QPushButton(self.tr("&New"))
        self.new_button.setToolTip(self.tr("New entry (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected entry (Del)"))
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        top = QHBoxLayout()
        self.buttons_row = top
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        self.body_layout = layout
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._enter_in_search)
        self._shortcut(QKeySequence.StandardKey.Find, self._focus_search)
        self._shortcut(QKeySequence.StandardKey.New, lambda: self.open_editor(None))
        self._shortcut(QKeySequence.StandardKey.Delete, self.delete_current, table_only=True)
        self._shortcut(Qt.Key.Key_Return, self.edit_current, table_only=True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _shortcut(self, key: Any, slot: Callable[[], None], table_only: bool = False) -> None:
        sc = QShortcut(QKeySequence(key), self.table if table_only else self)
        sc.setContext(
            Qt.ShortcutContext.WidgetShortcut
            if table_only
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        sc.activated.connect(slot)

    def set_texts(self, title: str, empty_text: str) -> None:
        self.title, self.empty_text = title, empty_text
        self.heading.setText(f"<h2>{title}</h2>")
        self.table.setAccessibleName(title)

    # ---- to implement -----------------------------------------------------------------------
    def fetch(self, query: str, limit: int) -> list[Any]:
        raise NotImplementedError

    def editor(self, record: Any | None) -> Any:
        """A FormDialog for `record` (None = new)."""
        raise NotImplementedError

    def remove(self, record: Any) -> None:
        raise NotImplementedError

    def describe(self, record: Any) -> str:
        raise NotImplementedError

    # ---- behaviour ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._debounce.stop()
        query = self.search.text().strip()
        try:
            rows = self.fetch(query, LIMIT)
        except UserError as exc:
            show_error(self, exc)
            rows = []
        self.model.set_rows(rows)
        self.hint.setText(
            self.tr("Showing the first {n} entries. Narrow the search to see the others.").format(
                n=LIMIT
            )
        )
        self.hint.setVisible(len(rows) >= LIMIT)
        if rows:
            self.stack.setCurrentWidget(self.table)
        else:
            self.empty.setText(
                self.tr("Nothing matches “{query}”.").format(query=query)
                if query
                else self.empty_text
            )
            self.stack.setCurrentWidget(self.empty)
        self._update_buttons()

    def clear(self) -> None:
        self.search.clear()
        self._debounce.stop()
        self.model.clear()

    def current(self) -> Any | None:
        return self.model.row_at(self.table.currentIndex())

    def open_editor(self, record: Any | None) -> None:
        dialog = self.editor(record)
        if dialog.run():
            self.refresh()
            self.select(dialog.saved)
            self.changed.emit()

    def edit_current(self) -> None:
        record = self.current()
        if record is not None:
            self.open_editor(record)

    def delete_current(self) -> None:
        record = self.current()
        if record is None:
            return
        if not confirm(
            self,
            self.tr("Delete"),
            self.tr("Really delete “{name}”? This cannot be undone.").format(
                name=self.describe(record)
            ),
            self.tr("Delete"),
        ):
            return
        try:
            self.remove(record)
        except UserError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.changed.emit()

    def select(self, record: Any) -> None:
        for row, item in enumerate(self.model.rows):
            if getattr(item, "id", None) == getattr(record, "id", object()):
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _enter_in_search(self) -> None:
        self.refresh()
        if self.model.rows:
            self.table.setFocus()
            self.table.selectRow(0)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
