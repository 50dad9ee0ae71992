"""What a receipt says about one record the office received (docs/exchange-format.md,
"Receipts"): entered into VerBIS / the e-Akte, or rejected with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from outreach_desktop.domain.errors import Checker
from outreach_desktop.domain.field_limits import ACKNOWLEDGEMENT_REASON
from outreach_desktop.domain.records import Record


class AckState(StrEnum):
    ENTERED = "entered"
    REJECTED = "rejected"


@dataclass(kw_only=True)
class Acknowledgement(Record):
    """The office's word on one record, as sent: exactly that revision and content hash."""

    record_kind: str  # a kind of records/<kind>.json, e.g. "protocols"
    record_id: str
    record_revision: int
    content_hash: str
    state: AckState
    reason: str = ""  # why it was rejected

    def validate(self) -> None:
        check = Checker()
        if self.state is AckState.REJECTED:
            check.require_text(self.reason, "reason", "Grund", ACKNOWLEDGEMENT_REASON)
        elif self.reason:
            check.limit_text(self.reason, "reason", "Grund", ACKNOWLEDGEMENT_REASON)
        check.raise_if_any()
