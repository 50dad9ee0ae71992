"""One run of the demo: the session it writes through, its seeded random source, its day, the
people it invented and what it has made so far."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from outreach_desktop.demo.data import Names, Texts, names, texts
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.home_visit import TimelineSettings
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session


def stamp_on(day: date) -> datetime:
    """UTC time the people and appointments are stamped with: early on the demo day."""
    return datetime.combine(day, time(7, 0), tzinfo=UTC)


def random_id(rng: random.Random) -> str:
    """A UUID4 drawn from `rng`: the same seed gives the same ids."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


@dataclass
class DemoRun:
    session: Session
    rng: random.Random
    today: date
    owner: Staff
    colleagues: list[Staff]  # the first three: second staff, main caseworkers
    parties: list[ThirdParty]
    names: Names = field(default_factory=names)
    texts: Texts = field(default_factory=texts)
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def stamp(self) -> datetime:
        return stamp_on(self.today)

    @property
    def clock(self) -> datetime:
        """The demo's "now" (local time): nothing it records happens later."""
        return datetime.combine(self.today, time(7, 30))

    @property
    def timeline(self) -> TimelineSettings:
        return self.session.workflow.timeline_settings

    @property
    def leader(self) -> Staff:
        return next(s for s in self.colleagues if s.is_team_leader)

    def rid(self) -> str:
        return random_id(self.rng)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] += n

    def plan(
        self,
        approach: Approach,
        start: datetime,
        client: Client | None,
        *,
        appointment_id: str | None = None,
        **fields: Any,
    ) -> Appointment:
        """Plan an appointment as a caseworker does (status "geplant"): a second person for a
        home visit, a third party for an accompaniment, a meeting point for Walk and Talk."""
        appointment = self.draft(approach, start, client, appointment_id=appointment_id, **fields)
        saved = self.session.appointments.save(appointment, now=self.stamp)
        self.count("appointments")
        return saved

    def draft(
        self,
        approach: Approach,
        start: datetime,
        client: Client | None,
        *,
        appointment_id: str | None = None,
        **fields: Any,
    ) -> Appointment:
        """The appointment `plan` saves, not saved yet."""
        staff = [self.owner.id]
        if approach is Approach.HOME_VISIT:
            staff.append(self.rng.choice(self.colleagues[:3]).id)
        elif approach is Approach.ACCOMPANIMENT:
            party = self.rng.choice(self.parties)
            fields.update(third_party_id=party.id, place=party.address.replace("\n", ", "))
        else:
            fields.setdefault("place", self.rng.choice(self.names.meeting_points))
        return Appointment.plan(
            approach,
            start,
            id=appointment_id or self.rid(),
            client_id=client.id if client else None,
            staff_ids=staff,
            **fields,
        )
