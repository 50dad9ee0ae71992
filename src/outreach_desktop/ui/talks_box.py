"""Talks with a third party in the client's absence: the log (when, with whom, under which
release) and "Gespräch mit Dritten erfassen", allowed only under a release that names that third
party and was in force then (the rule: `domain.third_party_talks`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.consents import Consent, ConsentKind, ConsentState
from outreach_desktop.domain.third_party_talks import ThirdPartyTalk
from outreach_desktop.services.session import Session
from outreach_desktop.ui.form_dialog import FormDialog
from outreach_desktop.ui.formats import format_date, format_datetime
from outreach_desktop.ui.widgets.common import button
from outreach_desktop.ui.workflow_dialogs import date_edit, name_buttons, read_datetime, time_edit


class TalksBox(QGroupBox):
    """The client's talks with third parties and the button to log one."""

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        now: Callable[[], datetime],
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Talks with third parties (client absent)"))
        self.session, self.appointment_id, self.now = session, appointment_id, now
        self._changed = changed
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Talks with third parties"))
        self.empty = QLabel(self.tr("No talk with a third party logged."))
        self.add_button = button(self.tr("&Log a talk with a third party…"), self._add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addWidget(self.add_button)

    def refresh(self) -> None:
        talks = self.session.talks.for_appointment(self.appointment_id)
        self.list.clear()
        for talk in talks:
            self.list.addItem(self.describe(talk))
        self.list.setVisible(bool(talks))
        self.list.setMaximumHeight(24 * min(max(len(talks), 1), 4) + 8)
        self.empty.setVisible(not talks)

    def describe(self, talk: ThirdPartyTalk) -> str:
        party = self.session.third_parties.find(talk.third_party_id)
        release = self.session.consents.get(talk.release_id)
        text = self.tr("{when} · {party} · under the release given on {given}").format(
            when=format_datetime(talk.at),
            party=party.name if party else "—",
            given=format_date(release.given_at.date()) if release.given_at else "—",
        )
        return f"{text} · {talk.note}" if talk.note else text

    def _add(self) -> None:
        dialog = TalkDialog(self.session, self.appointment_id, self.now, self)
        if dialog.run() and not self.session.is_locked:
            self.refresh()
            self._changed()


class TalkDialog(FormDialog):
    """Log a talk that took place: when, under which release (naming the third party), a note."""

    keep_on_lock = False

    def __init__(
        self,
        session: Session,
        appointment_id: str,
        now: Callable[[], datetime],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent, self.tr("Log a talk with a third party"))
        self.session, self.appointment_id, self.now = session, appointment_id, now
        name_buttons(self, self.tr("&Log talk"), self.tr("Back"))
        self.set_intro(self.tr(
            "A talk about the client in their absence needs a release from confidentiality "
            "that names the third party and was in force then. Keep only a short note here: "
            "what was said belongs in the protocol."
        ))  # fmt: skip
        self.release = QComboBox()
        for consent in self._releases():
            self.release.addItem(self._release_label(consent), consent.id)
        if not self.release.count():
            self.release.addItem(self.tr("— no release naming a third party given yet —"), None)
        self.add_field("release_id", self.tr("&Release (third party)"), self.release)
        current = now()
        self.date = date_edit(current.date())
        self.add_field("at", self.tr("&Date"), self.date)
        self.time = time_edit(current.time())
        self.add_field("at_time", self.tr("&Time"), self.time)
        self.note = self.line("note", self.tr("&Note"), max_len=limits.TALK_NOTE)

    def _releases(self) -> list[Consent]:
        """The client's releases naming a third party that were given (revoked ones too: a
        talk before the revocation was covered)."""
        return [
            c
            for c in self.session.consents.for_appointment(self.appointment_id)
            if c.kind is ConsentKind.CONFIDENTIALITY_RELEASE and c.third_party_id
            and c.state in (ConsentState.SIGNED, ConsentState.REVOKED)
        ]  # fmt: skip

    def _release_label(self, c: Consent) -> str:
        party = self.session.third_parties.find(c.third_party_id or "")
        name = party.name if party else "—"
        if c.revoked_at is not None:
            return self.tr("{party} · revoked on {day}").format(
                party=name, day=format_date(c.revoked_at.date())
            )
        until = format_date(c.valid_until) if c.valid_until else "—"
        return self.tr("{party} · valid until {day}").format(party=name, day=until)

    def save(self) -> ThirdPartyTalk:
        release_id = self.release.currentData()
        return self.session.talks.add(
            release_id or "",
            read_datetime(self.date, self.time),
            self.now(),
            note=self.note.text(),
            appointment_id=self.appointment_id,
        )
