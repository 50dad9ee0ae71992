"""Working on one appointment: Vorbereitung, Vor Ort (Durchführung) and Nachbereitung, with the
home-visit timeline. Every answer is saved at once with its time; rules that block a step say
why right beside it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Item, Phase
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.workflow import AppointmentState
from outreach_desktop.ui.appointment_dialog import AppointmentDialog
from outreach_desktop.ui.checklist_view import ChecklistPhaseView
from outreach_desktop.ui.conduct_panel import ConductPanel
from outreach_desktop.ui.consents_panel import ConsentsPanel
from outreach_desktop.ui.follow_up_panel import FollowUpPanel
from outreach_desktop.ui.formats import format_date, format_time
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import error_text
from outreach_desktop.ui.timeline_panel import TimelinePanel
from outreach_desktop.ui.widgets.common import button, scroll, style_error, style_warning
from outreach_desktop.ui.widgets.tabs import tab_widget
from outreach_desktop.ui.workflow_dialogs import NewDateDialog


class AppointmentWorkDialog(QDialog):
    def __init__(
        self,
        session: Session,
        appointment_id: str,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.appointment_id, self.now = session, appointment_id, now
        self.setWindowTitle(self.tr("Appointment"))
        self.setAccessibleName(self.tr("Appointment"))
        self.resize(980, 720)
        state = session.workflow.state(appointment_id, now().date())
        self.state = state
        owner = session.owner()
        self.by = owner.id if owner else None
        top = self._top()
        self.tabs = self._tabs(state)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warnings)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        for push in self.findChildren(QPushButton):
            push.setAutoDefault(False)
        self._show(state)
        self.tabs.setCurrentIndex(self._start_tab(state))

    def _top(self) -> QHBoxLayout:
        """The heading with the appointment's two buttons, and the message and warning lines
        shown below it."""
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setAccessibleName(self.tr("Appointment"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        style_error(self.message)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        style_warning(self.warnings)
        self.warnings.setAccessibleName(self.tr("Warnings"))
        self.edit_button = button(self.tr("&Edit appointment…"), self._edit)
        self.follow_up_button = button(self.tr("Plan &follow-up…"), self._follow_up)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.follow_up_button)
        return top

    def _tabs(self, state: AppointmentState) -> QTabWidget:
        """One tab per phase (titles with their progress follow in `_show`), then the consents
        and letters."""
        items = [item for checklist in state.checklists for item in checklist.items]
        staff = self.session.staff.all()
        self.views: dict[Phase, ChecklistPhaseView] = {
            phase: ChecklistPhaseView(
                phase, [i for i in items if i.phase is phase], staff, self._answer
            )
            for phase in Phase
        }
        self.timeline: TimelinePanel | None = None
        self.conduct = ConductPanel(self.session, self.appointment_id, self.now)
        self.conduct.changed.connect(self.reload)
        tabs = tab_widget()
        tabs.setAccessibleName(self.tr("Phases"))
        preparation = QWidget()
        prep_layout = QVBoxLayout(preparation)
        if state.appointment.approach is Approach.HOME_VISIT:
            self.timeline = TimelinePanel(self.session, self.appointment_id, self.now)
            self.timeline.changed.connect(self.reload)
            prep_layout.addWidget(self.timeline)
        prep_layout.addWidget(self.views[Phase.PREPARATION])
        on_site = QWidget()
        site_layout = QVBoxLayout(on_site)
        site_layout.addWidget(self.conduct)
        site_layout.addWidget(self.views[Phase.ON_SITE])
        follow = QWidget()
        follow_layout = QVBoxLayout(follow)
        self.protocol_button = button(self.tr("&Memory protocol…"), self.open_protocol)
        follow_layout.addWidget(self.protocol_button)
        self.follow_up = FollowUpPanel(self.session, self.appointment_id, self.now)
        self.follow_up.changed.connect(self.reload)
        follow_layout.addWidget(self.follow_up)
        follow_layout.addWidget(self.views[Phase.FOLLOW_UP])
        tabs.addTab(scroll(preparation), "")
        tabs.addTab(scroll(on_site), "")
        tabs.addTab(scroll(follow), "")
        self.consents = ConsentsPanel(self.session, self.appointment_id, self.now)
        self.consents.changed.connect(self.reload)
        tabs.addTab(scroll(self.consents), self.tr("Consents and letters"))
        return tabs

    # ---- state -------------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            self.state = self.session.workflow.state(self.appointment_id, self.now().date())
        except UserError as exc:
            self._message(error_text(exc))
            return
        self._show(self.state)

    def _show(self, state: AppointmentState) -> None:
        a = state.appointment
        client = self.session.clients.find(a.client_id) if a.client_id else None
        who = client.display_name if client else self.tr("anonymous")
        place = a.place or (client.address if client and a.approach is Approach.HOME_VISIT else "")
        self.header.setText(
            f"<h2>{label_of(a.approach)}: {escape(who)}</h2>"
            f"{format_date(a.start.date())}, {format_time(a.start)}–{format_time(a.end)}"
            + (f" · {escape(place.replace(chr(10), ', '))}" if place else "")
        )
        self.protocol_button.setText(self._protocol_button_text(a))
        warnings = list(state.warnings)
        for problem in self.session.workflow.checklist_set.problems:
            warnings.append(
                self.tr(
                    "The agency's checklist file has an error and is not used; the "
                    "built-in checklist applies. {problem}"
                ).format(problem=str(problem))
            )
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        for index, phase in enumerate(Phase):
            done, total = state.progress(phase)
            self.tabs.setTabText(index, f"{label_of(phase)} ({done}/{total})")
            statuses = [s for s in state.status.items if s.item.phase is phase]
            self.views[phase].update(statuses, done, total, self._blocks_label)
        self.conduct.update_state(state)
        self.follow_up.update_state(state)
        if hasattr(self, "consents"):
            self.consents.refresh()
        if self.timeline is not None:
            self.timeline.update_state(state)

    def _start_tab(self, state: AppointmentState) -> int:
        if state.conduct.outcome is not None:
            return 2
        if (
            state.conduct.started_at is not None
            or state.appointment.start.date() == self.now().date()
        ):
            return 1
        return 0

    def _blocks_label(self, item: Item) -> str:
        return label_of(item.blocks) if item.blocks else ""

    # ---- actions -----------------------------------------------------------------------------
    def _answer(self, item_id: str, value: Any) -> None:
        try:
            self.session.workflow.answer(self.appointment_id, item_id, value, self.now(), self.by)
        except UserError as exc:
            self._message(error_text(exc))
        else:
            self._message("")
        self.reload()

    def _message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _protocol_button_text(self, a: Appointment) -> str:
        """Says what the button leads to: a new protocol, the draft, or the finalized one."""
        if a.client_id is None:
            return self.tr("Record &anonymous counselling…")
        existing = self.session.protocols.for_appointment(a.id)
        if not existing:
            return self.tr("Write &memory protocol…")
        latest = existing[-1]
        if not latest.is_final:
            return self.tr("Continue &memory protocol (draft)…")
        if latest.addenda:
            return self.tr("Open &memory protocol (finalized, {n} addenda)…").format(
                n=len(latest.addenda)
            )
        return self.tr("Open &memory protocol (finalized)…")

    def open_protocol(self) -> None:
        """The appointment's memory protocol: the existing one, or a new draft; for an
        anonymous appointment the anonymous-counselling record (day, approach, duration)."""
        from outreach_desktop.ui.protocol_editor import ProtocolEditor

        if self.state.appointment.client_id is None:  # anonymous: only the frame is kept
            from outreach_desktop.ui.protocols_page import AnonymousDialog

            AnonymousDialog(self.session, self.now, self, self.state.appointment).run()
            return
        try:
            existing = self.session.protocols.for_appointment(self.appointment_id)
            protocol = (
                existing[-1]
                if existing
                else self.session.protocols.begin(self.now(), appointment_id=self.appointment_id)
            )
        except UserError as exc:
            self._message(error_text(exc))
            return
        ProtocolEditor(self.session, protocol.id, self.now, self).run()
        if not self.session.is_locked:
            self.reload()

    def _edit(self) -> None:
        dialog = AppointmentDialog(self.session, self.state.appointment, self)
        if dialog.run():
            self.reload()

    def _follow_up(self) -> None:
        if NewDateDialog(self.session, self.state.appointment, False, self.now, self).run():
            self.reload()

    def done(self, result: int) -> None:
        """Text typed but not yet confirmed with Enter is saved too (also when locking)."""
        for view in self.views.values():
            for row in view.rows.values():
                editor = row.editor
                if isinstance(editor, QLineEdit) and editor.isModified():
                    editor.setModified(False)
                    text = editor.text().strip() or None
                    with contextlib.suppress(UserError):
                        self.session.workflow.answer(
                            self.appointment_id, row.item.id, text, self.now(), self.by
                        )
        super().done(result)

    def run(self) -> bool:
        try:
            return bool(self.exec())
        finally:
            self.deleteLater()
