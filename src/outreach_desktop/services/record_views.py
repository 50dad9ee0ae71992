"""How a record from a laptop reads at the office, field by field, for entering it into VerBIS or
the e-Akte: labelled German texts, the filled fields only, in the order a person types them.
A memory protocol reads as its Übernahme view (`protocol_views`); these are the other kinds.

Read-only: the labels and texts are shown and copied, never read back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import AccompanimentScope, Consent
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.home_visit import format_day
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.protocols import AnonymousCounselling, Protocol
from outreach_desktop.domain.records import Record
from outreach_desktop.services import protocol_views
from outreach_desktop.storage.errors import RecordNotFound

if TYPE_CHECKING:  # the session holds services that read records through these views
    from outreach_desktop.services.session import Session

Rows = list[tuple[str, str]]
SCOPES = {
    AccompanimentScope.TO_DOOR: "bis zur Tür",
    AccompanimentScope.IN_CONVERSATION: "Teilnahme am Gespräch",
}


@dataclass(frozen=True)
class RecordView:
    title: str
    rows: Rows  # (German label, text), filled fields only


def record_view(session: Session, kind: str, record_id: str) -> RecordView:
    """The record of `kind` as the office reads it; DomainError when it is not stored."""
    found = _stored(session, kind, record_id)
    if found is None:
        raise DomainError("Der Eintrag ist in diesem Tresor nicht (mehr) gespeichert.")
    return view_of(session, found)


def view_of(session: Session, record: Record) -> RecordView:
    """A record as given, stored or not (another version of a stored one, say), read the same
    way; the records it names are read from `session`."""
    if isinstance(record, Protocol):
        view = protocol_views.view_of(session, record)
        rows = view.rows() + [(f"Nachtrag {a.label}", a.text) for a in view.addenda]
        return RecordView(view.title, rows)
    views: list[tuple[type[Any], Callable[[Session, Any], RecordView]]] = [
        (Consent, _consent),
        (Appointment, _appointment),
        (Client, _client),
        (AnonymousCounselling, _anonymous),
        (Staff, _staff),
        (ThirdParty, _third_party),
    ]
    for cls, make in views:
        if isinstance(record, cls):
            return make(session, record)
    raise TypeError(f"no view for {type(record).__name__}")


def _stored(session: Session, kind: str, record_id: str) -> Record | None:
    finders: dict[str, Callable[[str], Record | None]] = {
        "protocols": session.protocols.find,
        "consents": lambda i: _consent_or_none(session, i),
        "appointments": session.appointments.find,
        "clients": session.clients.find,
        "anonymous_counselling": lambda i: next(
            (a for a in session.protocols.anonymous_counselling() if a.id == i), None
        ),
        "staff": session.staff.find,
        "third_parties": session.third_parties.find,
    }
    find = finders.get(kind)
    return find(record_id) if find is not None else None


def _consent_or_none(session: Session, consent_id: str) -> Consent | None:
    try:
        return session.consents.get(consent_id)
    except RecordNotFound:
        return None


def _consent(session: Session, c: Consent) -> RecordView:
    staff = session.staff.names()
    rows = [
        ("Kundin/Kunde", _client_line(session, c.client_id)),
        ("Art", c.kind.label_de),
        ("Stand", c.state.label_de),
        ("Termin", _appointment_line(session, c.appointment_id)),
        ("Dritte Stelle", _third_party_name(session, c.third_party_id)),
        ("Zweck", c.purpose),
        ("Themen", c.topics),
        ("Gültig bis", _day(c.valid_until)),
        ("Anwesende", "; ".join(f"{name} ({role})" for name, role in c.others_present)),
        ("Umfang der Begleitung", SCOPES.get(c.scope, "") if c.scope else ""),
        ("Grund der Teilnahme", c.participation_reason),
        ("Hauptbetreuung", staff.get(c.main_caseworker_id or "", "")),
        ("Form", c.given_how.label_de if c.given_how else ""),
        ("Erteilt am", _when(c.given_at)),
        ("Mündlich dokumentiert von", staff.get(c.oral_documented_by or "", "")),
        ("Zeugin/Zeuge", c.oral_witness),
        ("Abgelehnt am", _when(c.refused_at)),
        ("Widerrufen am", _when(c.revoked_at)),
        ("Widerrufen wie", c.revoked_how),
        ("Formularfassung", c.form_version),
        ("Unterschriebenes Formular", "liegt im Tresor vor" if c.signed_pdf else ""),
    ]
    return RecordView(f"{c.kind.label_de} ({c.state.label_de})", _filled(rows))


def _appointment(session: Session, a: Appointment) -> RecordView:
    staff = session.staff.names()
    rows = [
        ("Kundin/Kunde", _client_line(session, a.client_id) if a.client_id else "anonym"),
        ("Ansatz", a.approach.label_de),
        ("Beginn", _when(a.start)),
        ("Geplante Dauer", f"{a.planned_duration_min} Minuten"),
        ("Ort", a.place),
        ("Dritte Stelle", _third_party_name(session, a.third_party_id)),
        ("Mitarbeitende", ", ".join(staff.get(s, "—") for s in a.staff_ids)),
        ("Stand", a.status.label_de),
        ("Erstes Treffen", "ja" if a.first_meeting else ""),
        ("Spontan", "ja" if a.spontaneous else ""),
        ("Folgetermin von", _appointment_line(session, a.predecessor_id)),
    ]
    return RecordView(f"Termin {a.approach.label_de}, {_when(a.start)}", _filled(rows))


def _client(session: Session, c: Client) -> RecordView:
    rows = [
        ("Name", c.display_name),
        ("Kundennummer", c.customer_number),
        ("Anschrift", c.address),
        ("Telefon", c.phone),
        ("Sprache", c.preferred_language.label_de),
        ("Erreichbarkeit", c.reachability_notes),
        ("Hauptbetreuung", session.staff.names().get(c.main_caseworker_id or "", "")),
        ("Im eigenen Bestand", "ja" if c.in_own_caseload else "nein"),
    ]
    return RecordView(f"Kundendaten: {c.display_name}", _filled(rows))


def _anonymous(session: Session, a: AnonymousCounselling) -> RecordView:
    staff = session.staff.names()
    rows = [
        ("Tag", format_day(a.day)),
        ("Ansatz", a.approach.label_de),
        ("Dauer", f"{a.duration_min} Minuten"),
        ("Mitarbeitende", ", ".join(staff.get(s, "—") for s in a.staff_ids)),
    ]
    return RecordView(f"Anonyme Beratung {a.approach.label_de}, {format_day(a.day)}", rows)


def _staff(session: Session, s: Staff) -> RecordView:
    rows = [
        ("Name", s.name),
        ("Bereich", s.department.label_de),
        ("Telefon", s.phone),
        ("Führungskraft", "ja" if s.is_team_leader else ""),
    ]
    return RecordView(f"Mitarbeitende: {s.name}", _filled(rows))


def _third_party(session: Session, t: ThirdParty) -> RecordView:
    rows = [("Name", t.name), ("Art", t.kind.label_de), ("Anschrift", t.address),
            ("Kontakt", t.contact)]  # fmt: skip
    return RecordView(f"Dritte Stelle: {t.name}", _filled(rows))


# ---- helpers -------------------------------------------------------------------------------
def _filled(rows: Rows) -> Rows:
    return [(label, text) for label, text in rows if text.strip()]


def _when(value: datetime | None) -> str:
    return value.strftime("%d.%m.%Y %H:%M") if value is not None else ""


def _day(value: date | None) -> str:
    return format_day(value) if value is not None else ""


def _client_line(session: Session, client_id: str | None) -> str:
    client: Client | None = session.clients.find(client_id) if client_id else None
    if client is None:
        return "—"
    number = f" ({client.customer_number})" if client.customer_number else ""
    return client.display_name + number


def _third_party_name(session: Session, third_party_id: str | None) -> str:
    found = session.third_parties.find(third_party_id) if third_party_id else None
    return found.name if found is not None else ""


def _appointment_line(session: Session, appointment_id: str | None) -> str:
    a: Appointment | None = session.appointments.find(appointment_id) if appointment_id else None
    if a is None:
        return ""
    return f"{a.approach.label_de}, {_when(a.start)}" + (f", {a.place}" if a.place else "")
