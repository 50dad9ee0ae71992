"""What one export carries: the records that wait to go on their own account, and every record
they refer to (transitively), so the office can store each bundle without a dangling reference;
then the bundle's members, record by record, with progress and a way to cancel.

A referenced record goes at its stored revision even when the office has that revision already
(the office's "same id and content" is a no-op): every bundle stands on its own, so a lost or
late bundle never leaves another one's references dangling.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.protocols import AnonymousCounselling, Protocol
from outreach_desktop.domain.records import Record
from outreach_desktop.exchange.records import dump_member, form_member, member_name, to_record
from outreach_desktop.storage.exchange_repo import RECORD_KINDS, RecordKind, SentRecord
from outreach_desktop.storage.record_repo import RecordRepository

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Ref = tuple[RecordKind, str]


class ExportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("Die Übergabe wurde abgebrochen. Es wurde nichts geschrieben.")


def _ids(kind: RecordKind, *ids: str | None) -> Iterator[Ref]:
    return ((kind, i) for i in ids if i)


def references(kind: RecordKind, record: Record) -> Iterator[Ref]:
    """The records `record` names by id (docs/exchange-format.md: every Ref field)."""
    if isinstance(record, Client):
        yield from _ids("staff", record.main_caseworker_id)
    elif isinstance(record, Appointment):
        yield from _ids("clients", record.client_id)
        yield from _ids("third_parties", record.third_party_id)
        yield from _ids("staff", *record.staff_ids)
        yield from _ids("appointments", record.predecessor_id, record.relocated_from_id)
    elif isinstance(record, Protocol):
        yield from _ids("appointments", record.appointment_id, record.follow_up_id)
        yield from _ids("clients", record.client_id)
        yield from _ids("staff", *record.staff_ids, record.finalized_by, record.countersigned_by)
        yield from _ids("staff", *(a.by for a in record.addenda))
        yield from _ids("consents", *(o.consent_id for o in record.others_present))
    elif isinstance(record, Consent):
        yield from _ids("clients", record.client_id)
        yield from _ids("appointments", record.appointment_id)
        yield from _ids("third_parties", record.third_party_id)
        yield from _ids("staff", record.main_caseworker_id, record.oral_documented_by)
    elif isinstance(record, AnonymousCounselling):
        yield from _ids("staff", *record.staff_ids)


Repositories = dict[RecordKind, RecordRepository[Any]]


@dataclass
class Selection:
    """The records of one export, per kind in the order they were chosen."""

    records: dict[RecordKind, dict[str, Record]] = field(
        default_factory=lambda: {kind: {} for kind in RECORD_KINDS}
    )
    missing: int = 0  # referenced ids not stored (a damaged vault; logged, not fatal)

    @property
    def total(self) -> int:
        return sum(len(found) for found in self.records.values())

    def __contains__(self, ref: Ref) -> bool:
        return ref[1] in self.records[ref[0]]


def select(repos: Repositories, wanted: Iterable[Ref]) -> Selection:
    """`wanted` and everything they refer to, loaded in batches per kind."""
    chosen = Selection()
    todo = list(dict.fromkeys(wanted))
    while todo:
        by_kind: dict[RecordKind, list[str]] = {}
        for kind, record_id in todo:
            by_kind.setdefault(kind, []).append(record_id)
        found: list[Ref] = []
        for kind, ids in by_kind.items():
            loaded = {r.id: r for r in repos[kind].many(ids)}
            chosen.missing += len(set(ids) - loaded.keys())
            for record_id in ids:
                if record_id in loaded:
                    chosen.records[kind][record_id] = loaded[record_id]
                    found += references(kind, loaded[record_id])
        todo = [ref for ref in dict.fromkeys(found) if ref not in chosen]
    if chosen.missing:
        log.warning("export: %d referenced records are not stored", chosen.missing)
    return chosen


@dataclass(frozen=True)
class Members:
    """A bundle's members, and what goes in it as the bookkeeping notes it."""

    files: dict[str, bytes]
    sent: list[SentRecord]
    counts: dict[str, int]  # records per kind (kinds with none left out), and "forms"

    @property
    def records(self) -> int:
        return len(self.sent)


def serialize(
    selection: Selection, progress: Progress | None, cancelled: Cancelled | None
) -> Members:
    """`records/<kind>.json` per kind and `forms/<id>.pdf` per consent with a signed form;
    `progress(done, total)` after each record, `cancelled()` polled before each."""
    total, done = selection.total, 0
    files: dict[str, bytes] = {}
    sent: list[SentRecord] = []
    counts: dict[str, int] = {}
    for kind in RECORD_KINDS:
        records = list(selection.records[kind].values())
        if not records:
            continue
        out = []
        for record in records:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            out.append(to_record(kind, record))
            sent.append(SentRecord(kind, record.id, record.revision, out[-1]["content_hash"]))
            if isinstance(record, Consent) and record.signed_pdf is not None:
                files[form_member(record.id)] = record.signed_pdf
            done += 1
            if progress is not None:
                progress(done, total)
        files[member_name(kind)] = dump_member(kind, out)
        counts[kind] = len(out)
    forms = sum(1 for path in files if path.startswith("forms/"))
    if forms:
        counts["forms"] = forms
    return Members(files, sent, counts)
