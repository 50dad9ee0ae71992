"""Consent kinds and the question the workflow rules ask: is there a valid consent of kind K
for this appointment? Consent records themselves (forms, signatures, revocation) come with the
consents capability; until then the storage answers from an empty table and the rules block."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Protocol

from outreach_desktop.domain.appointments import Appointment


class ConsentKind(StrEnum):
    HOME_VISIT = "home-visit"  # Einverständniserklärung zum Hausbesuch
    CONFIDENTIALITY_RELEASE = "confidentiality-release"  # Schweigepflichtentbindung
    PRESENCE = "presence"  # Einverständnis zur Anwesenheit weiterer Personen
    ACCOMPANIMENT = "accompaniment"  # Einverständnis zur Begleitung
    HANDOVER = "handover"  # Information an die Hauptbetreuung

    @property
    def label_de(self) -> str:
        return {
            ConsentKind.HOME_VISIT: "Einverständniserklärung zum Hausbesuch",
            ConsentKind.CONFIDENTIALITY_RELEASE: "Schweigepflichtentbindung",
            ConsentKind.PRESENCE: "Einverständnis zur Anwesenheit weiterer Personen",
            ConsentKind.ACCOMPANIMENT: "Einverständnis zur Begleitung",
            ConsentKind.HANDOVER: "Einverständnis zur Information der Hauptbetreuung",
        }[self]


class ConsentLookup(Protocol):
    def has_valid_consent(self, appointment: Appointment, kind: ConsentKind, on: date) -> bool:
        """True if a consent of `kind` covers `appointment` on day `on` (signed or documented
        orally, not expired, not revoked; a release must name the appointment's third party)."""
        ...


class NoConsents:
    """A lookup that knows no consent: every consent-bound rule blocks."""

    def has_valid_consent(self, appointment: Appointment, kind: ConsentKind, on: date) -> bool:
        return False
