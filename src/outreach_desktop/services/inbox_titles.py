"""How the office's inbox names a record: a short German title (the client's name stands above
it, in its group), the colleague it names first, and the client it belongs to."""

from __future__ import annotations

from collections.abc import Callable

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent
from outreach_desktop.domain.home_visit import format_day
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.protocols import AnonymousCounselling, Protocol
from outreach_desktop.domain.records import Record

Find = Callable[[str, str], Record | None]  # (kind, id) → the stored record


def title_of(kind: str, record: Record | None) -> str:
    if isinstance(record, Protocol):
        return f"Gedächtnisprotokoll {record.approach.label_de}, {format_day(record.met_at.date())}"
    if isinstance(record, Consent):
        return f"{record.kind.label_de} ({record.state.label_de})"
    if isinstance(record, AnonymousCounselling):
        return f"Anonyme Beratung {record.approach.label_de}, {format_day(record.day)}"
    if isinstance(record, Appointment):
        when = f"{format_day(record.start.date())} {record.start:%H:%M}"
        return f"Termin {record.approach.label_de}, {when}"
    if isinstance(record, Client):
        return "Kundendaten"
    if isinstance(record, Staff):
        return f"Mitarbeitende: {record.name}"
    if isinstance(record, ThirdParty):
        return f"Dritte Stelle: {record.name}"
    return f"Eintrag {kind} (nicht mehr vorhanden)"


def caseworker_of(record: Record | None) -> str | None:
    """The staff id of the colleague a record names first (who finalized a protocol, the first
    of an appointment's or a counselling's staff, who documented an oral consent)."""
    if isinstance(record, Protocol):
        return record.finalized_by or _first(record.staff_ids)
    if isinstance(record, Appointment | AnonymousCounselling):
        return _first(record.staff_ids)
    if isinstance(record, Consent):
        return record.oral_documented_by
    return None


def client_of(record: Record | None, find: Find) -> str | None:
    """The id of the client a record belongs to; None for anonymous counselling, colleagues
    and third parties."""
    if isinstance(record, Client):
        return record.id
    if isinstance(record, Appointment | Consent):
        return record.client_id
    if isinstance(record, Protocol):
        if record.client_id is not None or record.appointment_id is None:
            return record.client_id
        appointment = find("appointments", record.appointment_id)
        return appointment.client_id if isinstance(appointment, Appointment) else None
    return None


def client_name(client: Record | None) -> str:
    """A client's name with the customer number the office looks them up by in VerBIS (it also
    tells two clients of the same name apart); "" for anything else."""
    if not isinstance(client, Client):
        return ""
    number = client.customer_number.strip()
    return f"{client.display_name} ({number})" if number else client.display_name


def _first(ids: list[str]) -> str | None:
    return ids[0] if ids else None
