"""Nachbereitung: documented directly at the mobile workstation (MAP) in VerBIS instead of a
memory protocol (who, when), and closing the follow-up — refused, with the open items beside the
button, while the follow-up's required items are not met (`conduct.step_reasons`, as on the
command line)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.checklists import Transition
from outreach_desktop.domain.documentation import map_reasons
from outreach_desktop.domain.errors import UserError
from outreach_desktop.services.session import Session
from outreach_desktop.services.workflow import AppointmentState
from outreach_desktop.ui.form_dialog import FormDialog
from outreach_desktop.ui.formats import format_datetime
from outreach_desktop.ui.messages import show_error
from outreach_desktop.ui.widgets.common import style_error
from outreach_desktop.ui.workflow_dialogs import name_buttons


class MapDialog(FormDialog):
    """Who documented the appointment directly at the MAP in VerBIS; the time is now."""

    keep_on_lock = False  # records what happened: never without a confirmation

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        now: Callable[[], datetime],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent, self.tr("Documented at the MAP"))
        self.session, self.appointment_id, self.now = session, appointment_id, now
        name_buttons(self, self.tr("&Record"), self.tr("Back"))
        self.set_intro(self.tr(
            "The appointment was documented directly at the mobile workstation (MAP) in VerBIS. "
            "Then no memory protocol is needed, and the follow-up's VerBIS items are met."
        ))  # fmt: skip
        owner = session.owner()
        self.by = self.line("map_documented_by", self.tr("Documented &by"),
                            owner.name if owner else "", max_len=limits.NAME)  # fmt: skip

    def save(self) -> object:
        return self.session.workflow.document_at_map(
            self.appointment_id, self.by.text(), self.now()
        )


class FollowUpPanel(QGroupBox):
    changed = Signal()

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Documentation and closing"))
        self.session, self.appointment_id, self.now = session, appointment_id, now
        self.map_button = QPushButton(self.tr("Documented at the MA&P in VerBIS…"))
        self.map_button.setAccessibleName(self.tr("Documented at the MAP in VerBIS"))
        self.map_button.clicked.connect(self._map)
        self.map_note = QLabel()
        self.map_note.setWordWrap(True)
        self.close_button = QPushButton(self.tr("&Close follow-up"))
        self.close_button.setAccessibleName(self.tr("Close follow-up"))
        self.close_button.clicked.connect(self._close)
        self.close_reasons = QLabel()
        self.close_reasons.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self.map_button, 0, 0)
        grid.addWidget(self.map_note, 0, 1)
        grid.addWidget(self.close_button, 1, 0)
        grid.addWidget(self.close_reasons, 1, 1)
        grid.setColumnStretch(1, 1)

    def update_state(self, state: AppointmentState) -> None:
        conduct = state.conduct
        if conduct.map_documented_at is not None:
            self.map_button.setEnabled(False)
            self.map_note.setText(
                self.tr("by {who}, {when}").format(
                    who=conduct.map_documented_by, when=format_datetime(conduct.map_documented_at)
                )
            )
        else:  # fmt: skip
            refused = map_reasons(state.appointment, conduct)
            self.map_button.setEnabled(not refused)
            self.map_note.setText(" ".join(refused) or self.tr(
                "Instead of a memory protocol, if the MAP was used."))  # fmt: skip
        close = state.options.step(Transition.CLOSE)
        if conduct.closed_at is not None:
            self.close_button.setEnabled(False)
            style_error(self.close_reasons, shown=False)
            self.close_reasons.setText(
                self.tr("closed {when}").format(when=format_datetime(conduct.closed_at))
            )
        else:
            allowed = close is not None and close.allowed
            self.close_button.setEnabled(allowed)
            style_error(self.close_reasons, shown=not allowed)
            self.close_reasons.setText(
                " ".join(close.messages) if close is not None and not allowed
                else self.tr("Everything needed is done.")
            )  # fmt: skip

    def _map(self) -> None:
        if MapDialog(self.session, self.appointment_id, self.now, self).run():
            self.changed.emit()

    def _close(self) -> None:
        try:
            self.session.workflow.close(self.appointment_id, self.now())
        except UserError as exc:
            show_error(self, exc)
        self.changed.emit()
