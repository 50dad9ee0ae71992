"""How a protocol reads for the office: the same labelled fields feed the PDF, the "Übernahme"
view (copy field by field into VerBIS) and the CLI.

The view has named, typed fields; the German labels and texts are what is shown and copied,
never read back: a caller that needs to decide something (is there a follow-up?) asks a typed
field, not a label."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING

from outreach_desktop import documents
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.conduct import Conduct, real_minutes
from outreach_desktop.domain.documents import ProtocolDocument
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.protocols import SUCCESS_MEASURE_DE, TEXT_FIELDS, Protocol
from outreach_desktop.services.agency import letterhead
from outreach_desktop.services.settings import load_settings

if TYPE_CHECKING:  # the session holds services that read records through these views
    from outreach_desktop.services.session import Session


def _dt(value: datetime | None) -> str:
    return value.strftime("%d.%m.%Y %H:%M") if value is not None else ""


@dataclass(frozen=True)
class Labelled:
    """One labelled text as the office reads it (German label, German text)."""

    label: str
    text: str


@dataclass(frozen=True)
class Section(Labelled):
    field: str  # the Protocol attribute, e.g. "course"


@dataclass(frozen=True)
class ProtocolFacts:
    """The facts block, in the order it is printed and copied."""

    client: Labelled
    met: Labelled  # when and how long: begun and ended as recorded on site, where they were
    outcome: Labelled  # the appointment's outcome, who broke off and why, where given
    written: Labelled
    staff: Labelled
    others_present: Labelled
    routing: Labelled
    follow_up: Labelled
    success: Labelled

    def rows(self) -> list[tuple[str, str]]:
        return [(f.label, f.text) for f in (getattr(self, x.name) for x in fields(self))]


@dataclass(frozen=True)
class ProtocolView:
    protocol: Protocol
    title: str
    status: str
    facts: ProtocolFacts
    sections: list[Section]  # every text field, in order (empty ones included)
    addenda: list[Labelled]  # label: when and by whom
    follow_up: Appointment | None  # the follow-up appointment, if one is planned

    def filled_sections(self) -> list[Section]:
        return [s for s in self.sections if s.text.strip()]

    def rows(self) -> list[tuple[str, str]]:
        """Facts and filled sections as (label, text), as printed and copied."""
        return [*self.facts.rows(), *((s.label, s.text) for s in self.filled_sections())]


def view(session: Session, protocol_id: str) -> ProtocolView:
    return view_of(session, session.protocols.get(protocol_id))


def view_of(session: Session, p: Protocol) -> ProtocolView:
    """The view of a protocol as given (stored or not); what it names is read from `session`."""
    staff = session.staff.names()
    client = session.clients.find(p.client_id) if p.client_id else None
    who = client.display_name if client else "—"
    follow = _follow_up(session, p)
    appointment = session.appointments.find(p.appointment_id) if p.appointment_id else None
    conduct = session.outcomes.conduct(appointment.id) if appointment else None
    return ProtocolView(
        protocol=p,
        title=f"Gedächtnisprotokoll: {p.approach.label_de} mit {who}",
        status=_status(p, staff),
        facts=_facts(p, client, staff, follow, OnSite(appointment, conduct)),
        sections=[Section(label, getattr(p, name), name) for name, label in TEXT_FIELDS],
        addenda=[Labelled(f"{_dt(a.at)}, {staff.get(a.by, '—')}", a.text) for a in p.addenda],
        follow_up=follow,
    )


def _status(p: Protocol, staff: dict[str, str]) -> str:
    if not p.is_final:
        return "Entwurf"
    status = f"abgeschlossen am {_dt(p.finalized_at)} von {staff.get(p.finalized_by or '', '—')}"
    if p.countersigned_at:
        status += (
            f"; gegengezeichnet am {_dt(p.countersigned_at)} von "
            f"{staff.get(p.countersigned_by or '', '—')}"
        )
    return status


def _follow_up(session: Session, p: Protocol) -> Appointment | None:
    follow = session.appointments.find(p.follow_up_id) if p.follow_up_id else None
    if follow is None and p.appointment_id:  # planned from the appointment window instead
        followers = [f for f in session.appointments.followers(p.appointment_id)
                     if f.predecessor_id == p.appointment_id]  # fmt: skip
        follow = followers[0] if followers else None
    return follow


@dataclass(frozen=True)
class OnSite:
    """What was recorded on site for the protocol's appointment (none for a standalone one; on
    the office station only the appointment travels, without its conduct record)."""

    appointment: Appointment | None
    conduct: Conduct | None

    def met_text(self, p: Protocol) -> str:
        """Begun and ended as recorded; without them the protocol's own time and duration."""
        c = self.conduct
        if c is None or c.started_at is None:
            return f"{_dt(p.met_at)}, {p.duration_min} Minuten"
        begun = f"{c.started_at:%d.%m.%Y}, begonnen {c.started_at:%H:%M}"
        if c.outcome_at is None:
            return f"{begun}, noch nicht beendet"
        ended = c.outcome_at.strftime("%H:%M")
        if c.outcome_at.date() != c.started_at.date():
            ended = _dt(c.outcome_at)
        return f"{begun}, beendet {ended} ({real_minutes(c)} Minuten)"

    def outcome_text(self) -> str:
        a, c = self.appointment, self.conduct
        if a is None:
            return "ohne Termin"
        outcome = c.outcome if c is not None and c.outcome is not None else a.status
        if not outcome.is_outcome:
            return "noch keins"
        text = outcome.label_de
        if c is not None and c.broken_off_by is not None:
            text += f", abgebrochen von: {c.broken_off_by.label_de}"
        if c is not None and c.outcome_reason:
            text += f" – Grund: {c.outcome_reason}"
        return text


