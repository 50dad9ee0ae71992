"""Dialogs of consent records: prepare one, and record how it was given, refused or revoked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import (
    KINDS_FOR_APPROACH,
    AccompanimentScope,
    Consent,
    ConsentKind,
    GivenHow,
)
from outreach_desktop.domain.documents import DOCUMENT_LANGUAGES
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.vocabulary import Language
from outreach_desktop.services.documents import DocumentService
from outreach_desktop.services.session import Session
from outreach_desktop.ui.form_dialog import FormDialog, text_area
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.widgets.signature_pad import SignaturePad
from outreach_desktop.ui.workflow_dialogs import date_edit, read_date, read_datetime, time_edit


class ConsentDialog(FormDialog):
    """Prepare a consent for this appointment; kind-specific fields appear with the kind."""

    def __init__(
        self,
        session: Session,
        appointment: Appointment,
        now: Callable[[], datetime],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent, self.tr("New consent"))
        self.session, self.appointment, self.now = session, appointment, now
        self._kind_fields(appointment)
        self._release_fields(appointment)
        self.others = text_area("", 3, max_len=limits.OTHERS_PRESENT_LINES)  # presence
        self.add_field(
            "others_present",
            self.tr("&Others present"),
            self.others,
            self.tr("One person per line: name – role (e.g. Sabine Krüger – sister)"),
        )
        self._accompaniment_fields()
        self._handover_fields(appointment)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self.scope.currentIndexChanged.connect(self._show_fields)
        self._show_fields()

    def _kind_fields(self, appointment: Appointment) -> None:
        """The kinds this approach knows, and the form's second language."""
        self.kind = QComboBox()
        for kind in KINDS_FOR_APPROACH[appointment.approach]:
            self.kind.addItem(label_of(kind), kind.value)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.language = QComboBox()
        preferred = DocumentService(self.session).language_for(appointment.client_id)
        for code in DOCUMENT_LANGUAGES:
            label = self.tr("German only") if code == "de" else label_of(Language(code))
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferred)))
        self.add_field("language", self.tr("Second &language of the form"), self.language)

    def _release_fields(self, appointment: Appointment) -> None:
        """Release from confidentiality: towards whom, what for, about what, until when."""
        self.third_party = QComboBox()
        self.third_party.addItem("—", None)
        for party in self.session.third_parties.all():
            self.third_party.addItem(party.name, party.id)
        self.third_party.setCurrentIndex(
            max(0, self.third_party.findData(appointment.third_party_id))
        )
        self.add_field(
            "third_party_id", self.tr("&Third party"), self.third_party,
            self.tr("The third party the client allows you to talk to about them in their "
                    "absence: for every approach, the one accompanied to or any other."),
        )  # fmt: skip
        self.purpose = self.line("purpose", self.tr("&Purpose"), max_len=limits.CONSENT_PURPOSE)
        self.topics = text_area("", 2, max_len=limits.CONSENT_TOPICS)
        self.add_field("topics", self.tr("T&opics"), self.topics)
        self.valid_until = date_edit(
            appointment.start.date().replace(year=appointment.start.year + 1)
        )
        self.add_field("valid_until", self.tr("&Valid until"), self.valid_until)

    def _accompaniment_fields(self) -> None:
        self.scope = QComboBox()
        self.scope.addItem(self.tr("to the door (the rule)"), AccompanimentScope.TO_DOOR.value)
        self.scope.addItem(
            self.tr("taking part in the conversation (exception)"),
            AccompanimentScope.IN_CONVERSATION.value,
        )
        self.add_field("scope", self.tr("&Scope"), self.scope)
        self.reason = self.line(
            "participation_reason", self.tr("&Reason for taking part"),
            max_len=limits.CONSENT_PARTICIPATION_REASON,
        )  # fmt: skip

    def _handover_fields(self, appointment: Appointment) -> None:
        """Informing the main caseworker: preset to the client's own."""
        self.main = QComboBox()
        session = self.session
        client = session.clients.find(appointment.client_id) if appointment.client_id else None
        for person in session.staff.all():
            self.main.addItem(person.name, person.id)
        if client and client.main_caseworker_id:
            self.main.setCurrentIndex(max(0, self.main.findData(client.main_caseworker_id)))
        self.add_field("main_caseworker_id", self.tr("&Main caseworker"), self.main)

    def _kind(self) -> ConsentKind:
        return ConsentKind(self.kind.currentData())

    def _show_fields(self) -> None:
        kind = self._kind()
        visible = {
            "third_party_id": kind is ConsentKind.CONFIDENTIALITY_RELEASE,
            "purpose": kind is ConsentKind.CONFIDENTIALITY_RELEASE,
            "topics": kind is ConsentKind.CONFIDENTIALITY_RELEASE,
            "valid_until": kind is ConsentKind.CONFIDENTIALITY_RELEASE,
            "others_present": kind is ConsentKind.PRESENCE,
            "scope": kind is ConsentKind.ACCOMPANIMENT,
            "participation_reason": kind is ConsentKind.ACCOMPANIMENT
            and self.scope.currentData() == AccompanimentScope.IN_CONVERSATION.value,
            "main_caseworker_id": kind is ConsentKind.HANDOVER,
        }
        for name, show in visible.items():
            self.form.setRowVisible(self.fields[name], show)

    def _others(self) -> list[tuple[str, str]]:
        people = []
        for line in self.others.toPlainText().splitlines():
            if not line.strip():
                continue
            for separator in (" – ", " - ", ","):  # "Anna-Lena Krüger – Schwester"
                if separator in line:
                    name, _sep, role = line.rpartition(separator)
                    break
            else:
                name, role = line, ""
            people.append((name.strip(), role.strip()))
        return people

    def save(self) -> Consent:
        kind = self._kind()
        details: dict[str, object] = {"language": self.language.currentData()}
        if kind is ConsentKind.CONFIDENTIALITY_RELEASE:
            details.update(
                third_party_id=self.third_party.currentData(),
                purpose=self.purpose.text().strip(),
                topics=self.topics.toPlainText().strip(),
                valid_until=read_date(self.valid_until),
            )
        elif kind is ConsentKind.PRESENCE:
            details["others_present"] = self._others()
        elif kind is ConsentKind.ACCOMPANIMENT:
            details["scope"] = AccompanimentScope(self.scope.currentData())
            details["participation_reason"] = self.reason.text().strip()
        elif kind is ConsentKind.HANDOVER:
            details["main_caseworker_id"] = self.main.currentData()
        return self.session.consents.prepare(
            kind,
            self.now(),
            appointment_id=self.appointment.id,
            **details,  # type: ignore[arg-type]
        )


