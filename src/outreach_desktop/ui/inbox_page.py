"""Posteingang (the office station): reading the laptops' bundles, and what they brought that a
person still enters into VerBIS or the e-Akte — by caseworker and client, each record with the
marks it needs — opened with Enter to copy its fields and set its marks, or to reject it. A notice
says when conflicts wait for a person's decision; the sync log opens from here too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.services.inbox import InboxGroup, InboxItem
from outreach_desktop.services.session import Session
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.inbox_conflicts import ConflictNotice, ConflictsDialog
from outreach_desktop.ui.inbox_import import AskTrust, ImportFlow, ask_bundle_paths, ask_trust
from outreach_desktop.ui.inbox_model import InboxModel, Key
from outreach_desktop.ui.inbox_receipts import ask_receipt_folder, write_receipts
from outreach_desktop.ui.inbox_record import RecordDialog
from outreach_desktop.ui.inbox_texts import local_time
from outreach_desktop.ui.messages import show_error
from outreach_desktop.ui.sync_log_view import SyncLogDialog
from outreach_desktop.ui.widgets.common import button, plain

D = TypeVar("D", bound=QDialog)


class InboxPage(QWidget):
    """A Page (ui/contracts.py); `changed` after an import, a mark or a rejection."""

    changed = Signal()

    def __init__(
        self,
        session: Session,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.now = session, now
        self.busy = Busy(self, lambda: not session.is_locked)
        self.ask_paths: Callable[[QWidget], list[str]] = ask_bundle_paths  # test seams
        self.ask_trust: AskTrust = ask_trust
        self.flow: ImportFlow | None = None
        self.found: dict[Key, tuple[InboxGroup, InboxItem]] = {}
        self.heading = QLabel("<h2>" + self.tr("Inbox") + "</h2>")
        self.intro = QLabel(self.tr(
            "What the laptops handed over and a person still enters into VerBIS or the "
            "e-file, by caseworker and client. Open an entry (Enter) to copy its fields and "
            "set its marks."
        ))  # fmt: skip
        self.intro.setWordWrap(True)
        self.import_button = button(self.tr("Read &bundles…"), self.import_bundles)
        self.import_button.setToolTip(self.tr("Read the laptops' bundles (Ctrl+I)"))
        self.open_button = button(self.tr("&Open"), self.open_current)
        self.ask_receipt_folder: Callable[[QWidget], str] = ask_receipt_folder  # test seam
        self.receipt_button = button(self.tr("Write &receipts…"), self.write_receipts)
        self.receipt_button.setToolTip(
            self.tr("A receipt for every laptop with something transferred or rejected")
        )
        self.log_button = button(self.tr("Handover &log…"), self.show_sync_log)
        self.log_button.setToolTip(
            self.tr("Every bundle read, receipt written and conflict decided")
        )
        self.notice = ConflictNotice()
        self.notice.open_requested.connect(self.open_conflicts)
        self.show_all = QCheckBox(self.tr("Also show &transferred and rejected"))
        self.show_all.setAccessibleName(plain(self.show_all.text()))
        self.show_all.toggled.connect(lambda _on: self.refresh())
        self.model = InboxModel()
        self.model.setParent(self)
        self.tree = self._tree()
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No entries"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)
        self.summary = QLabel()
        self._layout()
        shortcut = QShortcut(QKeySequence("Ctrl+I"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.import_bundles)
        self.setFocusProxy(self.tree)
        self._update_buttons()

    def _tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setModel(self.model)
        tree.setAccessibleName(self.tr("Entries awaiting entry"))
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setAllColumnsShowFocus(True)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.activated.connect(self._activated)
        tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        return tree

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.open_button)
        top.addWidget(self.receipt_button)
        top.addWidget(self.log_button)
        top.addStretch(1)
        top.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.notice)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary)

    # ---- Page --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the inbox in the background (every record is loaded: years of them take a
        moment) and show it; the selected record stays selected, or its neighbour."""
        everything, inbox = self.show_all.isChecked(), self.session.inbox
        self.busy.run(
            lambda: inbox.entries(everything=everything), self._show, self._failed, latest=True
        )

    def clear(self) -> None:
        self.busy.drop_pending()
        self.model.fill([])
        self.found = {}
        self.summary.clear()
        self.empty.clear()
        self.notice.show_count(0)
        if self.flow is not None:
            self.flow.close()
        self._update_buttons()

    # ---- the list ----------------------------------------------------------------------------
    def _show(self, groups: list[InboxGroup]) -> None:
        selected, keys = self.current_key(), list(self.model.keys)
        position = keys.index(selected) if selected in keys else 0
        had_focus = self.tree.hasFocus()
        self.model.fill(groups)
        self.found = {(str(i.kind), i.id): (g, i) for g in groups for i in g.items}
        self.tree.expandAll()
        if self.model.keys:
            keep = selected if selected in self.found else None
            self.select(keep or self.model.keys[min(position, len(self.model.keys) - 1)])
            self.stack.setCurrentWidget(self.tree)
            if had_focus:
                self.tree.setFocus()
        else:
            self.empty.setText(self._empty_text())
            self.stack.setCurrentWidget(self.empty)
        self.summary.setText(self._summary())
        self.notice.show_count(0 if self.session.is_locked else self.session.conflicts.count_open())
        # the page's focus goes where a keyboard user acts next: the list, or reading bundles
        self.setFocusProxy(self.tree if self.model.keys else self.import_button)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._show([])

    def _empty_text(self) -> str:
        if self.show_all.isChecked():
            return self.tr("The inbox is empty.") + "\n\n" + self._how_to_import()
        return (
            self.tr("No entries are waiting to be transferred.") + "\n\n" + (self._how_to_import())
        )

    def _how_to_import(self) -> str:
        return self.tr("Read the laptops' bundles with “Read bundles…” (Ctrl+I).")

    def _summary(self) -> str:
        items = [item for _group, item in self.found.values()]
        waiting = sum(1 for i in items if i.waiting)
        if not self.show_all.isChecked():
            return self.tr("Waiting to be transferred: {n}").format(n=waiting) if items else ""
        return self.tr("Shown: {n}, of them open: {waiting}").format(n=len(items), waiting=waiting)

    def current_key(self) -> Key | None:
        return self.model.key_at(self.tree.currentIndex())

    def select(self, key: Key) -> None:
        index = self.model.index_of(key)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_key() is not None)

    # ---- opening a record --------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        if self.model.key_at(index) is not None:
            self.open_current()

    def open_current(self) -> None:
        key = self.current_key()
        if key is None or key not in self.found:
            return
        group, item = self.found[key]
        context = self._context(group, item)
        dialog = self._run(lambda: RecordDialog(self.session, *key, self.now, context, self))
        self._reload_after(dialog is not None and dialog.changed)

    def _context(self, group: InboxGroup, item: InboxItem) -> str:
        client = group.client or self.tr("without a client")
        return self.tr(
            "From the laptop of {caseworker} · {client} · read {when} · version {revision}"
        ).format(caseworker=group.caseworker, client=client,
                 when=local_time(item.imported_at), revision=item.revision)  # fmt: skip

    # ---- conflicts and the log ---------------------------------------------------------------
    def open_conflicts(self) -> None:
        dialog = self._run(lambda: ConflictsDialog(self.session, self.now, self))
        self._reload_after(dialog is not None and dialog.decided)

    def show_sync_log(self) -> None:
        self._run(lambda: SyncLogDialog(self.session, self))

    def _run(self, make: Callable[[], D]) -> D | None:
        """A modal dialog made by `make`, shown until closed; None (and the error told) when
        what it shows could not be read."""
        try:
            dialog = make()
        except Exception as exc:
            show_error(self, exc)
            return None
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        return dialog

    def _reload_after(self, changed: bool) -> None:
        """A dialog changed something: the list reloads, and whoever listens hears it."""
        if changed and not self.session.is_locked:
            self.refresh()
            self.changed.emit()

    # ---- reading bundles ---------------------------------------------------------------------
    def import_bundles(self) -> None:
        if self.flow is not None and self.flow.running:
            return
        paths = self.ask_paths(self)
        if not paths:
            return
        self.flow = ImportFlow(self, self.session, self.now, self.ask_trust)
        self.flow.finished.connect(self._imported)
        self.flow.start(paths)

    def _imported(self, _results: list[object]) -> None:
        self.refresh()
        self.changed.emit()

    def write_receipts(self) -> None:
        write_receipts(self, self.session, self.busy, self.receipt_button, self.now(),
                       self.ask_receipt_folder)  # fmt: skip
