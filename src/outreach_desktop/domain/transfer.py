"""What a person at the office does with a record that came from a laptop: enter it into the
agency's systems of record and mark it (*Übernahme*). Which marks a record needs follows the
agency's instruction (../shared/DOMAIN.md, "Begleitung zu Dritten", "Documentation"):

* a memory protocol goes into **VerBIS** when its routing flag `to_verbis` says so; a
  **benefit-relevant** one is noted in the **e-Akte** and the **Leistungsgewährung** is informed;
* a consent (signed form, oral consent, refusal or revocation) is filed in the **e-Akte**: it is
  the evidence the agency keeps of what the client agreed to;
* anonymous counselling has no person to enter anywhere (VerBIS knows only customers): nothing
  to mark; the office station keeps the count for the leaders' figures;
* clients, staff, third parties and appointments travel as the context of the above: nothing to
  mark of their own; the office station keeps them.

A record is *übernommen* when every mark that applies is set; one that needs none is übernommen
when it arrives. A protocol whose caseworker routed it nowhere needs none: that is their call.
"""

from __future__ import annotations

from typing import Literal

from outreach_desktop.domain.consents import Consent
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.domain.records import Record

Mark = Literal["verbis", "eakte", "benefits"]
MARK_ORDER: tuple[Mark, ...] = ("verbis", "eakte", "benefits")
MARK_LABELS: dict[Mark, str] = {
    "verbis": "in VerBIS übernommen",
    "eakte": "in der e-Akte vermerkt",
    "benefits": "Leistungsgewährung informiert",
}


def marks_that_apply(record: Record) -> tuple[Mark, ...]:
    """The marks a person sets before the record counts as übernommen, in a fixed order."""
    if isinstance(record, Protocol):
        wanted: set[Mark] = set()
        if record.to_verbis:
            wanted.add("verbis")
        if record.benefit_relevant:
            wanted |= {"eakte", "benefits"}
        return tuple(m for m in MARK_ORDER if m in wanted)
    if isinstance(record, Consent):
        return ("eakte",)
    return ()


def is_transferred(applies: tuple[Mark, ...], marked: set[Mark] | frozenset[Mark]) -> bool:
    """Übernommen: every mark that applies is set."""
    return all(m in marked for m in applies)
