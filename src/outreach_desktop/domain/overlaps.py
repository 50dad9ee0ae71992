"""Overlapping appointments: the same staff member or the same client planned twice at once.

An appointment occupies [start, blocked_until): its planned duration and its time buffer (the
way there and back belongs to it). A clash is a warning, never a block: a caseworker may know
better (a short call between two visits, a colleague who joins only for half an hour)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from outreach_desktop.domain.appointments import MAX_BUFFER_MIN, MAX_DURATION_MIN, Appointment
from outreach_desktop.domain.vocabulary import AppointmentStatus

# The longest an appointment can occupy: a candidate starting earlier than this before another
# cannot reach into it (the storage reads only this window).
LONGEST_SPAN = timedelta(minutes=MAX_DURATION_MIN + MAX_BUFFER_MIN)
# Appointments that no longer take anyone's time.
NOT_OCCUPYING = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.POSTPONED})


def intervals_overlap(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    """Half-open intervals [start, end) share a moment; touching ends do not overlap."""
    return a[0] < b[1] and b[0] < a[1]


def occupied(a: Appointment) -> tuple[datetime, datetime]:
    return a.start, a.blocked_until


def candidate_window(a: Appointment) -> tuple[datetime, datetime]:
    """Starts of the appointments that can overlap `a`: [start - LONGEST_SPAN, blocked_until)."""
    return a.start - LONGEST_SPAN, a.blocked_until


@dataclass(frozen=True)
class Clash:
    other: Appointment
    staff_ids: tuple[str, ...]  # staff members planned in both
    same_client: bool

    def message(self, staff_names: Mapping[str, str]) -> str:
        """One German line naming who is planned twice and when the other appointment is."""
        other = self.other
        when = (
            f"{other.start:%d.%m.%Y} {other.start:%H:%M}–{other.end:%H:%M}"
            f" ({other.approach.label_de})"
        )
        who = [staff_names.get(i, i) for i in self.staff_ids]
        if self.same_client:
            who.append("die Kundin/der Kunde")
        return f"Überschneidung mit dem Termin am {when}: {', '.join(who)} dort schon eingeplant."


def clashes(planned: Appointment, others: Iterable[Appointment]) -> list[Clash]:
    """Appointments that take the time of `planned`'s staff or client (itself, cancelled and
    postponed ones excluded), in time order."""
    if planned.status in NOT_OCCUPYING:
        return []
    found = []
    staff = set(planned.staff_ids)
    for other in others:
        if other.id == planned.id or other.status in NOT_OCCUPYING:
            continue
        if not intervals_overlap(occupied(planned), occupied(other)):
            continue
        shared = tuple(i for i in other.staff_ids if i in staff)
        same_client = planned.client_id is not None and other.client_id == planned.client_id
        if shared or same_client:
            found.append(Clash(other, shared, same_client))
    return sorted(found, key=lambda c: (c.other.start, c.other.id))
