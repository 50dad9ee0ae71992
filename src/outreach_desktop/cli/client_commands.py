"""`outreach-desktop clients …`"""

from __future__ import annotations

import argparse

from outreach_desktop.cli.common import print_json, print_table, unlocked
from outreach_desktop.domain.people import Client


def add(args: argparse.Namespace) -> int:
    client = Client(
        display_name=args.name,
        phone=args.phone,
        address=args.address,
        customer_number=args.customer_number,
    )
    with unlocked(args) as session:
        session.clients.save(client)
    print(client.id)
    return 0


def list_clients(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        clients = session.clients.search(args.search, limit=-1)
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "display_name": c.display_name,
                    "customer_number": c.customer_number,
                    "phone": c.phone,
                    "address": c.address,
                    "preferred_language": c.preferred_language.value,
                    "in_own_caseload": c.in_own_caseload,
                    "main_caseworker_id": c.main_caseworker_id,
                    "revision": c.revision,
                    "updated_at": c.updated_at.isoformat() if c.updated_at else None,
                }
                for c in clients
            ]
        )
        return 0
    if not clients:
        print("Keine Kundinnen und Kunden gefunden.")
        return 0
    print_table(
        ["Name", "Kundennummer", "Telefon", "ID"],
        [[c.display_name, c.customer_number, c.phone, c.id] for c in clients],
    )
    return 0
