"""`outreach-desktop talks add|list`: talks with a third party about the client in the client's
absence, logged only under a valid release naming that third party (the GUI's "Gespräch mit
Dritten erfassen", `TalkService.add`). The list shows when, with whom and under which release;
the note only with --json."""

from __future__ import annotations

import argparse
from datetime import datetime

from outreach_desktop.cli.common import german_moment, print_json, print_table, unlocked
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.third_party_talks import MAX_NOTE as MAX_NOTE


def add(args: argparse.Namespace) -> int:
    now = datetime.now()
    at: datetime = args.at or now
    with unlocked(args) as session:
        talk = session.talks.add(
            args.release, at, now, third_party_id=args.third_party, note=args.note,
            appointment_id=args.appointment,
        )  # fmt: skip
        party = session.third_parties.get(talk.third_party_id)
    print(talk.id)
    print(f"Gespräch mit {party.name} am {german_moment(talk.at)} erfasst.")
    return 0


def list_talks(args: argparse.Namespace) -> int:
    if args.client and args.appointment:
        raise UserError("Bitte nur --client oder nur --appointment angeben.")
    with unlocked(args) as session:
        if args.appointment:
            talks = session.talks.for_appointment(args.appointment)
        elif args.client:
            session.clients.get(args.client)  # an unknown client is an error, not "none"
            talks = session.talks.for_client(args.client)
        else:
            talks = session.talks.all()
        parties = {t.third_party_id: session.third_parties.get(t.third_party_id).name
                   for t in talks}  # fmt: skip
    if args.json:
        print_json([
            {"id": t.id, "at": t.at.isoformat(timespec="minutes"), "client_id": t.client_id,
             "third_party_id": t.third_party_id, "third_party": parties[t.third_party_id],
             "release_id": t.release_id, "appointment_id": t.appointment_id, "note": t.note}
            for t in talks
        ])  # fmt: skip
        return 0
    if not talks:
        print("Keine Gespräche mit Dritten erfasst.")
        return 0
    print_table(
        ["Zeitpunkt", "Dritte Stelle", "Schweigepflichtentbindung", "ID"],
        [[german_moment(t.at), parties[t.third_party_id], t.release_id, t.id] for t in talks],
    )
    return 0
