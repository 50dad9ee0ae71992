"""A read-only table model over a list of rows, with columns given as functions.

Sorting (a view with sorting enabled calls `sort`) uses each column's `sort_key`, the raw value
behind the text shown: "9" before "10", "25.11.2026" before "01.12.2026". A column without one
sorts by its text, ignoring case and accents. Rows without a value come last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from outreach_desktop.domain.text import fold

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
More = Callable[[int], list[R]]  # offset → the next page of rows (empty: no more)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    value: Callable[[R], str]
    stretch: bool = False  # takes the remaining width; the others fit their content
    sort_key: Callable[[R], Any] | None = None  # the raw value to sort by (a date, a number)


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[R] = []
        self._order: tuple[int, Qt.SortOrder] | None = None  # the last sort, kept for new rows
        self._more: More[R] | None = None

    def set_rows(self, rows: list[R], more: More[R] | None = None) -> None:
        """`more(offset)`: the next page of rows for a list read lazily (None: all are here);
        the view asks for it as it scrolls to the end (`canFetchMore`/`fetchMore`)."""
        self.beginResetModel()
        self.rows = list(rows)
        self._more = more if rows else None
        if self._order is not None:
            self.rows = [self.rows[n] for n in self._sorted(*self._order)]
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._more is None:
            return
        rows = self._more(len(self.rows))
        if not rows:
            self._more = None
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_rows = self._sorted(column, order)
        self.rows = [self.rows[n] for n in old_rows]
        new_row = {old: new for new, old in enumerate(old_rows)}
        held = self.persistentIndexList()  # e.g. the selection: it moves with its row
        self.changePersistentIndexList(
            held, [self.index(new_row[i.row()], i.column()) for i in held]
        )
        self.layoutChanged.emit()

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[int]:
        """The row numbers in their sorted order (stable: equal rows keep theirs)."""
        col = self.columns[column]
        raw = col.sort_key or (lambda row: fold(col.value(row)) or None)
        descending = order == Qt.SortOrder.DescendingOrder

        def key(n: int) -> tuple[bool, Any]:
            value = raw(self.rows[n])
            return (value is None) != descending, value  # no value: last either way

        return sorted(range(len(self.rows)), key=key, reverse=descending)

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, index: Index) -> R | None:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.columns[index.column()].value(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None
