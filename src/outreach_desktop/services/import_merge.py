"""Merging the records of a verified export into the office vault, record by record.

* not in the vault: stored as the laptop stored it, and put into the inbox;
* the same content (content hash): no change. If the laptop saved it again without changing
  what travels (a higher revision of its own device), the vault and the inbox follow that
  revision and keep the marks set for the content, which is the same: the receipt then names
  the revision the laptop sent last;
* a higher revision from the record's own device (the sender): stored, and the inbox takes the
  new revision (marks count per revision: the person enters the change too). What storage keeps
  append-only must only have grown: a finalized protocol changes only by addenda (and one
  countersignature), a consent's history only by new events;
* anything else (other content at the same or a lower revision, another device's record under
  that id, a finalized protocol rewritten): a conflict kept beside the stored record, which
  stays as it is.

`plan` only reads; `apply` writes. The caller runs both in one transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast

from outreach_desktop.domain.records import Record
from outreach_desktop.exchange.records import to_record
from outreach_desktop.services.import_checks import Incoming, Stored
from outreach_desktop.storage.conflict_repo import Conflict, ConflictRepository
from outreach_desktop.storage.exchange_repo import RecordKind, SentRecord
from outreach_desktop.storage.inbox_repo import InboxEntry, InboxRepository
from outreach_desktop.storage.record_repo import RecordRepository

# "restamped": the same content at a newer revision of its own device (counted as "same")
Outcome = Literal["new", "updated", "same", "restamped", "conflict"]
OUTCOMES = ("new", "updated", "same", "conflicts")
# fields of a finalized protocol that may still change: the storage's guards allow these
PROTOCOL_GROWS = ("addenda", "countersigned_by", "countersigned_at")


@dataclass(frozen=True)
class Step:
    incoming: Incoming
    outcome: Outcome


class Merger:
    def __init__(
        self,
        repos: Mapping[str, RecordRepository[Any]],
        inbox: InboxRepository,
        conflicts: ConflictRepository,
    ) -> None:
        self._repos, self._inbox, self._conflicts = repos, inbox, conflicts

    def stored_lookup(self) -> Stored:
        """Whether the office vault holds a record of a kind with an id, as it is now (each
        kind's ids read once)."""
        ids: dict[str, set[str]] = {}

        def stored(kind: str, record_id: str) -> bool:
            if kind not in ids:
                ids[kind] = set(self._repos[kind].ids())
            return record_id in ids[kind]

        return stored

    # ---- reading ---------------------------------------------------------------------------
    def plan(self, records: list[Incoming], sender: str) -> list[Step]:
        return [Step(r, self._outcome(r, sender)) for r in records]

    def _outcome(self, incoming: Incoming, sender: str) -> Outcome:
        stored = self._repos[incoming.kind].find(incoming.id)
        if stored is None:
            return "new"
        ours = to_record(incoming.kind, stored)
        theirs = incoming.record
        newer = theirs["revision"] > stored.revision and self._own(incoming, stored, sender)
        if ours["content_hash"] == theirs["content_hash"]:
            return "restamped" if newer else "same"
        if newer and grows_only(incoming.kind, ours["fields"], theirs["fields"]):
            return "updated"
        return "conflict"

    def _own(self, incoming: Incoming, stored: Record, sender: str) -> bool:
        """The record comes from its own device, which sent what the inbox holds of it."""
        if not incoming.record["origin_device"] == stored.origin_device == sender:
            return False
        entry = self._inbox.get(_kind(incoming), incoming.id)
        return entry is None or entry.device_id == sender

    # ---- writing ---------------------------------------------------------------------------
    def apply(
        self, steps: list[Step], sender: str, bundle_id: str, now: datetime
    ) -> dict[str, dict[str, int]]:
        """Write the plan; per kind how many records were new, updated, the same, conflicts."""
        counts: dict[str, Counter[str]] = {}
        for step in steps:
            incoming, outcome = step.incoming, step.outcome
            if outcome == "conflict":
                self._conflicts.add(_conflict(incoming, sender, bundle_id, now))
            elif outcome != "same":
                before = self._inbox.get(_kind(incoming), incoming.id)
                self._store(incoming.kind, incoming.obj)
                self._inbox.put(_sent(incoming), sender, bundle_id, now)
                if outcome == "restamped" and before is not None:
                    self._carry(incoming, before)
            tally = counts.setdefault(incoming.kind, Counter())
            tally[{"restamped": "same", "conflict": "conflicts"}.get(outcome, outcome)] += 1
        return {kind: {o: c[o] for o in OUTCOMES} for kind, c in counts.items()}

    def _store(self, kind: str, obj: Record) -> None:
        if not self._repos[kind].store_received(obj):
            raise RuntimeError(f"{kind} {obj.id}: a revision planned as newer was not stored")

    def _carry(self, incoming: Incoming, before: InboxEntry) -> None:
        """The same content at a newer revision: what a person recorded for it still holds."""
        kind = _kind(incoming)
        for mark, stamp in before.marks.items():
            self._inbox.mark(kind, incoming.id, mark, stamp.by, stamp.at)
        if before.rejected is not None:
            self._inbox.reject(
                kind, incoming.id, before.rejected_reason, before.rejected.by, before.rejected.at
            )


def grows_only(kind: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether `new` keeps what storage keeps append-only in `old` (see the module text)."""
    if kind == "consents":
        return _extends(old["events"], new["events"])
    if kind != "protocols":
        return True
    if not _extends(old["addenda"], new["addenda"]):
        return False
    if old["countersigned_at"] is not None and any(
        old[f] != new[f] for f in ("countersigned_by", "countersigned_at")
    ):
        return False
    if old["finalized_at"] is None:
        return True
    return all(old[f] == new[f] for f in old if f not in PROTOCOL_GROWS)


def _extends(old: list[Any], new: list[Any]) -> bool:
    return new[: len(old)] == old


def _kind(incoming: Incoming) -> RecordKind:
    return cast(RecordKind, incoming.kind)


def _sent(incoming: Incoming) -> SentRecord:
    r = incoming.record
    return SentRecord(_kind(incoming), r["id"], r["revision"], r["content_hash"])


def _conflict(incoming: Incoming, sender: str, bundle_id: str, now: datetime) -> Conflict:
    r = incoming.record
    return Conflict(
        kind=_kind(incoming),
        record_id=r["id"],
        sender=sender,
        revision=r["revision"],
        content_hash=r["content_hash"],
        fields=r["fields"],
        bundle_id=bundle_id,
        found_at=now,
    )
