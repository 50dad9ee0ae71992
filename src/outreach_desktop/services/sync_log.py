"""The sync log as people read it (BSI SYS.3.1.A10: a log of the exchange the user can check):
every export, import, receipt, purge, join and trust, newest first, with its time, bundle,
counts per kind, result and detail; and the deletion log's totals. Nothing here holds personal
data: the logs keep ids, counts and short German sentences without names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from outreach_desktop.exchange.record_kinds import SPECS
from outreach_desktop.storage.sync_log import DeletionLog, SyncEntry, SyncLog

ACTIONS = {
    "export": "Export",
    "import": "Import",
    "receipt": "Quittung",
    "purge": "Löschung",
    "join": "Beitritt",
    "trust": "Gerät bestätigt",
}
RESULTS = {
    "ok": "erfolgreich",
    "refused": "abgelehnt",
    "already": "bereits übernommen",
    "failed": "fehlgeschlagen",
}


def kind_title(kind: str) -> str:
    """The German name of a record kind ("Gedächtnisprotokolle"), or of the signed forms that
    travel with consents ("Formulare"); other keys as they are."""
    if kind == "forms":
        return "Formulare"
    spec = SPECS.get(kind)
    return spec.title if spec is not None else kind


KIND_ORDER = {kind: n for n, kind in enumerate(SPECS)}  # clients, staff, …, as the format lists


def counts_text(counts: dict[str, int]) -> str:
    """The non-zero counts in the format's order of kinds: "Kundinnen und Kunden 1, Termine 2"."""
    ordered = sorted(counts.items(), key=lambda kn: (KIND_ORDER.get(kn[0], len(SPECS)), kn[0]))
    return ", ".join(f"{kind_title(k)} {n}" for k, n in ordered if n)


@dataclass(frozen=True)
class SyncLogLine:
    at: datetime  # UTC
    action: str  # as stored: export, import, receipt, purge, join, trust
    result: str  # ok, refused, already, failed
    bundle_id: str | None
    counts: dict[str, int] = field(default_factory=dict)
    detail: str = ""

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)

    @property
    def result_label(self) -> str:
        return RESULTS.get(self.result, self.result)

    @property
    def local_time(self) -> datetime:
        """The time in this computer's time zone."""
        return self.at.astimezone()

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat().replace("+00:00", "Z"),
            "local_time": self.local_time.strftime("%d.%m.%Y %H:%M"),
            "action": self.action,
            "result": self.result,
            "bundle_id": self.bundle_id,
            "counts": self.counts,
            "detail": self.detail,
        }


def _line(entry: SyncEntry) -> SyncLogLine:
    return SyncLogLine(
        entry.at, entry.action, entry.result, entry.bundle_id, dict(entry.counts), entry.detail
    )


class SyncLogService:
    def __init__(self, sync: SyncLog, deletions: DeletionLog) -> None:
        self._sync, self._deletions = sync, deletions

    def lines(self, limit: int = -1) -> list[SyncLogLine]:
        """Newest first."""
        return [_line(e) for e in self._sync.entries(limit)]

    def deletion_totals(self) -> dict[str, int]:
        """Records the purge deleted so far, per kind."""
        return self._deletions.totals()
