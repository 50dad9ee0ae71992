"""Documents filled from the vault: consent forms and letters as PDF bytes, never written to
disk here. Printing records the print on the consent; signing on screen keeps the signed form
inside the vault."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from outreach_desktop import documents
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import (
    KINDS_FOR_APPROACH,
    Consent,
    ConsentKind,
    ConsentState,
    GivenHow,
)
from outreach_desktop.domain.contact_check import MissingContact
from outreach_desktop.domain.date_window import require_date
from outreach_desktop.domain.documents import (
    DOCUMENT_LANGUAGES,
    DocumentKind,
)
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.home_visit_timeline import announcement_letter_blocker
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.document_data import build, sender_gaps
from outreach_desktop.services.files import Target, save_file, target_file
from outreach_desktop.services.session import Session


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    kind: DocumentKind
    language: str
    form_version: str
    title: str  # for print jobs and file names: no personal data


def warm_up_documents() -> None:
    """Load the document machinery and fonts (no record read): the GUI runs it in the background
    a moment after unlock, so the first print does not block the window."""
    documents.warm_up()


class DocumentService:
    def __init__(self, session: Session) -> None:
        self.session = session

    def language_for(self, client_id: str | None) -> str:
        """The client's preferred language when a form exists in it, else German only."""
        client = self.session.clients.find(client_id) if client_id else None
        language = client.preferred_language.value if client else "de"
        return language if language in DOCUMENT_LANGUAGES else "de"

    # ---- building ----------------------------------------------------------------------------
    def _rendered(
        self,
        kind: DocumentKind,
        appointment: Appointment | None,
        client_id: str,
        language: str,
        today: date,
        consent: Consent | None = None,
        review: bool = False,
    ) -> Rendered:
        if appointment is not None:  # stored before the window (domain/date_window.py)
            require_date(appointment.start, "start", "Beginn")
        data = build(self.session, kind, appointment, client_id, language, today, consent)
        if review:  # the agency's review copy (DocumentData.review_copy), never for signing
            data = replace(data, review_copy=True)
        return Rendered(
            documents.render(data), kind, language, documents.form_version(kind, language),
            kind.label_de,
        )  # fmt: skip

    def consent_document(
        self, consent_id: str, today: date, language: str | None = None, *, review: bool = False
    ) -> Rendered:
        consent = self.session.consents.get(consent_id)
        appointment = (
            self.session.appointments.find(consent.appointment_id)
            if consent.appointment_id else None
        )  # fmt: skip
        language = language or consent.language or self.language_for(consent.client_id)
        kind = DocumentKind.for_consent(consent.kind)
        return self._rendered(
            kind, appointment, consent.client_id, language, today, consent, review
        )

    def letter(
        self,
        appointment_id: str,
        kind: DocumentKind,
        today: date,
        language: str | None = None,
        *,
        review: bool = False,
    ) -> Rendered:
        if not kind.is_letter:
            raise DomainError("Das ist kein Brief.")
        appointment = self.session.appointments.get(appointment_id)
        if appointment.client_id is None:
            raise DomainError("An einen anonymen Termin geht kein Brief.")
        if kind is not DocumentKind.CONFIRMATION_LETTER and appointment.approach is not (
            Approach.HOME_VISIT
        ):
            raise DomainError("Ankündigung und Erinnerung gibt es nur für Hausbesuche.")
        if kind is DocumentKind.ANNOUNCEMENT_LETTER:  # its text tells of failed calls
            calls = self.session.workflow.state(appointment_id, today).calls
            blocker = announcement_letter_blocker(c.call for c in calls)
            if blocker is not None:
                raise DomainError(blocker)
        language = language or self.language_for(appointment.client_id)
        return self._rendered(
            kind, appointment, appointment.client_id, language, today, review=review
        )

    def form_for_appointment(
        self,
        appointment_id: str,
        kind: DocumentKind,
        today: date,
        language: str | None = None,
        *,
        review: bool = False,
    ) -> tuple[Rendered, Consent | None]:
        """The appointment's consent form of `kind`: from its latest consent record that is not
        refused or revoked, or else pre-filled from the appointment with blanks to fill by hand."""
        consent_kind = kind.consent_kind
        if consent_kind is None:
            raise DomainError("Das ist kein Einwilligungsformular.")
        appointment = self.session.appointments.get(appointment_id)
        if appointment.client_id is None:
            raise DomainError("Ein anonymer Termin hat keine Einwilligungen.")
        if consent_kind not in KINDS_FOR_APPROACH[appointment.approach]:
            raise DomainError(
                f"Zu einem Termin „{appointment.approach.label_de}“ gehört keine "
                f"{consent_kind.label_de}."
            )
        usable = [
            c for c in self.session.consents.for_appointment(appointment_id)
            if c.kind is consent_kind
            and c.state not in (ConsentState.REFUSED, ConsentState.REVOKED)
            and (consent_kind is not ConsentKind.CONFIDENTIALITY_RELEASE
                 or c.names_third_party_of(appointment))
        ]  # fmt: skip
        if usable:
            consent = usable[-1]
            return self.consent_document(consent.id, today, language, review=review), consent
        language = language or self.language_for(appointment.client_id)
        rendered = self._rendered(
            kind, appointment, appointment.client_id, language, today, review=review
        )
        return rendered, None

    def contact_gaps(self, appointment_id: str | None) -> tuple[MissingContact, ...]:
        """The sender's contact details a letter or form of this appointment would lack."""
        appointment = self.session.appointments.get(appointment_id) if appointment_id else None
        return sender_gaps(self.session, appointment)

    # ---- actions -----------------------------------------------------------------------------
    def print_consent(
        self, consent_id: str, now: datetime, language: str | None = None
    ) -> Rendered:
        """Render for printing and record the print on the consent."""
        consent = self.session.consents.get(consent_id)
        if consent.signed_pdf is not None:  # the form as it was signed
            rendered = Rendered(
                consent.signed_pdf, DocumentKind.for_consent(consent.kind), consent.language,
                consent.form_version, DocumentKind.for_consent(consent.kind).label_de,
            )  # fmt: skip
        else:
            rendered = self.consent_document(consent_id, now.date(), language)
        if consent.state is not ConsentState.SIGNED and consent.language != rendered.language:
            consent.language = rendered.language
            self.session.consents.update(consent, check=False)
        self.session.consents.record_print(consent_id, now, rendered.form_version)
        return rendered

    def record_saved(self, consent_id: str, now: datetime, rendered: Rendered) -> None:
        """A PDF of the form was saved outside the vault: note it in the consent's history."""
        self.session.consents.record_saved(consent_id, now, rendered.form_version)

    def sign_on_screen(self, consent_id: str, signature_png: bytes, now: datetime) -> Consent:
        """Sign with the image drawn on screen; the signed form is kept inside the vault."""
        consent = self.session.consents.get(consent_id)
        consent.sign(GivenHow.SCREEN, now, signature_png=signature_png)  # checks before render
        appointment = (
            self.session.appointments.find(consent.appointment_id)
            if consent.appointment_id else None
        )  # fmt: skip
        kind = DocumentKind.for_consent(consent.kind)
        language = consent.language or self.language_for(consent.client_id)
        data = build(self.session, kind, appointment, consent.client_id, language, now.date(),
                     consent)  # fmt: skip
        pdf = documents.render(data)
        stored = self.session.consents.get(consent_id)
        stored.language, stored.form_version = language, documents.form_version(kind, language)
        self.session.consents.update(stored, check=False)
        return self.session.consents.sign(
            consent_id, GivenHow.SCREEN, now, signature_png=signature_png, signed_pdf=pdf
        )


def save_pdf(path: Target, pdf: bytes, *, replace: bool = False) -> Path:
    """Write a PDF where the user chose (the only place a PDF leaves the vault); returns the
    path written ("… .pdf" is appended when missing, folders are never created, an existing
    file is replaced only with `replace`)."""
    return save_file(path, pdf, suffix=".pdf", replace=replace)


def pdf_target(path: Target, *, replace: bool = False) -> Path:
    """Where `save_pdf` would write, checked as it checks (before rendering)."""
    return target_file(path, suffix=".pdf", replace=replace)
