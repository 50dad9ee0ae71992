"""What a person at the office does with a record that came from a laptop: enter it into the
agency's systems of record and mark it (*Übernahme*). One rule for the office's inbox (which
marks to offer) and its receipt (what is *übernommen*, so the laptop may purge it after the
retention period). Which marks a record needs follows the agency's instruction
(../shared/DOMAIN.md, "Documentation"):

* a memory protocol goes into **VerBIS** when its routing flag `to_verbis` says so; a
  **benefit-relevant** one is noted in the **e-Akte** and the **Leistungsgewährung** is informed;
  a protocol routed nowhere still goes into VerBIS: it is counselling documentation, and nothing
  with content leaves the laptop unless a person at the office has looked at it;
* a consent (signed form, oral consent, refusal or revocation) is filed in the **e-Akte**: it is
  the evidence the agency keeps of what the client agreed to;
* an appointment that ended without being carried out (not met, ended at the door, broken off,
  postponed, cancelled) is a contact attempt for **VerBIS**; one carried out (in the home or,
  for a home visit, in its surroundings) is documented by its protocol and needs no mark of its
  own;
* anonymous counselling has no person to enter anywhere (VerBIS knows only customers) and no
  personal data: nothing to mark; the office station keeps the count for the leaders' figures;
* clients, staff and third parties travel as the context of the above: nothing to mark of their
  own (the laptop purges a client only once none of their records is left).

A record is *übernommen* when every mark that applies is set; one that needs none is übernommen
when it arrives.
"""

from __future__ import annotations

from typing import Literal

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.vocabulary import AppointmentStatus

Mark = Literal["verbis", "eakte", "benefits"]
UNFINISHED_OR_DONE = (AppointmentStatus.PLANNED, AppointmentStatus.IN_PROGRESS,
                      AppointmentStatus.DONE, AppointmentStatus.HELD_NEARBY)  # fmt: skip
MARK_ORDER: tuple[Mark, ...] = ("verbis", "eakte", "benefits")
MARK_LABELS: dict[Mark, str] = {
    "verbis": "in VerBIS übernommen",
    "eakte": "in der e-Akte vermerkt",
    "benefits": "Leistungsgewährung informiert",
}


def marks_that_apply(record: Record) -> tuple[Mark, ...]:
    """The marks a person sets before the record counts as übernommen, in a fixed order."""
    wanted: set[Mark] = set()
    if isinstance(record, Protocol):
        if record.to_verbis or not record.benefit_relevant:
            wanted.add("verbis")
        if record.benefit_relevant:
            wanted |= {"eakte", "benefits"}
    elif isinstance(record, Consent):
        wanted.add("eakte")
    elif isinstance(record, Appointment) and record.status not in UNFINISHED_OR_DONE:
        wanted.add("verbis")  # a contact attempt that did not happen: recorded in VerBIS
    return tuple(m for m in MARK_ORDER if m in wanted)


def is_transferred(applies: tuple[Mark, ...], marked: set[Mark] | frozenset[Mark]) -> bool:
    """Übernommen: every mark that applies is set."""
    return all(m in marked for m in applies)
