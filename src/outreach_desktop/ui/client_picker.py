"""Choosing a client among tens of thousands: the list holds the first few names, and what is
typed asks the client search (the service) again, so the dialog never lists every client.

Keyboard: type part of a name (any words, any order, accents and case ignored), ↓ into the
suggestions, Enter to take one. Equal names are told apart as everywhere (`client_choices`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCompleter

from outreach_desktop.domain.people import Client
from outreach_desktop.ui.form_dialog import SearchCombo
from outreach_desktop.ui.labels import client_choices

SHOWN = 50  # names the list holds at a time; typing narrows the search, not the list
# what a label adds to a name to tell equal names apart: " (…)" and " · id"
_TELLING_APART = re.compile(r"\s+(\(|·).*$")

Search = Callable[[str, int], list[Client]]  # (query, limit) → clients, in the list's order


class ClientPicker(SearchCombo):
    def __init__(
        self, search: Search, *, none_label: str | None = None, current: Client | None = None
    ) -> None:
        super().__init__()
        self._search, self._none_label, self._current = search, none_label, current
        completer = self.completer()
        if completer is not None:  # the list is the search's answer already: shown unfiltered
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._fill(search("", SHOWN))
        if current is not None:
            self.setCurrentIndex(self.findData(current.id))
        self.lineEdit().textEdited.connect(self._typed)

    def _fill(self, clients: list[Client]) -> None:
        if self._current is not None and all(c.id != self._current.id for c in clients):
            clients = [self._current, *clients]
        with QSignalBlocker(self):
            self.clear()
            if self._none_label is not None:
                self.addItem(self._none_label, None)
            for label, client_id in client_choices(clients):
                self.addItem(label, client_id)

    def _typed(self, text: str) -> None:
        """Ask the search for what is typed; keep the text and the cursor where they were."""
        query = _TELLING_APART.sub("", text).strip()
        edit = self.lineEdit()
        cursor = edit.cursorPosition()
        completer = self.completer()
        if completer is not None:  # not while its popup shows the rows about to go
            completer.popup().hide()
        self._fill(self._search(query, SHOWN))
        with QSignalBlocker(self):
            self.setCurrentIndex(-1)
            self.setEditText(text)
        edit.setCursorPosition(cursor)
        if text and completer is not None and self.count():
            completer.complete()
