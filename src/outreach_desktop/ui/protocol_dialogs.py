"""The small dialogs of the protocol editor: addendum, countersignature, follow-up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtWidgets import QComboBox, QWidget

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.services.session import Session
from outreach_desktop.ui.form_dialog import FormDialog, text_area
from outreach_desktop.ui.workflow_dialogs import date_edit, read_datetime, time_edit


class AddendumDialog(FormDialog):
    keep_on_lock = False  # an addendum is permanent: never added without the writer's "Save"

    def __init__(self, session: Session, protocol_id: str, now: Callable[[], datetime],
                 by: str, parent: QWidget | None) -> None:  # fmt: skip
        super().__init__(parent, self.tr("Addendum"))
        self.session, self.protocol_id, self.now, self.by = session, protocol_id, now, by
        self.set_intro(self.tr("The protocol stays as it was; the addendum is shown with it."))
        self.text = text_area("", 5, max_len=limits.ADDENDUM_TEXT)
        self.add_field("text", self.tr("&Addendum"), self.text)

    def save(self) -> Protocol:
        return self.session.protocols.add_addendum(
            self.protocol_id, self.text.toPlainText(), self.now(), self.by
        )


class CountersignDialog(FormDialog):
    """Home visit: the second staff member confirms the protocol, by name."""

    keep_on_lock = False  # a signature is never given by a lock

    def __init__(self, session: Session, protocol: Protocol, now: Callable[[], datetime],
                 parent: QWidget | None) -> None:  # fmt: skip
        super().__init__(parent, self.tr("Countersign"))
        self.session, self.protocol_id, self.now = session, protocol.id, now
        staff = session.staff.names()
        self.person = QComboBox()
        for staff_id in protocol.staff_ids:
            if staff_id != protocol.finalized_by and staff_id in staff:
                self.person.addItem(staff[staff_id], staff_id)
        self.set_intro(
            self.tr("With the countersignature the second staff member confirms that the protocol "
                    "describes the home visit correctly. It cannot be taken back.")
            if self.person.count() else
            self.tr("There is no second staff member on this home visit.")
        )  # fmt: skip
        self.add_field("countersigned_by", self.tr("&Countersigned by"), self.person)

    def save(self) -> object:
        if self.person.currentData() is None:
            raise DomainError("Bei diesem Hausbesuch ist keine zweite Person eingetragen.")
        return self.session.protocols.countersign(
            self.protocol_id, self.person.currentData(), self.now()
        )


class FollowUpDialog(FormDialog):
    """The follow-up appointment named in the protocol; it appears under Termine."""

    keep_on_lock = False

    def __init__(self, session: Session, protocol: Protocol, parent: QWidget | None) -> None:
        super().__init__(parent, self.tr("Plan follow-up appointment"))
        self.session, self.protocol_id = session, protocol.id
        start = protocol.met_at + timedelta(days=14)
        self.date = date_edit(start.date())
        self.add_field("start", self.tr("&Date"), self.date)
        self.time = time_edit(start.time())
        self.add_field("start_time", self.tr("&Time"), self.time)
        self.place = self.line(
            "place", self.tr("&Place"), protocol.place, max_len=limits.APPOINTMENT_PLACE
        )

    def save(self) -> object:
        return self.session.protocols.plan_follow_up(
            self.protocol_id, read_datetime(self.date, self.time), self.place.text().strip()
        )
