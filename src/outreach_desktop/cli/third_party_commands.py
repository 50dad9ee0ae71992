"""`outreach-desktop third-parties list|add`: the third parties an accompaniment goes to; their
ids are what `appointments add --third-party ID` takes."""

from __future__ import annotations

import argparse

from outreach_desktop.cli.common import print_json, print_table, unlocked
from outreach_desktop.domain.people import ThirdParty
from outreach_desktop.domain.vocabulary import ThirdPartyKind

KINDS = [k.value for k in ThirdPartyKind]


def list_third_parties(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        parties = session.third_parties.search(args.search, limit=-1)
    if args.json:
        print_json([
            {"id": t.id, "name": t.name, "kind": t.kind.value, "kind_label": t.kind.label_de,
             "address": t.address, "contact": t.contact}
            for t in parties
        ])  # fmt: skip
        return 0
    if not parties:
        print("Keine dritten Stellen gefunden.")
        return 0
    print_table(
        ["Name", "Art", "Kontakt", "ID"],
        [[t.name, t.kind.label_de, t.contact.replace("\n", " "), t.id] for t in parties],
    )
    return 0


def add(args: argparse.Namespace) -> int:
    party = ThirdParty(
        name=args.name, kind=ThirdPartyKind(args.kind), address=args.address, contact=args.contact
    )
    with unlocked(args) as session:
        session.third_parties.save(party)
    print(party.id)
    return 0
