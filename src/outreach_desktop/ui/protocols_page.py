"""Protokolle: memory protocols (drafts first), a new one without an appointment (e.g. a
spontaneous Walk and Talk), and anonymous counselling, which keeps nothing but its frame."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QWidget

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.protocols import Protocol, ProtocolListing
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.client_picker import ClientPicker
from outreach_desktop.ui.form_dialog import FormDialog, enum_combo
from outreach_desktop.ui.formats import format_datetime
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.list_page import ListPage
from outreach_desktop.ui.messages import show_info
from outreach_desktop.ui.protocol_editor import ProtocolEditor
from outreach_desktop.ui.table_model import Column, More
from outreach_desktop.ui.workflow_dialogs import date_edit, read_date, read_datetime, time_edit

translate = QCoreApplication.translate
PAGE = 100  # protocols read at a time (the table asks for more as it scrolls)


class StandaloneProtocolDialog(FormDialog):
    """A protocol without an appointment: who, which approach, when."""

    keep_on_lock = False

    def __init__(
        self, session: Session, now: Callable[[], datetime], parent: QWidget | None
    ) -> None:
        super().__init__(parent, self.tr("New memory protocol"))
        self.session, self.now = session, now
        self.client = ClientPicker(session.clients.search)
        self.client.setCurrentIndex(-1)  # chosen on purpose, never the first by accident
        self.client.lineEdit().setPlaceholderText(self.tr("Type a name…"))
        self.client_label = self.tr("&Client")
        self.add_field("client_id", self.client_label, self.client)
        self.approach = enum_combo(Approach, Approach.WALK_AND_TALK)
        self.add_field("approach", self.tr("&Approach"), self.approach)
        current = now()
        self.date = date_edit(current.date())
        self.add_field("met_at", self.tr("&Date"), self.date)
        self.time = time_edit(current.time())
        self.add_field("met_at_time", self.tr("&Time"), self.time)
        owner = session.owner()
        self.second = QComboBox()
        self.second.addItem(self.tr("nobody"), None)
        for s in session.staff.all():
            if owner is None or s.id != owner.id:
                self.second.addItem(s.name, s.id)
        hint = self.tr("A home visit is normally made by two; the second countersigns.")
        self.add_field("staff_ids", self.tr("&Second staff member"), self.second, hint)

    def save(self) -> Protocol:
        owner = self.session.owner()
        staff = [owner.id] if owner else []
        if self.second.currentData():
            staff.append(self.second.currentData())
        return self.session.protocols.begin(
            self.now(), client_id=self.client.value("client_id", self.client_label),
            approach=self.approach.value(),
            met_at=read_datetime(self.date, self.time), staff_ids=staff,
        )  # fmt: skip


class AnonymousDialog(FormDialog):
    """Anonymous counselling: the form has no field for a name or for content, on purpose."""

    def __init__(
        self,
        session: Session,
        now: Callable[[], datetime],
        parent: QWidget | None,
        appointment: Appointment | None = None,
    ) -> None:
        super().__init__(parent, self.tr("Anonymous counselling"))
        self.session, self.appointment = session, appointment
        self.set_intro(self.tr(
            "Only the day, the approach, the duration and the staff are kept, for the "
            "statistics. No name and no content are stored — there is no place for them."
        ))  # fmt: skip
        a = appointment  # an anonymous appointment fills in its frame
        self.date = date_edit(a.start.date() if a else now().date())
        self.add_field("day", self.tr("&Day"), self.date)
        self.approach = enum_combo(Approach, a.approach if a else Approach.WALK_AND_TALK)
        self.add_field("approach", self.tr("&Approach"), self.approach)
        self.duration = QSpinBox()
        self.duration.setRange(1, 480)
        self.duration.setValue(a.planned_duration_min if a else 30)
        self.duration.setSuffix(" min")
        self.add_field("duration_min", self.tr("D&uration"), self.duration)

    def save(self) -> object:
        owner = self.session.owner()
        staff = list(self.appointment.staff_ids) if self.appointment else []
        return self.session.protocols.record_anonymous(
            read_date(self.date), self.approach.value(), self.duration.value(),
            staff or ([owner.id] if owner else []),
        )  # fmt: skip


def _state(p: ProtocolListing) -> str:
    if not p.is_final:
        return translate("ListColumns", "draft")
    text = translate("ListColumns", "finalized")
    if p.addenda == 1:
        text += " · " + translate("ListColumns", "1 addendum")
    elif p.addenda:
        text += " · " + translate("ListColumns", "{n} addenda").format(n=p.addenda)
    return text


def _columns() -> list[Column[ProtocolListing]]:
    R = ProtocolListing
    return [
        Column[R](
            translate("ListColumns", "Met on"),
            lambda r: format_datetime(r.met_at),
            sort_key=lambda r: r.met_at,
        ),
        Column[R](translate("ListColumns", "Approach"), lambda r: label_of(r.approach)),
        Column[R](translate("ListColumns", "Client"), lambda r: r.client_name or "—"),
        Column[R](translate("ListColumns", "Topics"), lambda r: r.topics, stretch=True),
        Column[R](translate("ListColumns", "State"), _state),
    ]


class ProtocolsPage(ListPage):
    def __init__(
        self,
        session: Session,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_columns(), parent)
        self.session, self.now = session, now
        self.anonymous_button = QPushButton(self.tr("&Anonymous counselling…"))
        self.anonymous_button.setAccessibleName(self.tr("Anonymous counselling"))
        self.anonymous_button.clicked.connect(self._anonymous)
        self.buttons_row.insertWidget(2, self.anonymous_button)
        self.anonymous_summary = QLabel()
        self.anonymous_summary.setWordWrap(True)
        self.body_layout.addWidget(self.anonymous_summary)
        self.set_texts(
            self.tr("Memory protocols"),
            self.tr("No memory protocols yet. Write one from an appointment's follow-up, or "
                    "with “New” (Ctrl+N) for a meeting without an appointment."),
        )  # fmt: skip

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        super().refresh(then)
        self._summarize_anonymous()

    def fetch(self, query: str, limit: int) -> list[Any]:
        """The first page (drafts first, newest first); the rest as the table scrolls."""
        return list(self.session.protocols.listing(query, 0, min(PAGE, limit)))

    def more(self, query: str) -> More[Any] | None:
        return lambda offset: list(self.session.protocols.listing(query, offset, PAGE))

    def editor(self, record: Any | None) -> Any:
        return StandaloneProtocolDialog(self.session, self.now, self)

    def open_editor(self, record: Any | None) -> None:
        if record is None:
            dialog = StandaloneProtocolDialog(self.session, self.now, self)
            if not dialog.run() or dialog.saved is None:
                return
            record = dialog.saved
        ProtocolEditor(self.session, record.id, self.now, self).run()
        if not self.session.is_locked:
            self.refresh()
            self.changed.emit()

    def remove(self, record: Any) -> None:
        self.session.protocols.delete_draft(record.id)

    def describe(self, record: Any) -> str:
        return format_datetime(record.met_at)

    def _summarize_anonymous(self) -> None:
        """How much anonymous counselling was recorded, counted in the background."""
        month = self.now().date()

        def count() -> tuple[int, int]:
            days = [a.day for a in self.session.protocols.anonymous_counselling()]
            return len(days), sum(1 for d in days if (d.year, d.month) == (month.year, month.month))

        self.busy.run(count, self._show_anonymous)

    def _show_anonymous(self, counts: tuple[int, int]) -> None:
        total, month = counts
        self.anonymous_summary.setText(
            self.tr("Anonymous counselling: {total} recorded, {month} of them this month.").format(
                total=total, month=month
            )
            if total
            else self.tr("No anonymous counselling recorded yet.")
        )

    def _anonymous(self) -> None:
        if AnonymousDialog(self.session, self.now, self).run():
            self._summarize_anonymous()
            show_info(
                self,
                self.tr("Anonymous counselling"),
                self.tr("Recorded: day, approach, duration and staff only."),
            )
