"""How a protocol reads for the office: the same labelled fields feed the PDF, the "Übernahme"
view (copy field by field into VerBIS) and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from outreach_desktop import documents
from outreach_desktop.domain.documents import ProtocolDocument
from outreach_desktop.domain.protocols import SUCCESS_MEASURE_DE, TEXT_FIELDS, Protocol
from outreach_desktop.services.agency import letterhead
from outreach_desktop.services.session import Session
from outreach_desktop.services.settings import load_settings


def _dt(value: object) -> str:
    from datetime import datetime

    return value.strftime("%d.%m.%Y %H:%M") if isinstance(value, datetime) else ""


@dataclass(frozen=True)
class ProtocolView:
    protocol: Protocol
    title: str
    status: str
    facts: list[tuple[str, str]]
    sections: list[tuple[str, str]]  # every field, in order (empty ones included)
    addenda: list[tuple[str, str]]

    def filled_sections(self) -> list[tuple[str, str]]:
        return [(label, text) for label, text in self.sections if text.strip()]


def view(session: Session, protocol_id: str) -> ProtocolView:
    p = session.protocols.get(protocol_id)
    staff = session.staff.names()
    client = session.clients.find(p.client_id) if p.client_id else None
    who = client.display_name if client else "—"
    title = f"Gedächtnisprotokoll: {p.approach.label_de} mit {who}"
    if p.is_final:
        status = (
            f"abgeschlossen am {_dt(p.finalized_at)} von {staff.get(p.finalized_by or '', '—')}"
        )
        if p.countersigned_at:
            status += (
                f"; gegengezeichnet am {_dt(p.countersigned_at)} von "
                f"{staff.get(p.countersigned_by or '', '—')}"
            )
    else:
        status = "Entwurf"
    routes = [
        label for flag, label in (
            (p.to_verbis, "Eintrag in VerBIS"),
            (p.benefit_relevant, "leistungsrelevant: e-Akte, Leistungsgewährung informieren"),
            (p.inform_network, "Netzwerkpartner informieren"),
            (p.to_main_caseworker, "Information an die Hauptbetreuung"),
        ) if flag
    ]  # fmt: skip
    follow = session.appointments.find(p.follow_up_id) if p.follow_up_id else None
    if follow is None and p.appointment_id:  # planned from the appointment window instead
        followers = [f for f in session.appointments.followers(p.appointment_id)
                     if f.predecessor_id == p.appointment_id]  # fmt: skip
        follow = followers[0] if followers else None
    number = f" ({client.customer_number})" if client and client.customer_number else ""
    facts = [
        ("Kundin/Kunde", who + number),
        ("Gespräch am", f"{_dt(p.met_at)}, {p.duration_min} Minuten"),
        ("Geschrieben am", _dt(p.written_at)),
        ("Mitarbeitende", ", ".join(staff.get(i, "—") for i in p.staff_ids)),
        ("Weitere Anwesende", "; ".join(
            f"{o.name} ({o.role})" + ("" if o.consent_id else " – Einverständnis fehlt")
            for o in p.others_present
        ) or "keine"),
        ("Weiterleitung", "; ".join(routes) or "keine"),
        ("Folgetermin", (_dt(follow.start) + (f", {follow.place}" if follow.place else ""))
         if follow else "keiner"),
        ("Erfolg", f"{p.success.label_de} – Maßstab: {SUCCESS_MEASURE_DE[p.approach]}"),
    ]  # fmt: skip
    sections = [(label, getattr(p, name)) for name, label in TEXT_FIELDS]
    addenda = [(f"{_dt(a.at)}, {staff.get(a.by, '—')}", a.text) for a in p.addenda]
    return ProtocolView(p, title, status, facts, sections, addenda)


def protocol_pdf(session: Session, protocol_id: str) -> bytes:
    v = view(session, protocol_id)
    return documents.render_protocol(
        ProtocolDocument(
            letterhead=letterhead(load_settings()),
            title=v.title,
            status=v.status,
            facts=tuple(v.facts),
            sections=tuple(v.filled_sections()),
            addenda=tuple(v.addenda),
            reference=v.protocol.id,
        )
    )
