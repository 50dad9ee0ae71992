"""Consent records: prepare, print, sign (paper, screen, oral), refuse, revoke."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from outreach_desktop.domain.consents import PER_APPOINTMENT, Consent, ConsentKind, GivenHow
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.consent_repo import ConsentRepository


class ConsentService:
    def __init__(self, repo: ConsentRepository, appointments: AppointmentRepository) -> None:
        self._repo = repo
        self._appointments = appointments

    def get(self, consent_id: str) -> Consent:
        return self._repo.get(consent_id)

    def for_appointment(self, appointment_id: str) -> list[Consent]:
        return self._repo.for_appointment(self._appointments.get(appointment_id))

    def for_client(self, client_id: str) -> list[Consent]:
        return self._repo.for_client(client_id)

    def all(self) -> list[Consent]:
        return self._repo.all()

    def valid_on(self, appointment_id: str, kind: ConsentKind, on: date) -> Consent | None:
        appointment = self._appointments.get(appointment_id)
        return next(
            (c for c in self._repo.for_appointment(appointment)
             if c.kind is kind and c.is_valid_for(appointment, on)),
            None,
        )  # fmt: skip

    def prepare(
        self,
        kind: ConsentKind,
        now: datetime,
        *,
        appointment_id: str | None = None,
        client_id: str | None = None,
        consent_id: str | None = None,
        **details: Any,
    ) -> Consent:
        """A new consent in state "prepared", for an appointment (its client) or a client."""
        if appointment_id is not None:
            appointment = self._appointments.get(appointment_id)
            if appointment.client_id is None:
                raise DomainError("Ein anonymer Termin hat keine Einwilligungen.")
            if client_id not in (None, appointment.client_id):
                raise DomainError("Die Einwilligung gehört zur Kundin/zum Kunden des Termins.")
            client_id = appointment.client_id
            if kind is ConsentKind.CONFIDENTIALITY_RELEASE:
                details.setdefault("third_party_id", appointment.third_party_id)
        if client_id is None:
            raise DomainError("Bitte die Kundin oder den Kunden angeben.")
        bound = appointment_id if kind in PER_APPOINTMENT else None  # releases cover the client
        consent = Consent(client_id=client_id, kind=kind, appointment_id=bound, **details)
        if consent_id:
            consent.id = consent_id
        consent._event(now, "prepared")
        return self._repo.save(consent)

    def update(self, consent: Consent, *, check: bool = True) -> Consent:
        """Save changed details (or a new history entry) of a consent."""
        return self._repo.save(consent, check=check)

    def record_print(self, consent_id: str, now: datetime, form_version: str) -> Consent:
        consent = self._repo.get(consent_id)
        consent.record_print(now, form_version)
        return self._repo.save(consent, check=False)

    def record_saved(self, consent_id: str, now: datetime, form_version: str) -> Consent:
        """A PDF of the form was saved outside the vault: noted in the consent's history."""
        consent = self._repo.get(consent_id)
        consent.record_saved(now, form_version)
        return self._repo.save(consent, check=False)

    def sign(
        self,
        consent_id: str,
        how: GivenHow,
        at: datetime,
        *,
        documented_by: str | None = None,
        witness: str = "",
        signature_png: bytes | None = None,
        signed_pdf: bytes | None = None,
    ) -> Consent:
        consent = self._repo.get(consent_id)
        consent.sign(
            how, at, documented_by=documented_by, witness=witness, signature_png=signature_png
        )
        consent.signed_pdf = signed_pdf if how is GivenHow.SCREEN else None
        return self._repo.save(consent)

    def refuse(self, consent_id: str, at: datetime, note: str = "") -> Consent:
        consent = self._repo.get(consent_id)
        consent.refuse(at, note)
        return self._repo.save(consent, check=False)

    def revoke(self, consent_id: str, at: datetime, how: str) -> Consent:
        consent = self._repo.get(consent_id)
        consent.revoke(at, how)
        return self._repo.save(consent, check=False)  # revoking is always possible
