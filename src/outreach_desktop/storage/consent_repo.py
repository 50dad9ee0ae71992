"""Consent records with their history, and the consent lookup the workflow rules use."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import (
    AccompanimentScope,
    Consent,
    ConsentEvent,
    ConsentKind,
    ConsentState,
    GivenHow,
)
from outreach_desktop.storage.database import Database, Row
from outreach_desktop.storage.record_repo import RecordRepository


def _local(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _from_local(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class ConsentRepository(RecordRepository[Consent]):
    table = "consents"
    what = "Die Einwilligung"
    order_by = "created_at"

    def to_row(self, c: Consent) -> dict[str, Any]:
        return {
            "client_id": c.client_id,
            "appointment_id": c.appointment_id,
            "third_party_id": c.third_party_id,
            "kind": c.kind.value,
            "state": c.state.value,
            "valid_until": c.valid_until.isoformat() if c.valid_until else None,
            "revoked_at": _local(c.revoked_at),
            "purpose": c.purpose,
            "topics": c.topics,
            "others_present": json.dumps([list(p) for p in c.others_present], ensure_ascii=False),
            "scope": c.scope.value if c.scope else None,
            "participation_reason": c.participation_reason,
            "main_caseworker_id": c.main_caseworker_id,
            "given_how": c.given_how.value if c.given_how else None,
            "given_at": _local(c.given_at),
            "oral_documented_by": c.oral_documented_by,
            "oral_witness": c.oral_witness,
            "language": c.language,
            "form_version": c.form_version,
            "refused_at": _local(c.refused_at),
            "revoked_how": c.revoked_how,
            "signature_png": c.signature_png,
            "signed_pdf": c.signed_pdf,
        }

    def from_row(self, r: Row) -> Consent:
        return Consent(
            **self._meta(r),
            client_id=r["client_id"],
            kind=ConsentKind(r["kind"]),
            appointment_id=r["appointment_id"],
            third_party_id=r["third_party_id"],
            purpose=r["purpose"],
            topics=r["topics"],
            valid_until=date.fromisoformat(r["valid_until"]) if r["valid_until"] else None,
            others_present=[(p[0], p[1]) for p in json.loads(r["others_present"])],
            scope=AccompanimentScope(r["scope"]) if r["scope"] else None,
            participation_reason=r["participation_reason"],
            main_caseworker_id=r["main_caseworker_id"],
            state=ConsentState(r["state"]),
            given_how=GivenHow(r["given_how"]) if r["given_how"] else None,
            given_at=_from_local(r["given_at"]),
            oral_documented_by=r["oral_documented_by"],
            oral_witness=r["oral_witness"],
            language=r["language"],
            form_version=r["form_version"],
            refused_at=_from_local(r["refused_at"]),
            revoked_at=_from_local(r["revoked_at"]),
            revoked_how=r["revoked_how"],
            signature_png=r["signature_png"],
            signed_pdf=r["signed_pdf"],
        )

    def _after_write(self, c: Consent) -> None:
        """Events are appended, never rewritten: the history of a consent is kept."""
        known = int(
            self.db.scalar("SELECT count(*) FROM consent_events WHERE consent_id = ?", (c.id,))
        )
        for position, event in enumerate(c.events[known:], start=known):
            self.db.execute(
                "INSERT INTO consent_events (consent_id, position, at, event, detail)"
                " VALUES (?, ?, ?, ?, ?)",
                (c.id, position, _local(event.at), event.event, event.detail),
            )

    def _load_children(self, records: list[Consent]) -> list[Consent]:
        if not records:
            return records
        by_id = {c.id: c for c in records}
        marks = ",".join("?" * len(by_id))
        for r in self.db.execute(
            f"SELECT * FROM consent_events WHERE consent_id IN ({marks}) ORDER BY position",
            tuple(by_id),
        ):
            by_id[r["consent_id"]].events.append(
                ConsentEvent(datetime.fromisoformat(r["at"]), r["event"], r["detail"])
            )
        return records

    def for_client(self, client_id: str, kind: ConsentKind | None = None) -> list[Consent]:
        sql = "SELECT * FROM consents WHERE client_id = ?"
        params: list[Any] = [client_id]
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind.value)
        rows = self.db.execute(sql + " ORDER BY created_at", params)
        return self._load_children([self.from_row(r) for r in rows])

    def for_appointment(self, appointment: Appointment) -> list[Consent]:
        """Consents of the appointment's client that name it or no appointment."""
        if appointment.client_id is None:
            return []
        rows = self.db.execute(
            "SELECT * FROM consents WHERE client_id = ?"
            " AND (appointment_id IS NULL OR appointment_id = ?) ORDER BY created_at",
            (appointment.client_id, appointment.id),
        )
        return self._load_children([self.from_row(r) for r in rows])

    def delete(self, record_id: str) -> None:
        from outreach_desktop.storage.errors import RecordInUse

        raise RecordInUse("Einwilligungen werden nicht gelöscht, sondern widerrufen.")

    def for_clients(self, client_ids: Iterable[str]) -> dict[str, list[Consent]]:
        """The consents of many clients by client id, each list in order of creation."""
        found: dict[str, list[Consent]] = {}
        wanted = list(dict.fromkeys(client_ids))
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ", ".join("?" * len(part))
            rows = self.db.execute(
                f"SELECT * FROM consents WHERE client_id IN ({marks}) ORDER BY created_at", part
            )
            for c in self._load_children([self.from_row(r) for r in rows]):
                found.setdefault(c.client_id or "", []).append(c)
        return found


class _Preload(threading.local):
    by_client: dict[str, list[Consent]] | None = None


class StoredConsentLookup:
    """The workflow rules' question, answered by the domain's validity rule over the records."""

    def __init__(self, db: Database, device_id: str = "") -> None:
        self.repo = ConsentRepository(db, device_id)
        self._preload = _Preload()  # per thread, as the workflow repository's

    @contextmanager
    def preloaded(self, client_ids: Iterable[str]) -> Iterator[None]:
        """Inside the block the consents of these clients come from one bulk read (Heute)."""
        self._preload.by_client = self.repo.for_clients(client_ids)
        try:
            yield
        finally:
            self._preload.by_client = None

    def _for_appointment(self, appointment: Appointment) -> list[Consent]:
        cached = self._preload.by_client
        if cached is None or appointment.client_id is None:
            return self.repo.for_appointment(appointment)
        return [
            c for c in cached.get(appointment.client_id, [])
            if c.appointment_id is None or c.appointment_id == appointment.id
        ]  # fmt: skip

    def has_valid_consent(self, appointment: Appointment, kind: ConsentKind, on: date) -> bool:
        return kind in self.valid_kinds(appointment, on)

    def valid_kinds(self, appointment: Appointment, on: date) -> set[ConsentKind]:
        return {
            c.kind for c in self._for_appointment(appointment) if c.is_valid_for(appointment, on)
        }

    def records(self, appointment: Appointment) -> list[Consent]:
        return self._for_appointment(appointment)
