"""Transfer at the office: which marks a person sets for a record before the office's receipt may
call it *übernommen* (entered into the agency's systems of record), so that the laptop may purge
it after the retention period.

The marks: *in VerBIS übernommen* (counselling and profiling), *in der e-Akte vermerkt* (the
electronic file: documents and benefit-relevant matters), *Leistungsgewährung informiert* (the
benefits department told). Which apply follows the record's kind and, for a memory protocol, its
routing flags. A kind the laptop purges always needs at least one mark: nothing leaves the laptop
because nobody looked at it. Staff and third parties are reference data the office needs to read
the other records; nothing is entered for them and the laptop never purges them.

One function for the office's inbox (which marks to offer) and its receipt (what is übernommen).
"""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.domain.records import Record


class TransferMark(StrEnum):
    VERBIS = "verbis"  # in VerBIS übernommen
    EAKTE = "eakte"  # in der e-Akte vermerkt
    BENEFITS = "benefits"  # Leistungsgewährung informiert


NO_MARKS: frozenset[TransferMark] = frozenset()
# per record kind (the exchange's kinds); protocols follow their routing flags instead
BY_KIND: dict[str, frozenset[TransferMark]] = {
    "clients": frozenset({TransferMark.VERBIS}),  # the client's data as kept in VerBIS
    "appointments": frozenset({TransferMark.VERBIS}),  # the contact, recorded in VerBIS
    "anonymous_counselling": frozenset({TransferMark.VERBIS}),  # counted as a contact
    "consents": frozenset({TransferMark.EAKTE}),  # a signed document: filed in the e-Akte
    "staff": NO_MARKS,
    "third_parties": NO_MARKS,
}
# what the laptop's purge deletes once entered: each needs a person's mark
PURGED_KINDS = frozenset(
    {"clients", "appointments", "protocols", "consents", "anonymous_counselling"}
)


def required_marks(kind: str, record: Record | None = None) -> frozenset[TransferMark]:
    """The marks that make a record of `kind` *übernommen*. A protocol (`record` required)
    goes to VerBIS when flagged so, to the e-Akte and the benefits department when benefit
    relevant, and to VerBIS when no flag routes it anywhere (it is counselling documentation).
    ValueError for an unknown kind or a protocol without its record."""
    if kind == "protocols":
        if not isinstance(record, Protocol):
            raise ValueError("which marks a protocol needs depends on its routing flags")
        marks = set()
        if record.to_verbis:
            marks.add(TransferMark.VERBIS)
        if record.benefit_relevant:
            marks |= {TransferMark.EAKTE, TransferMark.BENEFITS}
        return frozenset(marks or {TransferMark.VERBIS})
    try:
        return BY_KIND[kind]
    except KeyError:
        raise ValueError(f"unknown record kind {kind!r}") from None


def taken_over(kind: str, record: Record | None, marks: Collection[str]) -> bool:
    """*Übernommen*: every mark that applies is set (`marks`: those set for the revision)."""
    return required_marks(kind, record) <= {TransferMark(m) for m in marks}
