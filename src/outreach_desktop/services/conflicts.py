"""Conflicts for a person to decide (issue 10, item 4): another version of a stored record that
was neither the same content nor a newer revision from the record's own device
(`import_merge` finds them, `storage/conflict_repo.py` keeps them beside the stored record).

Both versions read as the Posteingang reads a record (`record_views`), side by side, with the
fields that differ. A person decides once, with who and when, in one transaction together with
a sync log entry (action "import", result "ok", ids only — the log keeps no names):

* keep the stored version (`kept`): the other stays on record in the conflicts table, nothing
  else changes;
* take the other version (`replaced`): written as the import writes an update, and only where
  storage allows it (`conflict_checks`): what storage keeps append-only must only have grown —
  a finalized protocol is never rewritten —, a consent's signed form and every record the
  version names must be at the office. Otherwise refused with a German sentence.

Revisions at the office only grow: the other version is stored at its own revision when that is
above the stored one, else at the next (its content hash covers the fields only, so it stays).
The inbox keeps naming the version it received, with its marks: a receipt names only what a
laptop sent, and the inbox takes only a newer revision of the same laptop (its table refuses a
lower one or another device) — which is a conflict only where storage refuses to write it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, cast

from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.transfer import Mark
from outreach_desktop.exchange.records import to_record
from outreach_desktop.services.conflict_checks import form_missing, other_version, refusal
from outreach_desktop.services.inbox import record_repositories
from outreach_desktop.services.inbox_titles import client_name, client_of, title_of
from outreach_desktop.services.record_views import Rows, view_of
from outreach_desktop.services.sync_log import kind_title
from outreach_desktop.storage.conflict_repo import Conflict, ConflictRepository, Resolution
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.exchange_repo import RecordKind
from outreach_desktop.storage.inbox_repo import InboxRepository
from outreach_desktop.storage.record_repo import RecordRepository
from outreach_desktop.storage.sync_log import SyncEntry, SyncLog

if TYPE_CHECKING:
    from outreach_desktop.services.session import Session

How = Literal["kept", "replaced"]
HOW_TEXT: dict[str, str] = {
    "kept": "gespeicherte Fassung behalten",
    "replaced": "neue Fassung übernommen",
    "merged": "Fassungen zusammengeführt",
}


@dataclass(frozen=True)
class FieldPair:
    """One labelled field of both versions (German label and texts; "" where a version leaves
    it empty)."""

    label: str
    stored: str
    other: str

    @property
    def differs(self) -> bool:
        return self.stored != self.other


@dataclass(frozen=True)
class ConflictView:
    id: int
    kind: RecordKind
    record_id: str
    title: str  # what it is, without names, as the inbox titles it ("Kundendaten")
    client: str  # the client's name and customer number; "" for records of no client
    sender: str  # the device the other version came from
    caseworker: str  # whose laptop that is, as the inbox names it ("Gerät 1a2b3c4d" if unknown)
    found_at: datetime  # UTC
    bundle_id: str
    stored_revision: int | None  # None: the stored record is gone
    other_revision: int
    rows: tuple[FieldPair, ...]
    changed_fields: tuple[str, ...]  # the record's fields (as the format names them) that differ
    refusal: str  # why the other version cannot be taken, one German sentence; "" if it can
    resolution: Resolution | None = None
    resolved_by: str | None = None
    resolved_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.resolution is None

    @property
    def can_replace(self) -> bool:
        return self.is_open and not self.refusal

    @property
    def differing(self) -> tuple[str, ...]:
        """The labels of the fields shown differently."""
        return tuple(p.label for p in self.rows if p.differs)


@dataclass(frozen=True)
class Decision:
    conflict: ConflictView  # as decided
    revision: int | None  # the stored record's revision now (replaced: the one written)
    # replaced: the marks the inbox holds, set for the version before (what changed is to be
    # entered too); the inbox keeps naming the version the laptop sent
    earlier_marks: tuple[Mark, ...] = ()


class ConflictService:
    def __init__(
        self,
        session: Session,
        db: Database,
        device_id: str,
        transaction: Callable[[], AbstractContextManager[object]],
    ) -> None:
        self._session, self._transaction = session, transaction
        self._conflicts = ConflictRepository(db)
        self._repos: Mapping[str, RecordRepository[Any]] = record_repositories(db, device_id)
        self._inbox, self._sync = InboxRepository(db), SyncLog(db)

    # ---- reading ---------------------------------------------------------------------------
    def conflicts(self, everything: bool = False) -> list[ConflictView]:
        """Open conflicts (with `everything`: decided ones too), oldest first."""
        found = self._conflicts.all() if everything else self._conflicts.open()
        caseworkers: dict[str, str] = {}
        return [self._view(c, caseworkers) for c in found]

    def count_open(self) -> int:
        return len(self._conflicts.open())

    def conflict(self, conflict_id: int) -> ConflictView:
        return self._view(self._require(conflict_id), {})

    # ---- deciding --------------------------------------------------------------------------
    def resolve(self, conflict_id: int, how: How, by: str, now: datetime) -> Decision:
        """Decide once; DomainError when it was decided already or the other version cannot
        be taken (then only keeping is possible)."""
        if how not in ("kept", "replaced"):
            raise DomainError("Ein Konflikt wird entschieden: behalten oder übernehmen.")
        who = by.strip()
        if not who:
            raise DomainError("Bitte angeben, wer entscheidet.")
        with self._transaction():
            conflict = self._require(conflict_id)
            if conflict.resolution is not None:
                raise DomainError(_decided(conflict))
            stored = self._repos[conflict.kind].find(conflict.record_id)
            revision = stored.revision if stored is not None else None
            if how == "replaced":
                revision = self._replace(conflict, stored, now)
            entry = self._inbox.get(conflict.kind, conflict.record_id)
            if not self._conflicts.resolve(conflict_id, how, who, now):
                raise DomainError(_decided(self._require(conflict_id)))
            self._sync.append(_log_entry(conflict, how, now))
        marks = tuple(entry.marks) if entry is not None and how == "replaced" else ()
        return Decision(self.conflict(conflict_id), revision, marks)

    def _replace(self, conflict: Conflict, stored: Record | None, now: datetime) -> int:
        """Write the other version as the import writes an update; its revision."""
        problem = refusal(conflict, stored, self._stored)
        if problem or stored is None:
            raise DomainError(problem)
        revision = max(conflict.revision, stored.revision + 1)
        updated = now.astimezone(UTC).replace(microsecond=0)
        record = other_version(conflict, stored, revision, updated)
        if not self._repos[conflict.kind].store_received(record):
            raise RuntimeError(f"conflict {conflict.id}: the other version was not stored")
        return revision

    # ---- helpers ---------------------------------------------------------------------------
    def _require(self, conflict_id: int) -> Conflict:
        conflict = self._conflicts.get(conflict_id)
        if conflict is None:
            raise DomainError(f"Einen Konflikt {conflict_id} gibt es nicht.")
        return conflict

    def _stored(self, kind: str, record_id: str) -> Record | None:
        return cast(Record | None, self._repos[kind].find(record_id))

    def _view(self, conflict: Conflict, caseworkers: dict[str, str]) -> ConflictView:
        stored = self._stored(conflict.kind, conflict.record_id)
        problem = refusal(conflict, stored, self._stored)
        other = other_version(conflict, stored, conflict.revision, conflict.found_at)
        ours = view_of(self._session, stored).rows if stored is not None else []
        theirs = _form_row(conflict, stored, view_of(self._session, other).rows)
        if conflict.sender not in caseworkers:
            caseworkers[conflict.sender] = self._caseworker(conflict.sender)
        shown = stored if stored is not None else other
        return ConflictView(
            id=conflict.id,
            kind=conflict.kind,
            record_id=conflict.record_id,
            title=title_of(conflict.kind, shown),
            client=client_name(self._stored("clients", client_of(shown, self._stored) or "")),
            sender=conflict.sender,
            caseworker=caseworkers[conflict.sender],
            found_at=conflict.found_at,
            bundle_id=conflict.bundle_id,
            stored_revision=stored.revision if stored is not None else None,
            other_revision=conflict.revision,
            rows=side_by_side(ours, theirs),
            changed_fields=_changed(conflict, stored),
            refusal=problem,
            resolution=conflict.resolution,
            resolved_by=conflict.resolved_by,
            resolved_at=conflict.resolved_at,
        )

    def _caseworker(self, device_id: str) -> str:
        groups = self._session.inbox.entries(device_id, everything=True)
        return groups[0].caseworker if groups else f"Gerät {device_id[:8]}"


def side_by_side(ours: Rows, theirs: Rows) -> tuple[FieldPair, ...]:
    """Both versions' rows under one list of labels, in the order the views give them (a label
    only one version fills stands where that version has it)."""
    order = [label for label, _text in ours]
    for n, (label, _text) in enumerate(theirs):
        if label not in order:
            before = theirs[n - 1][0] if n else None
            order.insert(order.index(before) + 1 if before in order else 0, label)
    mine, other = dict(ours), dict(theirs)
    return tuple(FieldPair(label, mine.get(label, ""), other.get(label, "")) for label in order)


def _form_row(conflict: Conflict, stored: Record | None, rows: Rows) -> Rows:
    """A consent whose other version names a signed form the office does not hold says so
    (the view of that version was made without it)."""
    if not form_missing(conflict, stored):
        return rows
    return [*rows, ("Unterschriebenes Formular", "ein anderes, das im Büro nicht vorliegt")]


def _changed(conflict: Conflict, stored: Record | None) -> tuple[str, ...]:
    ours = to_record(conflict.kind, stored)["fields"] if stored is not None else {}
    names = list(dict.fromkeys([*ours, *conflict.fields]))
    return tuple(n for n in names if ours.get(n) != conflict.fields.get(n))


def _decided(conflict: Conflict) -> str:
    when = (
        conflict.resolved_at.astimezone().strftime("%d.%m.%Y %H:%M") if conflict.resolved_at else ""
    )
    how = HOW_TEXT.get(conflict.resolution or "", "")
    return (
        f"Der Konflikt {conflict.id} ist bereits entschieden ({how}, von "
        f"{conflict.resolved_by} am {when})."
    )


def _log_entry(conflict: Conflict, how: How, now: datetime) -> SyncEntry:
    detail = (
        f"Konflikt {conflict.id} entschieden: {HOW_TEXT[how]} ({kind_title(conflict.kind)} "
        f"{conflict.record_id}; andere Fassung {conflict.revision} von Gerät {conflict.sender})"
    )
    return SyncEntry(now, "import", "ok", conflict.bundle_id, {conflict.kind: 1}, detail[:300])
