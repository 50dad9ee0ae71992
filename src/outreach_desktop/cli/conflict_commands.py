"""`inbox conflicts` and `inbox resolve`: versions of a record the office keeps side by side for a
person to decide (services/conflicts.py) — listed with both versions and what differs, and
decided once: keep the stored version or take the other one."""

from __future__ import annotations

import argparse
from typing import Any

from outreach_desktop.cli.common import german_moment, print_json, unlocked
from outreach_desktop.cli.office_import_commands import now_utc, person
from outreach_desktop.domain.transfer import MARK_LABELS
from outreach_desktop.services.conflicts import HOW_TEXT, ConflictView, Decision


def list_conflicts(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        found = session.conflicts.conflicts(everything=args.all)
    if args.json:
        print_json([_json(c) for c in found])
        return 0
    if not found:
        print("Kein Konflikt wartet auf eine Entscheidung." if not args.all else "Keine Konflikte.")
        return 0
    for n, conflict in enumerate(found):
        if n:
            print()
        _print(conflict)
    return 0


def _print(c: ConflictView) -> None:
    client = f" · {c.client}" if c.client else ""
    print(f"Konflikt {c.id}: {c.title}{client}")
    print(f"  ID {c.record_id}; andere Fassung vom Laptop von {c.caseworker} (Gerät "
          f"{c.sender[:8]}), eingelesen am {german_moment(c.found_at.astimezone())}")  # fmt: skip
    stored = "–" if c.stored_revision is None else str(c.stored_revision)
    print(f"  Felder (* verschieden; gespeichert: Fassung {stored}, andere: Fassung "
          f"{c.other_revision}):")  # fmt: skip
    for pair in c.rows:
        if not pair.differs:
            print(f"    {pair.label}: {_one_line(pair.stored)}")
            continue
        print(f"  * {pair.label}")
        print(f"      gespeichert: {_one_line(pair.stored) or '–'}")
        print(f"      andere:      {_one_line(pair.other) or '–'}")
    if not c.is_open:
        when = german_moment(c.resolved_at.astimezone()) if c.resolved_at else ""
        print(f"  Entschieden: {HOW_TEXT[c.resolution or 'kept']}, von {c.resolved_by} "
              f"am {when}")  # fmt: skip
    elif c.refusal:
        print(f"  Übernehmen nicht möglich: {c.refusal}")
        print(f"  Entscheiden: inbox resolve --conflict {c.id} --keep")
    else:
        print(f"  Entscheiden: inbox resolve --conflict {c.id} --keep oder --replace")


def _one_line(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


def _json(c: ConflictView) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind,
        "record_id": c.record_id,
        "title": c.title,
        "client": c.client,
        "sender": c.sender,
        "caseworker": c.caseworker,
        "found_at": c.found_at.isoformat(),
        "bundle_id": c.bundle_id,
        "stored_revision": c.stored_revision,
        "other_revision": c.other_revision,
        "fields": [
            {"label": p.label, "stored": p.stored, "other": p.other, "differs": p.differs}
            for p in c.rows
        ],
        "changed_fields": list(c.changed_fields),
        "can_replace": c.can_replace,
        "refusal": c.refusal,
        "resolution": c.resolution,
        "resolved_by": c.resolved_by,
        "resolved_at": c.resolved_at.isoformat() if c.resolved_at else None,
    }


def resolve(args: argparse.Namespace) -> int:
    how = "kept" if args.keep else "replaced"
    by, now = person(args.by), now_utc()
    with unlocked(args) as session:
        decision = session.conflicts.resolve(args.conflict, how, by, now)
    for line in decision_lines(decision):
        print(line)
    return 0


def decision_lines(decision: Decision) -> list[str]:
    c = decision.conflict
    lines = [f"Konflikt {c.id} entschieden: {HOW_TEXT[c.resolution or 'kept']} ({c.title})."]
    if c.resolution == "replaced":
        lines.append(f"Gespeichert ist jetzt die andere Fassung (Fassung {decision.revision}).")
    if decision.earlier_marks:
        marks = ", ".join(MARK_LABELS[m] for m in decision.earlier_marks)
        lines.append(f"Schon vermerkt für die vorige Fassung: {marks} – was sich geändert hat, "
                     "bitte dort nachtragen.")  # fmt: skip
    return lines
