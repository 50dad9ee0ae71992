"""Hilfe → Tastenkürzel (F1): every keyboard shortcut of the app on one page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class ShortcutsDialog(QDialog):
    def __init__(self, page_titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(native(f"Ctrl+{n % 10}"), title) for n, title in enumerate(page_titles, start=1)]
        rows += [
            (native("Ctrl+Shift+F"), self.tr("Full-text search over clients, appointments and "
                                              "protocols")),
            (native("Ctrl+F"), self.tr("Search the list on the current page")),
            (native("Ctrl+N"), self.tr("New entry on the current page")),
            (self.tr("Enter"), self.tr("Open the selected entry")),
            (native("Del"), self.tr("Delete the selected entry (asks first)")),
            (native("Ctrl+S"), self.tr("Save the protocol now (it also saves by itself)")),
            (native("Ctrl+L"), self.tr("Lock now (also inside dialogs)")),
            (self.tr("Alt + underlined letter"), self.tr("Button or field with that letter")),
            (native("Esc"), self.tr("Close the dialog; what was typed in a protocol is kept")),
            (native("F1"), self.tr("This overview")),
        ]  # fmt: skip
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            for column, value in enumerate((keys, text)):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 640)

    def run(self) -> None:
        try:
            self.exec()
        finally:
            self.deleteLater()
