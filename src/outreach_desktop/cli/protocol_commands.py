"""`outreach-desktop protocols list|show|pdf` and `outreach-desktop search`."""

from __future__ import annotations

import argparse
import sys

from outreach_desktop.cli.common import german_day, print_json, print_table, unlocked
from outreach_desktop.services.documents import pdf_target, save_pdf
from outreach_desktop.services.protocol_views import protocol_pdf, view

KIND_DE = {"client": "Kundin/Kunde", "appointment": "Termin", "protocol": "Protokoll"}


def list_protocols(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        protocols = session.protocols.all()
        names = {c.id: c.display_name for c in session.clients.all()}
    if args.json:
        print_json([
            {
                "id": p.id, "met_at": p.met_at.isoformat(), "approach": p.approach.value,
                "client_id": p.client_id, "appointment_id": p.appointment_id,
                "final": p.is_final, "countersigned": p.countersigned_at is not None,
                "addenda": len(p.addenda),
            }
            for p in protocols
        ])  # fmt: skip
        return 0
    if not protocols:
        print("Keine Protokolle.")
        return 0
    print_table(
        ["Gespräch am", "Ansatz", "Kundin/Kunde", "Stand", "Nachträge", "ID"],
        [
            [german_day(p.met_at), p.approach.label_de, names.get(p.client_id or "", "—"),
             "abgeschlossen" if p.is_final else "Entwurf", str(len(p.addenda)), p.id]
            for p in protocols
        ],
    )  # fmt: skip
    return 0


def show(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        v = view(session, args.id)
    if args.json:
        print_json({
            "id": v.protocol.id, "title": v.title, "status": v.status,
            "facts": dict(v.facts.rows()), "sections": {s.label: s.text for s in v.sections},
            "addenda": [{"when": a.label, "text": a.text} for a in v.addenda],
        })  # fmt: skip
        return 0
    print(v.title)
    print(v.status)
    print()
    for label, value in v.facts.rows():
        print(f"{label}: {value}")
    for section in v.filled_sections():
        print(f"\n{section.label}\n{section.text}")
    if v.addenda:
        print("\nNachträge")
        for addendum in v.addenda:
            print(f"{addendum.label}: {addendum.text}")
    return 0


def pdf(args: argparse.Namespace) -> int:
    pdf_target(args.out, replace=args.force)  # a wrong or taken name: before any work
    with unlocked(args) as session:
        written = save_pdf(args.out, protocol_pdf(session, args.id), replace=args.force)
    print(f"Gespeichert: {written}")
    print(
        "Hinweis: Die PDF-Datei ist nicht verschlüsselt und enthält Sozialdaten.", file=sys.stderr
    )
    return 0


def search(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        hits = session.protocols.search(" ".join(args.query))
    if args.json:
        print_json([
            {"kind": h.kind, "id": h.ref, "title": h.title, "snippet": h.snippet} for h in hits
        ])  # fmt: skip
        return 0
    if not hits:
        print("Nichts gefunden.")
        return 0
    # whole, with the matches in [ ]: the index's snippet is already short (a few words)
    print_table(
        ["Art", "Treffer", "Ausschnitt", "ID"],
        [[KIND_DE.get(h.kind, h.kind), _one_line(h.title_marked("[", "]")),
          _one_line(h.snippet), h.ref]
         for h in hits],
    )  # fmt: skip
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())
