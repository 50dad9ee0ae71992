"""Conflicts on the Posteingang: the notice that some wait for a decision, and the dialog that
shows both versions of a record side by side — the fields that differ highlighted — to keep the
stored version or take the new one, each decided once after a confirmation
(services/conflicts.py). Taking the new version is offered only where it can be stored; where
not, the button stays disabled and the reason is shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.services.conflicts import ConflictView, Decision, How
from outreach_desktop.services.session import Session
from outreach_desktop.ui.inbox_texts import acting_person, local_time, plain_mark
from outreach_desktop.ui.messages import confirm, show_error, show_info
from outreach_desktop.ui.widgets.common import WARNING_COLOR, buddy_label, button, style_error

DIFFERS = QColor("#fff0c2")  # a light amber behind the fields that differ
NOTICE_STYLE = (
    "QFrame#conflictNotice { background: #fff0c2; border-radius: 4px;"
    f" border: 1px solid {WARNING_COLOR}; }}"
)


class ConflictNotice(QFrame):
    """ "2 Konflikte warten auf eine Entscheidung" and the button that opens them; hidden while
    none waits."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictNotice")
        self.setStyleSheet(NOTICE_STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold;")
        self.open_button = button(self.tr("&Decide conflicts…"), self.open_requested.emit)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        self.show_count(0)

    def show_count(self, n: int) -> None:
        if n == 1:
            self.text.setText(self.tr("1 conflict is waiting for a decision."))
        else:
            self.text.setText(self.tr("{n} conflicts are waiting for a decision.").format(n=n))
        self.text.setAccessibleName(self.text.text())
        self.setVisible(n > 0)


def _cell(text: str, differs: bool) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if differs:
        item.setBackground(DIFFERS)
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    return item


class ConflictsDialog(QDialog):
    """The open conflicts, one shown at a time; `decided` is True once one was decided (the
    Posteingang then reloads)."""

    def __init__(
        self, session: Session, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.now = session, now
        self.decided = False
        self.views: list[ConflictView] = []
        self.setWindowTitle(self.tr("Conflicts"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Open conflicts"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.list.currentRowChanged.connect(lambda _row: self._show_current())
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.context = QLabel()
        self.context.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = self._table()
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        style_error(self.refusal)
        self.keep_button = button(self.tr("Keep the &stored version"), lambda: self._decide("kept"))
        self.replace_button = button(
            self.tr("Take the &new version"), lambda: self._decide("replaced")
        )
        self.close_button = button(self.tr("&Close"), self.accept)
        self._layout()
        self.resize(1180, 720)
        self.reload()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setAccessibleName(self.tr("Both versions side by side"))
        table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Stored version"), self.tr("New version")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        return table

    def _layout(self) -> None:
        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(buddy_label(self.tr("&Conflicts"), self.list))
        side.addWidget(self.list, 1)
        right = QWidget()
        main = QVBoxLayout(right)
        main.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.context, self.summary):
            main.addWidget(widget)
        main.addWidget(self.table, 1)
        main.addWidget(self.refusal)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 900])
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.replace_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    # ---- showing -------------------------------------------------------------------------------
    def reload(self, row: int = 0) -> None:
        """Read the open conflicts again and show the one at `row` (or the last)."""
        self.views = self.session.conflicts.conflicts()
        self.list.blockSignals(True)
        self.list.clear()
        for view in self.views:
            self.list.addItem(view.title + (f"\n{view.client}" if view.client else ""))
        self.list.blockSignals(False)
        if self.views:
            self.list.setCurrentRow(min(row, len(self.views) - 1))
        self._show_current()

    def current(self) -> ConflictView | None:
        row = self.list.currentRow()
        return self.views[row] if 0 <= row < len(self.views) else None

    def _show_current(self) -> None:
        view = self.current()
        self.table.setRowCount(0)
        if view is None:
            self.heading.setText("<h3>" + escape(self.tr("Every conflict is decided.")) + "</h3>")
            for label in (self.context, self.summary, self.refusal):
                label.clear()
        else:
            self._show(view)
        self.keep_button.setEnabled(view is not None)
        self.replace_button.setEnabled(view is not None and view.can_replace)
        why = view.refusal if view is not None else ""
        self.replace_button.setToolTip(why)
        self.replace_button.setAccessibleDescription(why)

    def _show(self, view: ConflictView) -> None:
        client = f" · {view.client}" if view.client else ""
        self.heading.setText(f"<h3>{escape(view.title + client)}</h3>")
        self.context.setText(self.tr(
            "The stored version (version {stored}) and another one (version {other}) from the "
            "laptop of {caseworker} (device {device}), read {when}. Decide which one the office "
            "keeps; the decision is final."
        ).format(stored=view.stored_revision or "–", other=view.other_revision,
                 caseworker=view.caseworker, device=view.sender[:8],
                 when=local_time(view.found_at)))  # fmt: skip
        differing = ", ".join(view.differing)
        self.summary.setText(
            self.tr("Fields that differ (highlighted): {fields}").format(fields=differing)
            if differing
            else self.tr("The versions read the same; they differ only where nothing is shown.")
        )
        self.table.setRowCount(len(view.rows))
        for row, pair in enumerate(view.rows):
            label = ("≠ " if pair.differs else "") + pair.label
            for column, text in enumerate((label, pair.stored or "—", pair.other or "—")):
                self.table.setItem(row, column, _cell(text, pair.differs))
        self.table.resizeRowsToContents()
        self.refusal.setText(
            self.tr("The new version cannot be taken: {why}").format(why=view.refusal)
            if view.refusal
            else ""
        )

    # ---- deciding ------------------------------------------------------------------------------
    def _decide(self, how: How) -> None:
        view, row = self.current(), self.list.currentRow()
        if view is None or not self._confirmed(view, how):
            return
        if self.session.is_locked:
            return
        try:
            decision = self.session.conflicts.resolve(
                view.id, how, acting_person(self.session), self.now()
            )
        except Exception as exc:
            show_error(self, exc)
        else:
            self.decided = True
            self._tell(decision)
        self.reload(row)

    def _confirmed(self, view: ConflictView, how: How) -> bool:
        who = acting_person(self.session)
        final = self.tr(
            "The decision is stored with your name ({who}) and the time and cannot be undone."
        ).format(who=who)
        if how == "kept":
            text = self.tr(
                "Keep the stored version of “{title}”?\n\nThe new version stays on record beside "
                "it; nothing else changes."
            ).format(title=view.title)
            return confirm(self, self.tr("Keep the stored version"), text + "\n\n" + final,
                           self.tr("Keep"))  # fmt: skip
        text = self.tr(
            "Take the new version of “{title}”?\n\nIt takes the stored version's place; fields "
            "that differ: {fields}."
        ).format(title=view.title, fields=", ".join(view.differing) or "–")
        return confirm(self, self.tr("Take the new version"), text + "\n\n" + final,
                       self.tr("Take"))  # fmt: skip

    def _tell(self, decision: Decision) -> None:
        """A new version taken where marks were set already: what changed is entered too."""
        if not decision.earlier_marks:
            return
        marks = ", ".join(plain_mark(m) for m in decision.earlier_marks)
        show_info(self, self.tr("Take the new version"), self.tr(
            "Already marked for the version before: {marks}. Please enter what changed there "
            "too."
        ).format(marks=marks))  # fmt: skip
