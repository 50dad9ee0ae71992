"""`outreach-desktop demo`: a vault filled with synthetic data, made locally."""

from __future__ import annotations

import argparse
import sys

from outreach_desktop.cli.common import unlocked
from outreach_desktop.cli.secrets import SecretSource
from outreach_desktop.demo import fill_demo, owner_name
from outreach_desktop.demo.sizes import SIZES
from outreach_desktop.domain.errors import UserError
from outreach_desktop.services.vaults import create_vault, is_vault


def run(args: argparse.Namespace) -> int:
    size = SIZES[args.size]
    if args.clients < 0 or args.clients > 100_000:
        print("Aufruf fehlerhaft: --clients muss zwischen 0 und 100000 liegen.", file=sys.stderr)
        return 2
    if is_vault(args.vault):
        with unlocked(args) as session:
            summary = fill_demo(session, clients=args.clients, seed=args.seed, size=size)
    else:
        passphrase = SecretSource().read(args.passphrase_file, "Neue Passphrase: ", confirm=True)
        session = create_vault(args.vault, passphrase, owner_name=owner_name())
        try:
            summary = fill_demo(session, clients=args.clients, seed=args.seed, size=size)
        except UserError:  # the demo is one change: none of it was kept, but the vault was made
            print("Hinweis: Der Tresor wurde angelegt; Beispieldaten enthält er keine.",
                  file=sys.stderr)  # fmt: skip
            raise
        finally:
            session.lock()
    print(
        f"Beispieldaten angelegt: {summary.clients} Kundinnen und Kunden, "
        f"{summary.staff} Mitarbeitende, {summary.third_parties} Dritte, "
        f"{summary.appointments} Termine."
    )
    print(
        f"Dazu: {summary.calls} Anrufversuche, {summary.letters} Briefe, "
        f"{summary.answers} Checklisten-Antworten, {summary.outcomes} Ergebnisse, "
        f"{summary.consents} Einwilligungen."
    )
    if size is not None:
        print(f"Aus fünf Jahren: {summary.protocols} Gedächtnisprotokolle.")
    return 0
