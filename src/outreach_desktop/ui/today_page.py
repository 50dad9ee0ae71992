"""Heute: today's appointments with checklist progress, letters due, follow-ups still open,
appointments past their time without an outcome, and what comes next — each one Enter away
from its work."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.checklists import Phase
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.home_visit import LetterWindow
from outreach_desktop.services.appointments import AppointmentView
from outreach_desktop.services.export import Pending
from outreach_desktop.services.session import Session
from outreach_desktop.services.today import (
    UPCOMING_DAYS,
    DraftEntry,
    Entry,
    TodayOverview,
    as_views,
    letters_as_views,
    today_overview,
    with_progress,
)
from outreach_desktop.ui.appointment_dialog import AppointmentDialog
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.day_plan_dialog import DayPlanDialog
from outreach_desktop.ui.formats import format_date, format_datetime, format_long_date, format_time
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import show_error
from outreach_desktop.ui.protocol_editor import ProtocolEditor
from outreach_desktop.ui.widgets import today_section
from outreach_desktop.ui.widgets.common import scroll
from outreach_desktop.ui.widgets.today_section import Section


class TodayPage(QWidget):
    changed = Signal()

    def __init__(
        self,
        session: Session,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.today, self.now = session, today, now
        self.busy = Busy(self, lambda: not session.is_locked)
        self.heading = QLabel()
        self.heading.setAccessibleName(self.tr("Today"))
        self.plan_button = QPushButton(self.tr("&Plan appointment…"))
        self.plan_button.setAccessibleName(self.tr("Plan appointment"))
        self.plan_button.clicked.connect(self.plan)
        self.outings_button = QPushButton(self.tr("&Outside appointments…"))
        self.outings_button.setToolTip(
            self.tr("Print today's outside appointments for the team board, or save them as PDF")
        )
        self.outings_button.clicked.connect(self.day_plan)
        self.sections = self._sections()
        # the lists as attributes for tests and keyboard users
        self.today_list = self.sections["today"].list
        self.today_empty = self.sections["today"].empty
        self.upcoming_list = self.sections["upcoming"].list
        self.letters_list = self.sections["letters"].list
        self.follow_up_list = self.sections["follow_up"].list
        self.overdue_list = self.sections["overdue"].list
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.outings_button)
        top.addWidget(self.plan_button)
        self.handover = QLabel()  # what waits to go to the office (a laptop that joined)
        self.handover.setWordWrap(True)
        self.handover.setAccessibleName(self.tr("Handover to the office"))
        self.handover.hide()
        content = QWidget()
        body = QVBoxLayout(content)
        body.addWidget(self.handover)
        for section in self.sections.values():  # in the order they are listed
            section.add_to(body)
        body.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll(content, framed=False), 1)

    def _sections(self) -> dict[str, Section]:
        """Each list with its heading and empty text, in the order the page shows them."""
        return {
            "today": Section(
                self.tr("Today"),
                self.tr("No appointments today. Plan one with “Plan appointment…”."),
                self.open_appointment,
            ),
            "letters": Section(self.tr("Letters due"), "", self.open_appointment),
            "no_protocol": Section(
                self.tr("Outcomes without a memory protocol"), "", self.open_appointment
            ),
            "drafts": Section(
                self.tr("Memory protocols not yet finalized"), "", self.open_protocol
            ),
            "follow_up": Section(self.tr("Follow-up still open"), "", self.open_appointment),
            "overdue": Section(
                self.tr("Past appointments without an outcome"), "", self.open_appointment
            ),
            "upcoming": Section(
                self.tr("Next {days} days").format(days=UPCOMING_DAYS),
                self.tr("Nothing planned for the next {days} days.").format(days=UPCOMING_DAYS),
                self.open_appointment,
            ),
        }

    def clear(self) -> None:
        self.busy.drop_pending()
        for section in self.sections.values():
            section.clear()

    def refresh(self) -> None:
        """Put the overview together in the background (it reads every appointment's
        checklists: slow in a large vault), then fill the lists."""
        day = self.today()
        self.heading.setText(
            "<h2>" + self.tr("Today, {date}").format(date=format_long_date(day)) + "</h2>"
        )
        session, first = self.session, today_section.FIRST_ROWS
        self.busy.run(
            lambda: (
                today_overview(session, day, first),
                session.outbox.pending() if session.outbox.joined() else None,
            ),
            lambda found: self._fill(found[0], day, found[1]),
            latest=True,
        )

    def _fill(self, overview: TodayOverview, day: date, pending: Pending | None) -> None:
        self._show_handover(pending)
        s = self.sections

        def progress(items: Sequence[Any]) -> list[Entry]:  # the rows shown next, read
            return with_progress(self.session, items, day)

        def follow_up(items: Sequence[Any]) -> list[Entry]:
            return with_progress(self.session, items, day, Phase.FOLLOW_UP)

        def views(items: Sequence[Any]) -> list[AppointmentView]:
            return as_views(self.session, items)

        s["today"].fill(
            overview.today,
            lambda e: (self.describe_entry(e, False), e.view.appointment.id),
            prepare=progress,
        )
        s["letters"].fill(
            overview.letters_due,
            lambda vw: (self.describe_letter(vw[0], vw[1], day), vw[0].appointment.id),
            hide_when_empty=True,
            prepare=lambda items: letters_as_views(self.session, items),
        )
        s["follow_up"].fill(
            overview.follow_up_open,
            lambda e: (self.describe_entry(e, True, follow_up=True), e.view.appointment.id),
            hide_when_empty=True,
            prepare=follow_up,
        )
        s["no_protocol"].fill(
            overview.without_protocol,
            lambda v: (self.describe(v, True), v.appointment.id),
            hide_when_empty=True,
            prepare=views,
        )
        s["drafts"].fill(
            overview.drafts, lambda d: (self.describe_draft(d), d.protocol_id), hide_when_empty=True
        )
        s["overdue"].fill(
            overview.overdue,
            lambda v: (self.describe(v, True), v.appointment.id),
            hide_when_empty=True,
        )
        s["upcoming"].fill(
            overview.upcoming,
            lambda e: (self.describe_entry(e, True), e.view.appointment.id),
            prepare=progress,
        )

    def _show_handover(self, pending: Pending | None) -> None:
        """The line on what waits to go to the office (a laptop that joined: else None)."""
        if pending is None:
            self.handover.hide()
            return
        since = pending.waiting_since
        waiting = pending.joined and since is not None
        if since is not None:
            self.handover.setText("<b>" + self.tr(
                "Handover to the office: {n} records wait since {day} (Ctrl+8)."
            ).format(n=pending.waiting_total,
                     day=format_date(since.astimezone().date())) + "</b>")  # fmt: skip
        self.handover.setVisible(waiting)

    def describe_letter(self, view: AppointmentView, window: LetterWindow, day: date) -> str:
        template = (
            self.tr("{kind} for {who} (visit on {visit}): overdue since {due}")
            if window.due < day
            else self.tr("{kind} for {who} (visit on {visit}): due on {due}")
        )
        return template.format(
            kind=label_of(window.kind), who=view.client_name,
            visit=format_date(view.appointment.start.date()), due=format_date(window.due),
        )  # fmt: skip

    def describe_entry(self, entry: Entry, with_date: bool, follow_up: bool = False) -> str:
        text = self.describe(entry.view, with_date)
        if entry.total:
            template = (self.tr("follow-up {done}/{total}") if follow_up
                        else self.tr("checklist {done}/{total}"))  # fmt: skip
            text += "  ·  " + template.format(done=entry.done, total=entry.total)
        if follow_up and entry.evaluated and entry.done == entry.total:  # open until closed
            text += "  ·  " + self.tr("ready to close")
        return text

    def describe(self, view: AppointmentView, with_date: bool) -> str:
        a = view.appointment
        when = f"{format_time(a.start)}–{format_time(a.end)}"
        if with_date:
            when = f"{format_date(a.start.date())}  {when}"
        parts = [when, label_of(a.approach), view.client_name or self.tr("anonymous")]
        if view.where:
            parts.append(view.where)
        parts.append(label_of(a.status))
        return "  ·  ".join(parts)

    def describe_draft(self, d: DraftEntry) -> str:
        days = (self.today() - d.met_at.date()).days
        age = self.tr("open for {n} days").format(n=days) if days > 1 else ""
        parts = [format_datetime(d.met_at), label_of(d.approach), d.client_name,
                 d.topics or self.tr("(no topics yet)"), age]  # fmt: skip
        return "  ·  ".join(p for p in parts if p)

    def open_protocol(self, protocol_id: str) -> None:
        try:
            ProtocolEditor(self.session, protocol_id, self.now, self).run()
        except UserError as exc:
            show_error(self, exc)
        if not self.session.is_locked:
            self.refresh()
            self.changed.emit()

    def plan(self) -> None:
        dialog = AppointmentDialog(self.session, None, self, day=self.today())
        if dialog.run() and not self.session.is_locked:
            self.refresh()
            self.changed.emit()

    def day_plan(self) -> None:
        dialog = DayPlanDialog(self.session, self.today(), self.now, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def open_appointment(self, appointment_id: str) -> None:
        try:
            dialog = AppointmentWorkDialog(self.session, appointment_id, self.now, self)
        except UserError as exc:
            show_error(self, exc)
            self.refresh()
            return
        dialog.run()
        if not self.session.is_locked:  # locking closes the dialog and ends this page
            self.refresh()
            self.changed.emit()
