"""People the caseworker works with: clients, staff and third parties.

The only door to their records for the GUI and the CLI: list, search, find, save, delete.
The repositories stay inside; their rules (validation on save, "still in use" on delete)
apply to every caller alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Generic, TypeVar

from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.records import Record
from outreach_desktop.storage.people_repos import (
    ClientRepository,
    StaffRepository,
    ThirdPartyRepository,
)
from outreach_desktop.storage.record_repo import RecordRepository

P = TypeVar("P", bound=Record)


class PeopleService(Generic[P]):
    """List, search, find, save and delete one kind of person."""

    def __init__(self, repo: RecordRepository[P]) -> None:
        self._repo: RecordRepository[P] = repo

    def all(self) -> list[P]:
        return self._repo.all()

    def search(self, query: str = "", limit: int = 500, offset: int = 0) -> list[P]:
        """Records whose names (and other searchable text) contain every word of `query`, in
        their order from `offset` on; `limit=-1` for all."""
        return self._repo.search_from(query, offset, limit)

    def find(self, record_id: str) -> P | None:
        return self._repo.find(record_id)

    def get(self, record_id: str) -> P:
        return self._repo.get(record_id)

    def many(self, record_ids: Iterable[str]) -> list[P]:
        """The stored records among `record_ids` in a few queries (missing ones left out)."""
        return self._repo.many(record_ids)

    def count(self) -> int:
        return self._repo.count()

    def save(self, record: P, now: datetime | None = None) -> P:
        """Validate and write; an update must carry the stored revision (else StaleRecord)."""
        return self._repo.save(record, now)

    def delete(self, record_id: str) -> None:
        """Refused (RecordInUse) while appointments, consents or protocols name the person."""
        self._repo.delete(record_id)


class ClientService(PeopleService[Client]):
    def __init__(self, repo: ClientRepository) -> None:
        super().__init__(repo)


class ThirdPartyService(PeopleService[ThirdParty]):
    def __init__(self, repo: ThirdPartyRepository) -> None:
        super().__init__(repo)


class StaffService(PeopleService[Staff]):
    def __init__(self, repo: StaffRepository) -> None:
        super().__init__(repo)
        self._staff = repo

    def owner(self) -> Staff | None:
        """The staff member who owns the vault (the caseworker), if recorded."""
        return self._staff.owner()

    def names(self) -> dict[str, str]:
        """Staff id → name, for lists that show who took part."""
        return {s.id: s.name for s in self._repo.all()}
