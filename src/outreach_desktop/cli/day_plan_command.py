"""`outreach-desktop dayplan`: Außentermine of a day as a one-page PDF for the team board."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime

from outreach_desktop.cli.common import DAY_HELP, parse_day, unlocked
from outreach_desktop.cli.parser_kit import Parents, Subcommands, command, option, parent
from outreach_desktop.services.day_plan import day_plan_pdf
from outreach_desktop.services.documents import pdf_target, save_pdf


def run(args: argparse.Namespace) -> int:
    pdf_target(args.out, replace=args.force)  # a wrong or taken name: before any work
    now = datetime.now()
    day: date = args.date or now.date()
    with unlocked(args) as session:
        pdf = day_plan_pdf(session, day, now, with_names=args.with_names)
        written = save_pdf(args.out, pdf, replace=args.force)
    names = "mit Namen von Kundinnen und Kunden" if args.with_names else "ohne Namen"
    print(f"Gespeichert: {written} (Außentermine am {day:%d.%m.%Y}, {names})")
    if args.with_names:
        print(
            "Hinweis: Die PDF-Datei ist nicht verschlüsselt und enthält Sozialdaten. "
            "Nicht aushängen; nach Gebrauch löschen.",
            file=sys.stderr,
        )
    return 0


def add(sub: Subcommands, parents: Parents) -> None:
    own = parent(
        option("--date", type=parse_day, metavar="TT.MM.JJJJ", help=f"{DAY_HELP}; ohne: heute"),
        option("--with-names", action="store_true",
               help="Namen der Kundinnen und Kunden und genaue Orte aufnehmen (Sozialdaten)"),
    )  # fmt: skip
    command(sub, "dayplan", "Außentermine eines Tages als PDF (Aushang für das Team)", run,
            parents.session, own, parents.out)  # fmt: skip
