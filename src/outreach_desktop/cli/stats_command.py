"""`outreach-desktop stats`: the figures of a period as a table, JSON or CSV, and `stats report`:
the printable A4 report. Counts only; what goes out shows small counts as "< 3" (setting)."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from outreach_desktop.cli.common import print_json, print_table, unlocked
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.statistics import Grouping
from outreach_desktop.domain.statistics_period import (
    Period,
    choose_period,
    parse_month,
    parse_quarter,
    parse_year,
)
from outreach_desktop.services.documents import pdf_target, save_pdf

GROUPINGS = [g.value for g in Grouping if g is not Grouping.NONE]


class StatsUsage(DomainError):
    """Options that do not go together."""


def period_of(args: argparse.Namespace, today: date) -> Period:
    named = [(flag, value) for flag, value in (("--month", args.month), ("--quarter",
             args.quarter), ("--year", args.year)) if value is not None]  # fmt: skip
    if len(named) > 1 or (named and (args.first or args.last)):
        raise StatsUsage("Bitte nur eine Angabe zum Zeitraum: --from/--to, --month, --quarter "
                         "oder --year.")  # fmt: skip
    if named:
        flag, value = named[0]
        parse = {"--month": parse_month, "--quarter": parse_quarter, "--year": parse_year}[flag]
        return parse(value)
    return choose_period(today, args.first, args.last)


def _check(args: argparse.Namespace) -> None:
    if args.what == "report":
        if args.out is None:
            raise StatsUsage("Für „stats report“ bitte mit --out angeben, wohin das PDF kommt.")
        if args.json or args.csv:
            raise StatsUsage("„stats report“ schreibt ein PDF; --json und --csv gehen hier nicht.")
    elif args.out is not None:
        raise StatsUsage("--out gibt es nur mit „stats report“.")
    if args.json and args.csv:
        raise StatsUsage("Bitte --json oder --csv wählen, nicht beides.")


def run(args: argparse.Namespace) -> int:
    _check(args)
    today = date.today()
    period = period_of(args, today)
    by = Grouping(args.by) if args.by else Grouping.NONE
    if args.what == "report":
        return _report(args, period, today, Grouping(args.by or Grouping.APPROACH))
    with unlocked(args) as session:
        stats = session.statistics
        if args.json:
            print_json(stats.json(period, by))
        elif args.csv:
            # lines end in "\n" on a terminal; the terminal-safe stdout escapes a "\r"
            sys.stdout.write(stats.csv(period, by).replace("\r\n", "\n"))
        else:
            tab = stats.table(period, by)
            print(f"{tab.title_de} · {stats.scope_de()}")
            print_table(["Kennzahl", *tab.columns], tab.text(stats.threshold()))
    return 0


def _report(args: argparse.Namespace, period: Period, today: date, by: Grouping) -> int:
    pdf_target(args.out, replace=args.force)  # a wrong or taken name: before any work
    with unlocked(args) as session:
        pdf = session.statistics.report(period, today, by)
        written = save_pdf(args.out, pdf, replace=args.force)
    print(f"Gespeichert: {written} (Auswertung {period.label_de})")
    print("Hinweis: Der Bericht enthält nur Anzahlen, keine Namen und keine Texte.",
          file=sys.stderr)  # fmt: skip
    return 0
