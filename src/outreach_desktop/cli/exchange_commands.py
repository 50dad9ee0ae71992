"""`outreach-desktop export`: the laptop's bundle for the office (services/export.py)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from outreach_desktop.cli.common import unlocked
from outreach_desktop.services.export import kind_title


def export(args: argparse.Namespace) -> int:
    """The bundle's path on stdout (nothing when nothing waited); what went on stderr."""
    with unlocked(args) as session:
        result = session.outbox.export(Path(args.out), datetime.now(UTC), since=args.since)
    for path in result.finished:
        print(f"Eine unterbrochene Übergabe wurde fertiggestellt: {path}", file=sys.stderr)
    if result.path is None:
        print("Nichts zu übergeben: alles ist bereits beim Büro.", file=sys.stderr)
        return 0
    print(result.path)
    parts = [f"{n} {kind_title(kind)}" for kind, n in result.counts.items()]
    print(f"Übergabe Nr. {result.sequence}: {', '.join(parts)}.", file=sys.stderr)
    if result.left:
        print(
            f"{result.left} weitere Einträge passen nicht mehr in diese Datei (Größengrenze "
            "der Dienststelle): bitte noch einmal exportieren.",
            file=sys.stderr,
        )
    return 0
