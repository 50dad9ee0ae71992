"""`receipt` (the office writes one for a device), the laptop's side of `import` (the office's
receipts), `purge` and `sync log`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from outreach_desktop.cli.common import german_moment, print_json, print_table, unlocked
from outreach_desktop.domain.errors import UserError
from outreach_desktop.services.purge import PurgeResult, purge_summary
from outreach_desktop.services.session import Session
from outreach_desktop.services.sync_log import counts_text, kind_title


def receipt(args: argparse.Namespace) -> int:
    """Prints the receipt's path (stdout) and what it says (stderr); nothing to acknowledge:
    the reason, no file."""
    with unlocked(args) as session:
        result = session.receipts.write_receipt(args.device, Path(args.out))
    if result.path is None:
        print(result.message)
        return 0
    print(result.path)
    print(result.message, file=sys.stderr)
    return 0


def import_on_field(session: Session, files: Sequence[Path]) -> int:
    """A laptop imports receipts, each on its own: one bad file never stops the others, each
    gets its German lines (a refusal on stderr); exit code 1 if any was refused."""
    code = 0
    for path in files:
        try:
            result = session.receipts.import_receipt(Path(path))
        except UserError as error:
            print(f"{Path(path).name}: abgelehnt: {error}", file=sys.stderr)
            code = 1
            continue
        for line in result.lines():
            print(f"{Path(path).name}: {line}")
    return code


def purge(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        result = session.purge().plus(session.purged_at_unlock)
    for line in purge_lines(result):
        print(line)
    return 0


def purge_lines(result: PurgeResult) -> list[str]:
    if not result.total:
        return [purge_summary(result)]
    lines = [f"Gelöscht nach {result.retention_days} Tagen Aufbewahrung:"]
    lines += [f"  {kind_title(kind)}: {n}" for kind, n in result.counts.items() if n]
    if result.backups_removed:
        lines.append(f"Sicherungskopien mit gelöschten Daten entfernt: {result.backups_removed}")
    return lines


def sync_log(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        lines = session.sync_log.lines()
        deleted = session.sync_log.deletion_totals()
    if args.json:
        print_json({"entries": [line.to_json() for line in lines], "deleted": deleted})
        return 0
    rows = [
        [german_moment(line.local_time), line.action_label, line.result_label,
         (line.bundle_id or "")[:8], counts_text(line.counts), line.detail]
        for line in lines
    ]  # fmt: skip
    print_table(["Zeit", "Vorgang", "Ergebnis", "Sendung", "Anzahl", "Einzelheiten"], rows)
    print(f"Gelöscht insgesamt: {counts_text(deleted) or 'nichts'}")
    return 0