class GivenDialog(FormDialog):
    """Record how a consent was given: on paper (with the date) or orally (who, witness)."""

    keep_on_lock = False  # records a signature: never without a confirmation

    def __init__(
        self,
        session: Session,
        consent: Consent,
        how: GivenHow,
        now: Callable[[], datetime],
        parent: QWidget | None,
    ) -> None:
        title = (self.tr("Signed on paper") if how is GivenHow.PAPER
                 else self.tr("Given orally"))  # fmt: skip
        super().__init__(parent, title)
        self.session, self.consent, self.how, self.now = session, consent, how, now
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("&Confirm"))
        current = now()
        self.date = date_edit(current.date())
        self.add_field("given_at", self.tr("&Date"), self.date)
        self.time = time_edit(current.time())
        self.add_field("given_at_time", self.tr("&Time"), self.time)
        if how is GivenHow.ORAL:
            self.set_intro(self.tr("Oral consent is documented: by whom, when, and a witness."))
            self.by = QComboBox()
            for person in session.staff.all():
                self.by.addItem(person.name, person.id)
            owner = session.owner()
            if owner:
                self.by.setCurrentIndex(max(0, self.by.findData(owner.id)))
            self.add_field("oral_documented_by", self.tr("Documented &by"), self.by)
            self.witness = self.line(
                "oral_witness", self.tr("&Witness"), max_len=limits.CONSENT_ORAL_WITNESS
            )

    def save(self) -> Consent:
        at = read_datetime(self.date, self.time)
        if self.how is GivenHow.ORAL:
            return self.session.consents.sign(
                self.consent.id, GivenHow.ORAL, at, documented_by=self.by.currentData(),
                witness=self.witness.text(),
            )  # fmt: skip
        return self.session.consents.sign(self.consent.id, GivenHow.PAPER, at)


class EndConsentDialog(FormDialog):
    """Refusal (with a note) or revocation (how it was revoked)."""

    keep_on_lock = False

    def __init__(
        self,
        session: Session,
        consent: Consent,
        revoke: bool,
        now: Callable[[], datetime],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent, self.tr("Revoke consent") if revoke else self.tr("Refused"))
        self.session, self.consent, self.revoke, self.now = session, consent, revoke, now
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("&Confirm"))
        if revoke:
            self.set_intro(self.tr(
                "A consent can be revoked at any time, for the future. Nothing is deleted: the "
                "revocation is added to its history."
            ))  # fmt: skip
        self.note = self.line(
            "revoked_how",
            self.tr("&How") if revoke else self.tr("&Note"),
            "",
            self.tr("e.g. by phone, in writing, in person") if revoke else "",
            max_len=limits.CONSENT_REVOKED_HOW,
        )

    def save(self) -> Consent:
        if self.revoke:
            return self.session.consents.revoke(self.consent.id, self.now(), self.note.text())
        return self.session.consents.refuse(self.consent.id, self.now(), self.note.text())


class SignOnScreenDialog(FormDialog):
    """The client signs on the screen; the signed form is kept inside the vault."""

    keep_on_lock = False

    def __init__(
        self,
        session: Session,
        consent: Consent,
        now: Callable[[], datetime],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent, self.tr("Sign on screen"))
        self.session, self.consent, self.now = session, consent, now
        self.setMinimumWidth(640)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("&Sign"))
        self.set_intro(self.tr(
            "{kind}: please read the form with the client (print preview), then let them sign "
            "below. Only the picture of the signature is kept."
        ).format(kind=label_of(consent.kind)))  # fmt: skip
        self.pad = SignaturePad()
        self.fields["signature"] = self.pad
        clear = QPushButton(self.tr("C&lear"))
        clear.setAccessibleName(self.tr("Clear signature"))
        clear.clicked.connect(self.pad.clear)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pad)
        layout.addWidget(clear)
        caption = QLabel(self.tr("Signature of the client"))
        caption.setBuddy(self.pad)
        self.form.addRow(caption, box)

    def save(self) -> Consent:
        if self.pad.is_empty():
            raise DomainError(self.tr("Please sign in the field first."))
        return DocumentService(self.session).sign_on_screen(
            self.consent.id, self.pad.to_png(), self.now()
        )
