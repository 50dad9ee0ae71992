"""A section of Heute: a heading, a list that shows its first rows and loads more on demand,
and an empty text. A large vault lists thousands of old follow-ups and overdue appointments;
building a list row for each would block the GUI thread, so only the first `FIRST_ROWS` are
built (described and sized) and a button adds `MORE_ROWS` at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidgetItem, QPushButton, QVBoxLayout

from outreach_desktop.ui.formats import format_count
from outreach_desktop.ui.widgets.fit_list import FitList

FIRST_ROWS = 25  # rows built when the section is filled (about a screenful)
MORE_ROWS = 200  # rows added by each click on "show more"

Describe = Callable[[Any], tuple[str, str]]  # an entry → (text, id to open)
Prepare = Callable[[Sequence[Any]], Sequence[Any]]  # entries about to be shown → ready to describe


class Section:
    """A heading, a list (its first rows, more on demand) and an empty text."""

    def __init__(self, title: str, empty: str, on_open: Callable[[str], None]) -> None:
        self.heading = QLabel("<h3>" + title + "</h3>")
        self.list = FitList()  # as tall as its rows, which wrap: the page scrolls, not the list
        self.list.setAccessibleName(title)
        self.list.itemActivated.connect(lambda item: on_open(item.data(Qt.ItemDataRole.UserRole)))
        self.empty = QLabel(empty)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid);")
        self.more = QPushButton()
        self.more.setFlat(True)
        self.more.clicked.connect(lambda: self.show_more(self._more_rows))
        self.more.hide()
        self._entries: list[Any] = []
        self._describe: Describe = lambda entry: entry
        self._prepare: Prepare | None = None
        self._more_rows: int = MORE_ROWS

    @property
    def total(self) -> int:
        """How many entries the section has (shown or not)."""
        return len(self._entries)

    def fill(
        self,
        entries: Sequence[Any],
        describe: Describe,
        hide_when_empty: bool = False,
        prepare: Prepare | None = None,
    ) -> None:
        """Show the first rows of `entries`, each described by `describe` when it is shown.
        With `prepare`, the entries about to be shown are first made ready by it (e.g. their
        checklist progress read in bulk), and "show more" adds `FIRST_ROWS` at a time."""
        self._entries, self._describe, self._prepare = list(entries), describe, prepare
        self._more_rows = MORE_ROWS if prepare is None else FIRST_ROWS
        self.list.clear()
        self.show_more(FIRST_ROWS)
        self.list.setVisible(bool(entries))
        self.empty.setVisible(not entries and not hide_when_empty)
        self.heading.setVisible(bool(entries) or not hide_when_empty)

    def clear(self) -> None:
        """Drop the rows and the entries not shown (on lock: no records stay in memory)."""
        self._entries, self._prepare = [], None
        self.list.clear()
        self.more.hide()

    def show_more(self, n: int) -> None:
        """Add the next `n` entries to the list."""
        start = self.list.count()
        batch = self._entries[start : start + n]
        if self._prepare is not None and batch:
            batch = list(self._prepare(batch))  # may be fewer: records gone meanwhile
            self._entries[start : start + n] = batch
        for entry in batch:
            text, ref = self._describe(entry)
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, ref)
            self.list.addItem(item)
        self.list.fit()
        rest = len(self._entries) - self.list.count()
        if rest > 0:
            self.more.setText(
                QCoreApplication.translate("Section", "… and {n} more – show {m} of them").format(
                    n=format_count(rest), m=format_count(min(rest, self._more_rows))
                )
            )
        self.more.setVisible(rest > 0)

    def add_to(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
