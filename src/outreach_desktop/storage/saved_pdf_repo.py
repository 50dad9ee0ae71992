"""Notes of PDFs saved outside the vault (schema 11): letters per appointment, memory protocols
per protocol. Appended, never rewritten."""

from __future__ import annotations

from datetime import UTC, datetime

from outreach_desktop.domain.documents import SavedPdf
from outreach_desktop.domain.records import new_id
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.record_repo import ts_to_db


class SavedPdfRepository:
    def __init__(self, db: Database, device_id: str) -> None:
        self.db, self.device_id = db, device_id

    def add(
        self,
        note: SavedPdf,
        *,
        appointment_id: str | None = None,
        protocol_id: str | None = None,
    ) -> None:
        """Keep a note for exactly one of an appointment or a protocol."""
        created = ts_to_db(datetime.now(UTC).replace(microsecond=0)) or ""
        self.db.execute(
            "INSERT INTO saved_pdfs (id, appointment_id, protocol_id, kind, form_version,"
            " saved_at, created_at, origin_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (new_id(), appointment_id, protocol_id, note.kind, note.form_version,
             note.saved_at.isoformat(timespec="seconds"), created, self.device_id),
        )  # fmt: skip

    def for_appointment(self, appointment_id: str) -> list[SavedPdf]:
        return self._notes("appointment_id", appointment_id)

    def for_protocol(self, protocol_id: str) -> list[SavedPdf]:
        return self._notes("protocol_id", protocol_id)

    def _notes(self, column: str, value: str) -> list[SavedPdf]:
        rows = self.db.execute(
            f"SELECT kind, form_version, saved_at FROM saved_pdfs WHERE {column} = ?"
            " ORDER BY saved_at, created_at",
            (value,),
        )
        return [
            SavedPdf(r["kind"], datetime.fromisoformat(r["saved_at"]), r["form_version"])
            for r in rows
        ]
