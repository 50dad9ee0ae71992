"""Talks with a third party in the client's absence ("Gespräch mit Dritten erfassen"): logged
only under a release that allows them (`domain.third_party_talks.log_talk`), for every approach,
also after the appointment."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from outreach_desktop.domain.consents import Consent, ConsentKind
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.third_party_talks import ThirdPartyTalk, log_talk
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.consent_repo import ConsentRepository
from outreach_desktop.storage.talk_repo import TalkRepository


class TalkService:
    def __init__(
        self,
        talks: TalkRepository,
        consents: ConsentRepository,
        appointments: AppointmentRepository,
    ) -> None:
        self._talks = talks
        self._consents = consents
        self._appointments = appointments

    def add(
        self,
        release_id: str,
        at: datetime,
        now: datetime,
        *,
        third_party_id: str | None = None,
        note: str = "",
        appointment_id: str | None = None,
        talk_id: str | None = None,
    ) -> ThirdPartyTalk:
        """Log a talk that took place under the release `release_id` (with the third party it
        names unless another is given: then the rule refuses it)."""
        release = self._consents.find(release_id) if release_id else None
        if release_id and release is None:
            raise DomainError("Diese Schweigepflichtentbindung gibt es nicht.")
        appointment = self._appointments.get(appointment_id) if appointment_id else None
        talk = log_talk(
            release,
            third_party_id=third_party_id or (release.third_party_id if release else None) or "",
            at=at,
            now=now,
            note=note,
            appointment=appointment,
        )
        return self._talks.add(replace(talk, id=talk_id) if talk_id else talk)

    def for_client(self, client_id: str) -> list[ThirdPartyTalk]:
        """The client's talks with third parties, oldest first."""
        return self._talks.for_client(client_id)

    def for_appointment(self, appointment_id: str) -> list[ThirdPartyTalk]:
        """The talks of the appointment's client (a release covers the client, not one
        appointment); none for an anonymous appointment."""
        appointment = self._appointments.get(appointment_id)
        return self._talks.for_client(appointment.client_id) if appointment.client_id else []

    def all(self) -> list[ThirdPartyTalk]:
        return self._talks.all()

    def releases(self, client_id: str, on: date) -> list[Consent]:
        """The client's releases in force on `on`: those a talk that day may rely on."""
        return [
            c
            for c in self._consents.for_client(client_id, ConsentKind.CONFIDENTIALITY_RELEASE)
            if c.is_valid_on(on) and c.third_party_id
        ]
