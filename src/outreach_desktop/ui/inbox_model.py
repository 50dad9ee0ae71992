"""The Posteingang as a tree: caseworker (the laptop) → client → each record with its marks and
state. Group rows carry no record; a record row carries its (kind, id) for opening it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from outreach_desktop.services.inbox import InboxGroup, InboxItem
from outreach_desktop.ui.inbox_texts import local_time, marks_spoken, marks_text, state_text
from outreach_desktop.ui.widgets.common import ERROR_COLOR

translate = QCoreApplication.translate
KEY = Qt.ItemDataRole.UserRole + 1  # (kind, id) of a record row
Key = tuple[str, str]
Index = QModelIndex | QPersistentModelIndex
DONE_COLOR = "#505050"  # dark grey: still readable (contrast above 7:1 on white)


def headers() -> list[str]:
    return [
        translate("Inbox", "Entry"),
        translate("Inbox", "Marks"),
        translate("Inbox", "State"),
        translate("Inbox", "Imported"),
    ]


class InboxModel(QStandardItemModel):
    """Filled from the inbox service's groups; `keys` lists the record rows in order."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[Key] = []
        self.setHorizontalHeaderLabels(headers())

    def fill(self, groups: list[InboxGroup]) -> None:
        self.removeRows(0, self.rowCount())
        self.keys = []
        caseworker: QStandardItem | None = None
        device = None
        for group in groups:
            if caseworker is None or group.device_id != device:
                device = group.device_id
                caseworker = _group_row(group.caseworker, bold=True)
                self.appendRow(_with_blanks(caseworker))
            client = _group_row(group.client or translate("Inbox", "Without a client"))
            caseworker.appendRow(_with_blanks(client))
            for item in group.items:
                client.appendRow(self._record_row(item))
            _count(client, len(group.items))
        for row in range(self.rowCount()):
            top = self.item(row, 0)
            _count(top, sum(top.child(n, 0).rowCount() for n in range(top.rowCount())))

    def _record_row(self, item: InboxItem) -> list[QStandardItem]:
        key: Key = (str(item.kind), item.id)
        self.keys.append(key)
        texts = [item.title, marks_text(item), state_text(item), local_time(item.imported_at)]
        spoken = [item.title, marks_spoken(item), state_text(item), texts[3]]
        if item.rejected is not None:
            texts[2] = spoken[2] = f"{state_text(item)}: {item.rejected_reason}"
        row = []
        for text, said in zip(texts, spoken, strict=True):
            cell = QStandardItem(text)
            cell.setEditable(False)
            cell.setToolTip(said)
            cell.setData(said, Qt.ItemDataRole.AccessibleTextRole)
            row.append(cell)
        row[0].setData(key, KEY)
        if not item.waiting:  # übernommen or rejected: shown, but quieter than what waits
            for cell in row:
                cell.setForeground(QColor(ERROR_COLOR if item.rejected else DONE_COLOR))
        return row

    def key_at(self, index: Index) -> Key | None:
        if not index.isValid():
            return None
        key = self.itemFromIndex(index.siblingAtColumn(0)).data(KEY)
        return tuple(key) if key else None  # type: ignore[return-value]

    def index_of(self, key: Key) -> QModelIndex:
        for caseworker in _children(self.invisibleRootItem()):
            for client in _children(caseworker):
                for record in _children(client):
                    if record.data(KEY) and tuple(record.data(KEY)) == key:
                        return record.index()
        return QModelIndex()


def _group_row(text: str, *, bold: bool = False) -> QStandardItem:
    cell = QStandardItem(text)
    cell.setEditable(False)
    cell.setData(text, Qt.ItemDataRole.UserRole + 2)  # the name without the count
    if bold:
        font = QFont()
        font.setBold(True)
        cell.setFont(font)
    return cell


def _count(cell: QStandardItem, n: int) -> None:
    name = cell.data(Qt.ItemDataRole.UserRole + 2)
    text = translate("Inbox", "{name} ({n})").format(name=name, n=n)
    cell.setText(text)
    spoken = translate("Inbox", "{name}, {n} entries").format(name=name, n=n)
    cell.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)


def _with_blanks(cell: QStandardItem) -> list[QStandardItem]:
    blanks = []
    for _ in range(len(headers()) - 1):
        blank = QStandardItem()
        blank.setEditable(False)
        blanks.append(blank)
    return [cell, *blanks]


def _children(parent: QStandardItem) -> list[QStandardItem]:
    return [parent.child(n, 0) for n in range(parent.rowCount())]