def _facts(
    p: Protocol,
    client: Client | None,
    staff: dict[str, str],
    follow: Appointment | None,
    on_site: OnSite,
) -> ProtocolFacts:
    routes = [
        label for flag, label in (
            (p.to_verbis, "Eintrag in VerBIS"),
            (p.benefit_relevant, "leistungsrelevant: e-Akte, Leistungsgewährung informieren"),
            (p.inform_network, "Netzwerkpartner informieren"),
            (p.to_main_caseworker, "Information an die Hauptbetreuung"),
        ) if flag
    ]  # fmt: skip
    who = client.display_name if client else "—"
    number = f" ({client.customer_number})" if client and client.customer_number else ""
    others = "; ".join(
        f"{o.name} ({o.role})" + ("" if o.consent_id else " – Einverständnis fehlt")
        for o in p.others_present
    )
    follow_text = (
        _dt(follow.start) + (f", {follow.place}" if follow.place else "") if follow else "keiner"
    )
    return ProtocolFacts(
        client=Labelled("Kundin/Kunde", who + number),
        met=Labelled("Gespräch am", on_site.met_text(p)),
        outcome=Labelled("Ergebnis", on_site.outcome_text()),
        written=Labelled("Geschrieben am", _dt(p.written_at)),
        staff=Labelled("Mitarbeitende", ", ".join(staff.get(i, "—") for i in p.staff_ids)),
        others_present=Labelled("Weitere Anwesende", others or "keine"),
        routing=Labelled("Weiterleitung", "; ".join(routes) or "keine"),
        follow_up=Labelled("Folgetermin", follow_text),
        success=Labelled(
            "Erfolg", f"{p.success.label_de} – Maßstab: {SUCCESS_MEASURE_DE[p.approach]}"
        ),
    )


def protocol_pdf(session: Session, protocol_id: str) -> bytes:
    v = view(session, protocol_id)
    joined = session.identity.joined_setup()
    return documents.render_protocol(
        ProtocolDocument(
            letterhead=letterhead(load_settings(), joined.setup if joined else None),
            title=v.title,
            status=v.status,
            facts=tuple(v.facts.rows()),
            sections=tuple((s.label, s.text) for s in v.filled_sections()),
            addenda=tuple((a.label, a.text) for a in v.addenda),
            reference=v.protocol.id,
        )
    )
