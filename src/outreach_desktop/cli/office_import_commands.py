"""`outreach-desktop import` at the office station (the laptops' exports) and `inbox list/mark`
(the Posteingang: what awaits entry into VerBIS and the e-Akte).

`import` prints one result line per file and exits 0 when every file was imported or had been
imported before, 1 when any was refused (one line on stderr says how many)."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from typing import Any

from outreach_desktop.cli.common import print_json, print_table, unlocked
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.transfer import MARK_LABELS, MARK_ORDER, Mark
from outreach_desktop.services.inbox import InboxGroup, InboxItem
from outreach_desktop.services.office_import import ImportResult
from outreach_desktop.services.session import Session


def import_on_office(session: Session, args: argparse.Namespace) -> int:
    """The office station reads the laptops' exports (the vault is unlocked by the caller)."""
    results = session.inbox.import_files(
        args.files, now_utc(), args.trust or (), trusted_by=person(args.by)
    )
    for result in results:
        print(_line(result))
    refused = [r for r in results if not r.ok]
    if refused:
        print(
            f"Fehler: {len(refused)} von {len(results)} Dateien nicht eingelesen.", file=sys.stderr
        )
        return 1
    return 0


def _line(result: ImportResult) -> str:
    if result.unknown_device:
        return f"{result.line} Nach dem Vergleich: --trust-new-device {result.fingerprint}"
    return result.line


def list_inbox(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        groups = session.inbox.entries(everything=args.all)
    if args.json:
        print_json([_group_json(g) for g in groups])
        return 0
    if not groups:
        print("Im Posteingang wartet nichts." if not args.all else "Der Posteingang ist leer.")
        return 0
    rows = [
        [g.caseworker, g.client or "–", i.title, i.id, _state(i)] for g in groups for i in g.items
    ]
    print_table(["Mitarbeitende", "Kundin/Kunde", "Eintrag", "ID", "Stand"], rows)
    return 0


def _state(item: InboxItem) -> str:
    if item.rejected is not None:
        return f"abgelehnt: {item.rejected_reason}"
    if item.transferred:
        return "übernommen"
    return "offen: " + ", ".join(MARK_LABELS[m] for m in item.missing)


def _group_json(group: InboxGroup) -> dict[str, Any]:
    return {
        "device_id": group.device_id,
        "caseworker": group.caseworker,
        "client_id": group.client_id,
        "client": group.client,
        "items": [_item_json(i) for i in group.items],
    }


def _item_json(item: InboxItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "id": item.id,
        "revision": item.revision,
        "title": item.title,
        "imported_at": item.imported_at.isoformat(),
        "applies": list(item.applies),
        "marks": {m: {"by": s.by, "at": s.at.isoformat()} for m, s in item.marks.items()},
        "missing": list(item.missing),
        "transferred": item.transferred,
        "rejected": item.rejected is not None,
        "rejected_reason": item.rejected_reason,
    }


def mark(args: argparse.Namespace) -> int:
    marks: list[Mark] = [m for m in MARK_ORDER if getattr(args, m)]
    if args.reject is not None and marks:
        raise DomainError("Ein Eintrag wird entweder markiert oder abgelehnt, nicht beides.")
    if args.reject is None and not marks:
        raise DomainError("Bitte --verbis, --eakte, --benefits oder --reject GRUND angeben.")
    by, now = person(args.by), now_utc()
    with unlocked(args) as session:
        item = _find(session, args.record, args.kind)
        if args.reject is not None:
            done = session.inbox.reject(item.kind, item.id, args.reject, by, now)
            print(("Abgelehnt" if done else "War schon abgelehnt") + f": {item.title}")
            return 0
        for m in marks:
            done = session.inbox.mark(item.kind, item.id, m, by, now)
            print(("Markiert" if done else "Schon markiert") + f": {MARK_LABELS[m]}")
        item = session.inbox.item(item.kind, item.id)
    print(f"{item.title}: {_state(item)}")
    return 0


def _find(session: Session, record_id: str, kind: str | None) -> InboxItem:
    found = [i for i in session.inbox.items(record_id) if kind is None or i.kind == kind]
    if not found:
        raise DomainError(f"Im Posteingang gibt es keinen Eintrag {record_id}.")
    if len(found) > 1:
        kinds = ", ".join(i.kind for i in found)
        raise DomainError(f"Die ID gehört zu mehreren Einträgen ({kinds}); bitte --kind angeben.")
    return found[0]


def person(by: str | None) -> str:
    """Who confirms or marks: as given, else the name the operating system knows."""
    if by:
        return by
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        raise DomainError("Bitte mit --by NAME angeben, wer das tut.") from None


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
