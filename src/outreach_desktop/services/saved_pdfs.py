"""What left the vault as a PDF: letters and memory protocols saved where the user chose are
noted (kind, wording, when), as consent forms note theirs in their own history."""

from __future__ import annotations

from datetime import datetime

from outreach_desktop.domain.documents import PROTOCOL_PDF, DocumentKind, SavedPdf
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.services.appointments import AppointmentService
from outreach_desktop.services.protocols import ProtocolService
from outreach_desktop.storage.saved_pdf_repo import SavedPdfRepository


class SavedPdfService:
    def __init__(
        self,
        repo: SavedPdfRepository,
        appointments: AppointmentService,
        protocols: ProtocolService,
    ) -> None:
        self._repo, self._appointments, self._protocols = repo, appointments, protocols

    def letter_saved(
        self, appointment_id: str, kind: DocumentKind, form_version: str, now: datetime
    ) -> None:
        """A letter of the appointment was saved as PDF (unencrypted)."""
        if not kind.is_letter:
            raise DomainError("Das ist kein Brief.")
        self._appointments.get(appointment_id)  # a clear message if it is gone
        self._repo.add(SavedPdf(kind.value, now, form_version), appointment_id=appointment_id)

    def protocol_saved(self, protocol_id: str, now: datetime) -> None:
        """A memory protocol was saved as PDF (unencrypted)."""
        self._protocols.get(protocol_id)
        self._repo.add(SavedPdf(PROTOCOL_PDF, now), protocol_id=protocol_id)

    def for_appointment(self, appointment_id: str) -> list[SavedPdf]:
        return self._repo.for_appointment(appointment_id)

    def for_protocol(self, protocol_id: str) -> list[SavedPdf]:
        return self._repo.for_protocol(protocol_id)
