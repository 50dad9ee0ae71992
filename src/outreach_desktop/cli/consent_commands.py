"""`outreach-desktop consents list`: consent records with their state, never their content."""

from __future__ import annotations

import argparse

from outreach_desktop.cli.common import german_day, print_json, print_table, unlocked
from outreach_desktop.domain.consents import Consent


def list_consents(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        if args.appointment:
            consents = session.consents.for_appointment(args.appointment)
        else:
            consents = session.consents.all()
        names = {c.client_id: "" for c in consents}
        for client_id in names:
            client = session.clients.find(client_id)
            names[client_id] = client.display_name if client else ""
        starts = {}
        for c in consents:
            if c.appointment_id and c.appointment_id not in starts:
                found = session.appointments.find(c.appointment_id)
                starts[c.appointment_id] = german_day(found.start) if found else ""
    if args.json:
        print_json([_as_json(c, names[c.client_id]) for c in consents])
        return 0
    if not consents:
        print("Keine Einwilligungen gefunden.")
        return 0
    print_table(
        ["Art", "Kundin/Kunde", "Termin", "Stand", "Form", "Erteilt am", "Gültig bis", "ID"],
        [
            [
                c.kind.label_de,
                names[c.client_id],
                starts.get(c.appointment_id or "", ""),
                c.state.label_de,
                c.given_how.label_de if c.given_how else "",
                german_day(c.given_at) if c.given_at else "",
                german_day(c.valid_until) if c.valid_until else "",
                c.id,
            ]
            for c in consents
        ],
    )
    return 0


def _as_json(c: Consent, client_name: str) -> dict[str, object]:
    return {
        "id": c.id,
        "kind": c.kind.value,
        "client_id": c.client_id,
        "client_name": client_name,
        "appointment_id": c.appointment_id,
        "third_party_id": c.third_party_id,
        "state": c.state.value,
        "given_how": c.given_how.value if c.given_how else None,
        "given_at": c.given_at.isoformat() if c.given_at else None,
        "valid_until": c.valid_until.isoformat() if c.valid_until else None,
        "revoked_at": c.revoked_at.isoformat() if c.revoked_at else None,
        "language": c.language,
        "form_version": c.form_version,
        "signed_on_screen": c.signature_png is not None,
        "events": [{"at": e.at.isoformat(), "event": e.event} for e in c.events],
    }
