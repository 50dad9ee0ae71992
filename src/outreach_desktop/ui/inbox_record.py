"""One record of the Posteingang, opened: its fields read-only with copy buttons (a protocol as
its Übernahme view), the transfer marks that apply — each set once, after a confirmation, with
who and when — and rejecting it with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.services import protocol_views
from outreach_desktop.services.inbox import InboxItem
from outreach_desktop.services.record_views import record_view
from outreach_desktop.services.session import Session
from outreach_desktop.ui.inbox_dialogs import RejectDialog
from outreach_desktop.ui.inbox_texts import acting_person, local_time, mark_label, plain_mark
from outreach_desktop.ui.messages import confirm, show_error
from outreach_desktop.ui.protocol_handover import HandoverView
from outreach_desktop.ui.widgets.common import button, scroll, style_error

SET_MARK = "QCheckBox:disabled { color: palette(window-text); }"


class RecordDialog(QDialog):
    """`changed` is True once a mark was set or the record rejected (the list then reloads)."""

    def __init__(
        self,
        session: Session,
        kind: str,
        record_id: str,
        now: Callable[[], datetime],
        context: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.now, self.kind, self.record_id = session, now, kind, record_id
        self.changed = False
        self.item: InboxItem = session.inbox.item(kind, record_id)  # type: ignore[arg-type]
        self.setWindowTitle(self.item.title)
        heading = QLabel(f"<h3>{escape(self.item.title)}</h3>")
        self.context = QLabel(context)
        self.context.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("State of the entry"))
        self.fields = HandoverView()
        self._show_fields()
        self.copied = QLabel()
        self.copied.setAccessibleName(self.tr("Copy status"))
        self.fields.copied.connect(self.copied.setText)
        self.checks: dict[str, QCheckBox] = {}
        self.stamps: dict[str, QLabel] = {}
        self.marks_box = self._marks_box()
        self.reject_button = button(self.tr("&Reject…"), self._reject)
        self.close_button = button(self.tr("&Close"), self.accept)
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()  # rejecting stands apart from closing
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.context)
        layout.addWidget(self.state)
        layout.addWidget(scroll(self.fields), 1)
        layout.addWidget(self.copied)
        layout.addWidget(self.marks_box)
        layout.addLayout(buttons)
        self._update()
        self.resize(860, 680)

    # ---- building ----------------------------------------------------------------------------
    def _show_fields(self) -> None:
        if self.kind == "protocols":
            self.fields.show_view(protocol_views.view(self.session, self.record_id))
        else:
            self.fields.show_rows(record_view(self.session, self.kind, self.record_id).rows)

    def _marks_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Transfer"))
        grid = QGridLayout(box)
        if not self.item.applies:
            note = QLabel(self.tr(
                "Nothing to enter for this entry: it came along as the context of the others "
                "and is kept here."
            ))  # fmt: skip
            note.setWordWrap(True)
            grid.addWidget(note, 0, 0)
        for row, mark in enumerate(self.item.applies):
            check = QCheckBox(mark_label(mark))
            check.setAccessibleName(plain_mark(mark))
            check.clicked.connect(lambda on, m=mark: self._set_mark(m, on))
            stamp = QLabel()
            self.checks[str(mark)], self.stamps[str(mark)] = check, stamp
            grid.addWidget(check, row, 0)
            grid.addWidget(stamp, row, 1)
        grid.setColumnStretch(1, 1)
        return box

    def _update(self) -> None:
        item = self.item
        for mark, check in self.checks.items():
            stamp = item.marks.get(mark)  # type: ignore[call-overload]
            check.setChecked(stamp is not None)
            check.setEnabled(stamp is None and item.rejected is None)
            # a set mark is final (disabled) but stays as readable as any text
            check.setStyleSheet(SET_MARK if stamp is not None else "")
            text = (
                self.tr("set by {who} on {when}").format(who=stamp.by, when=local_time(stamp.at))
                if stamp is not None
                else ""
            )
            self.stamps[mark].setText(text)
            check.setAccessibleDescription(text)
        self.state.setText(self._state_text())
        if item.rejected is not None:
            style_error(self.state, bold=True)
        else:
            self.state.setStyleSheet("font-weight: bold;")
        self.reject_button.setEnabled(item.rejected is None and not self._transferred())

    def _transferred(self) -> bool:
        return bool(self.item.applies) and self.item.transferred

    def _state_text(self) -> str:
        item = self.item
        if item.rejected is not None:
            return self.tr("Rejected by {who} on {when}: {reason}").format(
                who=item.rejected.by, when=local_time(item.rejected.at),
                reason=item.rejected_reason,
            )  # fmt: skip
        if not item.applies:
            return self.tr("Transferred: nothing to enter.")
        if item.transferred:
            return self.tr("Transferred: every mark that applies is set.")
        missing = ", ".join(plain_mark(m) for m in item.missing)
        return self.tr("Open – still missing: {missing}").format(missing=missing)

    # ---- what a person does ----------------------------------------------------------------
    def _set_mark(self, mark: str, on: bool) -> None:
        check = self.checks[mark]
        if not on:  # a set mark stays set; the box is disabled then, this is only a guard
            check.setChecked(True)
            return
        who = acting_person(self.session)
        asked = confirm(
            self, self.tr("Set mark"),
            self.tr("Set “{mark}” for “{title}”?\n\nA mark cannot be taken back. It is stored "
                    "with your name ({who}) and the time, and holds for this version of the "
                    "entry.").format(mark=plain_mark(mark), title=self.item.title, who=who),
            self.tr("Set mark"),
        )  # fmt: skip
        if not asked or self.session.is_locked:
            check.setChecked(False)
            return
        self._act(lambda: self.session.inbox.mark(
            self.item.kind, self.record_id, mark, who, self.now()))  # type: ignore[arg-type]  # fmt: skip

    def _reject(self) -> None:
        dialog = RejectDialog(self.item.title, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or self.session.is_locked:
                return
            reason = dialog.text()
        finally:
            dialog.deleteLater()
        who = acting_person(self.session)
        self._act(lambda: self.session.inbox.reject(
            self.item.kind, self.record_id, reason, who, self.now()))  # fmt: skip

    def _act(self, change: Callable[[], bool]) -> None:
        try:
            change()
        except Exception as exc:
            show_error(self, exc)
        else:
            self.changed = True
        self.item = self.session.inbox.item(self.item.kind, self.record_id)
        self._update()
