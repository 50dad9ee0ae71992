"""What every stored record carries: identity, timestamps, revision and origin device."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(kw_only=True)
class Record:
    """Base of all entities. `revision` 0 means "never stored"."""

    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    revision: int = 0
    origin_device: str | None = None

    @property
    def is_new(self) -> bool:
        return self.revision == 0

    def validate(self) -> None:
        """Raise ValidationError naming each invalid field (entities override)."""

    @property
    def search_text(self) -> str:
        """Folded text the record is found by (entities override)."""
        return ""

    def stamp(self, device_id: str, now: datetime) -> None:
        """Mark the record as changed on `device_id` at `now` (called by storage on save)."""
        if self.created_at is None:
            self.created_at = now
        self.updated_at = now
        self.revision += 1
        self.origin_device = device_id
