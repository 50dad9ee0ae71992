"""RowTableModel without a window (as Vorta tests its archive table model): rows, columns, roles,
headers, and sorting by the columns' raw values rather than by the text they show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from outreach_desktop.ui.formats import format_date
from outreach_desktop.ui.table_model import Column, RowTableModel

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
DISPLAY = Qt.ItemDataRole.DisplayRole


@dataclass
class Visit:
    name: str
    day: date | None
    calls: int


VISITS = [
    Visit("Özlem Arslan", date(2026, 12, 1), 10),
    Visit("bernd Meyer", date(2026, 11, 25), 9),
    Visit("Anna Schulz", None, 2),
    Visit("Zoran Ilić", date(2027, 1, 3), 100),
]

COLUMNS = [
    Column[Visit]("Name", lambda v: v.name, stretch=True),
    Column[Visit]("Datum", lambda v: format_date(v.day) if v.day else "", sort_key=lambda v: v.day),
    Column[Visit]("Anrufe", lambda v: str(v.calls), sort_key=lambda v: v.calls),
]


@pytest.fixture
def model(qtmodeltester: Any) -> RowTableModel[Visit]:
    m: RowTableModel[Visit] = RowTableModel(COLUMNS)
    m.set_rows(VISITS)
    qtmodeltester.check(m)  # Qt's QAbstractItemModelTester, kept attached for what follows
    return m


def column_texts(model: RowTableModel[Visit], column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_rows_columns_and_roles(model: RowTableModel[Visit]) -> None:
    assert (model.rowCount(), model.columnCount()) == (4, 3)
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(model.index(0, 0)) == 0
    cell = model.index(0, 1)
    assert model.data(cell) == "01.12.2026"
    assert model.data(cell, Qt.ItemDataRole.AccessibleTextRole) == "01.12.2026"
    for role in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.DecorationRole):
        assert model.data(cell, role) is None
    assert model.data(QModelIndex()) is None
    assert model.row_at(model.index(3, 0)) is VISITS[3]
    assert model.row_at(QModelIndex()) is None
    assert not model.flags(cell) & Qt.ItemFlag.ItemIsEditable


def test_headers(model: RowTableModel[Visit]) -> None:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert titles == ["Name", "Datum", "Anrufe"]
    assert model.headerData(3, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None


def test_dates_sort_by_date_not_by_their_text(model: RowTableModel[Visit]) -> None:
    model.sort(1, ASC)
    assert column_texts(model, 1) == ["25.11.2026", "01.12.2026", "03.01.2027", ""]
    model.sort(1, DESC)
    assert column_texts(model, 1) == ["03.01.2027", "01.12.2026", "25.11.2026", ""]  # empty last


def test_numbers_sort_by_value_not_by_their_text(model: RowTableModel[Visit]) -> None:
    model.sort(2, ASC)
    assert column_texts(model, 2) == ["2", "9", "10", "100"]
    model.sort(2, DESC)
    assert column_texts(model, 2) == ["100", "10", "9", "2"]


def test_text_sorts_regardless_of_case_and_accents(model: RowTableModel[Visit]) -> None:
    model.sort(0, ASC)
    assert column_texts(model, 0) == ["Anna Schulz", "bernd Meyer", "Özlem Arslan", "Zoran Ilić"]


def test_new_rows_keep_the_chosen_order(model: RowTableModel[Visit]) -> None:
    model.sort(2, ASC)
    model.set_rows([*VISITS, Visit("Kurt Lang", None, 11)])
    assert column_texts(model, 2) == ["2", "9", "10", "11", "100"]


def test_selection_follows_its_row_when_sorted(model: RowTableModel[Visit]) -> None:
    held = QPersistentModelIndex(model.index(0, 2))  # Özlem, 10 calls
    model.sort(2, ASC)
    assert held.row() == 2 and model.row_at(held) is VISITS[0]


def test_sort_on_a_missing_column_changes_nothing(model: RowTableModel[Visit]) -> None:
    model.sort(7, ASC)
    model.sort(-1, ASC)
    assert model.rows == VISITS


def test_a_view_with_sorting_enabled_sorts_through_the_model(
    qtbot: Any, model: RowTableModel[Visit]
) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(1, ASC)
    assert column_texts(model, 1) == ["25.11.2026", "01.12.2026", "03.01.2027", ""]
