"""The purge on a laptop: what the office acknowledged as entered goes once the joined agency's
retention period has passed (storage/purge.py says what exactly, and leaves the deletion log).

It runs when asked (`outreach-desktop purge`, `Session.purge`), after a receipt was imported,
and at every unlock — there one indexed query decides whether anything is due, so an unlock with
nothing to purge costs nothing. After a purge that deleted anything, the migration backups in
`backups/` taken until then are deleted too: they still hold what the purge removed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

from outreach_desktop.domain.agency import DEFAULT_RETENTION_DAYS
from outreach_desktop.domain.errors import DomainError, UserError
from outreach_desktop.services.sync_log import counts_text
from outreach_desktop.storage.exchange_repo import AgencyRepository
from outreach_desktop.storage.identity_repo import IdentityRepository
from outreach_desktop.storage.purge import purge, purge_due
from outreach_desktop.storage.vault import Vault

log = logging.getLogger(__name__)

NOT_ON_OFFICE = "Ein Bürotresor löscht nichts nach Quittungen; das tun die Laptops."


@dataclass(frozen=True)
class PurgeResult:
    counts: dict[str, int] = field(default_factory=dict)  # records deleted per kind (all kinds)
    retention_days: int = DEFAULT_RETENTION_DAYS
    backups_removed: int = 0  # migration backups that still held purged data

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def plus(self, other: PurgeResult | None) -> PurgeResult:
        """Both purges together (e.g. the one at unlock and the one asked for)."""
        if other is None:
            return self
        kinds = dict.fromkeys([*self.counts, *other.counts], 0)
        counts = {k: self.counts.get(k, 0) + other.counts.get(k, 0) for k in kinds}
        removed = self.backups_removed + other.backups_removed
        return PurgeResult(counts, self.retention_days, removed)


def purge_summary(result: PurgeResult) -> str:
    """One German line: what went, per kind, or that nothing was due."""
    if not result.total:
        return f"Nichts zu löschen (Aufbewahrung {result.retention_days} Tage nach der Quittung)."
    return (
        f"Gelöscht nach {result.retention_days} Tagen Aufbewahrung: {counts_text(result.counts)}."
    )


class PurgeService:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._identities = IdentityRepository(vault.db)
        self._agency = AgencyRepository(vault.db)

    def retention_days(self) -> int:
        """The joined agency's rule (the default before joining: such a laptop has no
        receipts, but a vault of schema 8 may hold acknowledgements from before)."""
        agency = self._agency.get()
        return agency.retention_days if agency is not None else DEFAULT_RETENTION_DAYS

    def due(self, now: datetime | None = None) -> bool:
        """Anything acknowledged, past retention and not purged yet (one query)."""
        if self._identities.role() != "field":
            return False
        return purge_due(self._vault.db, moment(now), self.retention_days())

    def run(self, now: datetime | None = None) -> PurgeResult:
        """Purge what is due; on an office vault a DomainError (it has nothing to purge)."""
        if self._identities.role() != "field":
            raise DomainError(NOT_ON_OFFICE)
        retention = self.retention_days()
        counts = purge(self._vault.db, moment(now), retention)
        removed = 0
        if sum(counts.values()):
            # the wall clock, not `now`: a backup taken until this moment holds purged data
            removed = len(self._vault.prune_backups_before(datetime.now(UTC)))
        return PurgeResult(counts, retention, removed)

    def at_unlock(self, now: datetime | None = None) -> PurgeResult | None:
        """The purge at unlock: only when something is due; a known problem (a full disk, say)
        is logged and leaves the vault as it was — the next unlock tries again."""
        try:
            return self.run(now) if self.due(now) else None
        except UserError as error:
            log.warning("purge at unlock failed: %s", type(error).__name__)
            return None


def moment(now: datetime | None = None) -> datetime:
    """`now` (or the clock) in UTC, whole seconds: how the exchange's bookkeeping keeps time."""
    return (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
