"""Checklist items the app can answer itself from facts already recorded: the meeting point from
the appointment's place, "Einverständniserklärung vorbereitet" from the consent record, the
staff from the appointment. An item says in its checklist file which fact answers it
(`prefill = "appointment-place"`); the answer is marked with its source, and an answer the
caseworker gives always wins (the override)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Answer, Checklist, Item
from outreach_desktop.domain.consents import Consent, ConsentKind, ConsentState
from outreach_desktop.domain.prefill_sources import PrefillSource


@dataclass(frozen=True)
class KnownFacts:
    """What the app has recorded about an appointment that checklist items may ask."""

    place: str = ""
    staff_ids: tuple[str, ...] = ()
    appointment_at: datetime | None = None  # when the appointment was last saved
    # consent kinds with a form prepared, printed or given for the appointment: last change
    consent_records: Mapping[ConsentKind, datetime] = field(default_factory=dict)


def known_facts(appointment: Appointment, consents: Iterable[Consent]) -> KnownFacts:
    """The facts of an appointment and its client's consents (refused or revoked forms are not
    "prepared": a new one is needed)."""
    prepared = (ConsentState.PREPARED, ConsentState.PRINTED, ConsentState.SIGNED)
    records: dict[ConsentKind, datetime] = {}
    for c in consents:
        if c.state in prepared and c.appointment_id in (None, appointment.id):
            at = c.updated_at or c.created_at or appointment.start
            records[c.kind] = max(at, records.get(c.kind, at))
    return KnownFacts(
        place=appointment.place.strip(),
        staff_ids=tuple(appointment.staff_ids),
        appointment_at=appointment.updated_at or appointment.created_at,
        consent_records=records,
    )


def prefill_value(item: Item, known: KnownFacts) -> tuple[Any, datetime | None] | None:
    """The value the recorded facts give the item, and since when; None if they give none."""
    source = item.prefill
    if source is PrefillSource.APPOINTMENT_PLACE and known.place:
        return " ".join(known.place.split()), known.appointment_at
    prepared_at = known.consent_records.get(item.consent) if item.consent else None
    if source is PrefillSource.CONSENT_RECORD and prepared_at is not None:
        return True, prepared_at
    if source is PrefillSource.APPOINTMENT_STAFF and known.staff_ids:
        return list(known.staff_ids), known.appointment_at
    return None


def prefilled_answers(
    checklists: Iterable[Checklist], known: KnownFacts, answers: Mapping[str, Answer]
) -> dict[str, Answer]:
    """The caseworker's answers, plus a marked answer from the recorded facts for every item
    that has none yet (an answer given, even "no", is never replaced)."""
    result = dict(answers)
    for checklist in checklists:
        for item in checklist.items:
            if item.prefill is None or item.id in result:
                continue
            found = prefill_value(item, known)
            if found is not None:
                value, since = found
                result[item.id] = Answer(
                    item.id, value, since or datetime.min, None, source=item.prefill
                )
    return result
