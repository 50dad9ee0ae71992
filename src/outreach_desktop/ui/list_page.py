"""A searchable list of records with New/Edit/Delete and a clear empty state.

Search-as-you-type waits 150 ms after the last keystroke (a single-shot timer) and asks the
service again, in the background; the model only ever holds the newest result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
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
from outreach_desktop.services.session import Session
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.messages import confirm, show_error
from outreach_desktop.ui.table_model import Column, More, RowTableModel
from outreach_desktop.ui.widgets.common import debounce, plain

LIMIT = 500  # rows a list shows; more is a hint to search
SIZE_SAMPLE = 50  # rows the columns are sized by (all of them: ~60,000 cell reads per refresh)


class ListPage(QWidget):
    """Subclasses provide `fetch(query, limit)`, `editor`, `describe` and `remove`.

    `fetch` runs in a worker thread, so it touches no widget; a subclass whose rows depend on
    other controls reads them on the GUI thread in `loader`.
    """

    changed = Signal()
    session: Session  # set by each subclass

    def __init__(self, columns: Sequence[Column[Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.empty_text = ""
        self.busy = Busy(self, lambda: not self.session.is_locked)
        self.heading = QLabel()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.setFocusProxy(self.search)  # the workspace focuses the page: typing searches
        self.model: RowTableModel[Any] = RowTableModel(columns, self)
        self.table = self._table(columns)
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
        self.buttons_row = self._buttons()
        self.body_layout = QVBoxLayout(self)
        self.body_layout.addWidget(self.heading)
        self.body_layout.addLayout(self.buttons_row)
        self.body_layout.addWidget(self.stack, 1)
        self.body_layout.addWidget(self.hint)
        self._connect_keys()
        self._update_buttons()

    def _table(self, columns: Sequence[Column[Any]]) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(SIZE_SAMPLE)
        for number, column in enumerate(columns):
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order first
        header.setSortIndicatorClearable(True)
        table.setSortingEnabled(True)  # a click on a heading sorts by the raw values
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        table.doubleClicked.connect(lambda _i: self.edit_current())
        return table

    def _buttons(self) -> QHBoxLayout:
        """The search field and New / Edit / Delete in one row."""
        self.new_button = QPushButton(self.tr("&New"))
        self.new_button.setToolTip(self.tr("New entry (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected entry (Del)"))
        for push in (self.new_button, self.edit_button, self.delete_button):
            push.setAccessibleName(plain(push.text()))
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        return top

    def _connect_keys(self) -> None:
        """Search as you type (150 ms after the last key), Enter, Ctrl+F, Ctrl+N, Del."""
        self._debounce = debounce(self, 150, self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._enter_in_search)
        self._shortcut(QKeySequence.StandardKey.Find, self._focus_search)
        self._shortcut(QKeySequence.StandardKey.New, lambda: self.open_editor(None))
        self._shortcut(QKeySequence.StandardKey.Delete, self.delete_current, table_only=True)
        self._shortcut(Qt.Key.Key_Return, self.edit_current, table_only=True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

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
        """The rows for `query`. Runs in a worker thread: no widgets here."""
        raise NotImplementedError

    def loader(self, query: str, limit: int) -> Callable[[], list[Any]]:
        """On the GUI thread: the work that fetches the rows in the background."""
        return lambda: self.fetch(query, limit)

    def more(self, query: str) -> More[Any] | None:
        """For a list read a page at a time: the next page after an offset (on the GUI thread,
        so one quick query); None when `fetch` gives all rows at once."""
        return None

    def editor(self, record: Any | None) -> Any:
        """A FormDialog for `record` (None = new)."""
        raise NotImplementedError

    def remove(self, record: Any) -> None:
        raise NotImplementedError

    def describe(self, record: Any) -> str:
        raise NotImplementedError

    # ---- behaviour ---------------------------------------------------------------------------
    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Fetch the rows in the background and show them; `then` runs once they are shown.
        A newer refresh (the next keystroke) replaces one still running."""
        self._debounce.stop()
        query = self.search.text().strip()
        self.busy.run(
            self.loader(query, LIMIT), lambda rows: self._show_rows(query, rows, then),
            self._fetch_failed, latest=True,
        )  # fmt: skip

    def _fetch_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._show_rows(self.search.text().strip(), [], None)

    def _show_rows(self, query: str, rows: list[Any], then: Callable[[], None] | None) -> None:
        self.model.set_rows(rows, self.more(query))
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
        if then is not None:
            then()

    def clear(self) -> None:
        self.search.clear()
        self._debounce.stop()
        self.busy.drop_pending()
        self.model.clear()

    def current(self) -> Any | None:
        return self.model.row_at(self.table.currentIndex())

    def open_editor(self, record: Any | None) -> None:
        dialog = self.editor(record)
        if dialog.run():
            saved = dialog.saved
            self.refresh(then=lambda: self.select(saved))
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
        self.refresh(then=self._to_first_row)

    def _to_first_row(self) -> None:
        if self.model.rows:
            self.table.setFocus()
            self.table.selectRow(0)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
