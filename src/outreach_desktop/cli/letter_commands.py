"""`outreach-desktop letters due|sent`: announcement and reminder letters of planned home visits
whose window is open and that are not sent yet."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from outreach_desktop.cli.common import german_day, print_json, print_table, unlocked
from outreach_desktop.domain.home_visit import LetterKind, letter_state


def due(args: argparse.Namespace) -> int:
    today: date = args.date or date.today()
    with unlocked(args) as session:
        pairs = session.workflow.letters_due(today)
        views = session.appointments.views([a for a, _w in pairs])
    rows = []
    for view, (a, window) in zip(views, pairs, strict=True):
        state = letter_state(window, None, today)
        rows.append((view, a, window, state))
    if args.json:
        print_json(
            [
                {
                    "appointment_id": a.id,
                    "visit": a.start.isoformat(timespec="minutes"),
                    "client_id": a.client_id,
                    "client_name": view.client_name or None,
                    "kind": window.kind.value,
                    "kind_label": window.kind.label_de,
                    "opens": window.opens.isoformat(),
                    "due": window.due.isoformat(),
                    "state": state.value,
                    "state_label": state.label_de,
                }
                for view, a, window, state in rows
            ]
        )
        return 0
    if not rows:
        print("Keine Briefe fällig.")
        return 0
    print_table(
        ["Fällig", "Ab", "Brief", "Kundin/Kunde", "Hausbesuch", "Stand", "Termin-ID"],
        [
            [
                german_day(window.due),
                german_day(window.opens),
                window.kind.label_de,
                view.client_name or "anonym",
                german_day(a.start),
                state.label_de,
                a.id,
            ]
            for view, a, window, state in rows
        ],
    )
    return 0


def sent(args: argparse.Namespace) -> int:
    """Record a letter as sent, as the GUI's "Als versendet markieren" does."""
    kind = LetterKind(args.kind)
    day: date = args.on or date.today()
    with unlocked(args) as session:
        session.workflow.set_letter_sent(args.appointment, kind, day)
        line = session.workflow.state(args.appointment, date.today()).timeline
    print(f"{kind.label_de} als versendet erfasst: {german_day(day)}")
    for warning in line.warnings if line is not None else ():
        print(f"Hinweis: {warning.message}", file=sys.stderr)
    return 0
