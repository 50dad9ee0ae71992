"""Appointments of the three approaches and their basic planning rules."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.date_window import check_date
from outreach_desktop.domain.errors import Checker
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.records import new_id as make_id
from outreach_desktop.domain.text import search_key
from outreach_desktop.domain.text_safety import clean_fields
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

# Defaults in minutes: outreach takes longer than an office appointment and needs a buffer.
DEFAULT_DURATION = {
    Approach.WALK_AND_TALK: 60,
    Approach.ACCOMPANIMENT: 90,
    Approach.HOME_VISIT: 60,
}
DEFAULT_BUFFER = {
    Approach.WALK_AND_TALK: 30,
    Approach.ACCOMPANIMENT: 30,
    Approach.HOME_VISIT: 45,
}
MAX_DURATION_MIN = 8 * 60
MAX_BUFFER_MIN = 4 * 60


@dataclass(kw_only=True)
class Appointment(Record):
    """An outside appointment. `client_id` None means anonymous (Walk and Talk only).

    `start` is the local wall-clock time (naive datetime), as the caseworker planned it.
    """

    approach: Approach
    start: datetime
    planned_duration_min: int = 60
    buffer_min: int = 30
    place: str = ""
    client_id: str | None = None
    third_party_id: str | None = None
    staff_ids: list[str] = field(default_factory=list)
    status: AppointmentStatus = AppointmentStatus.PLANNED
    first_meeting: bool = False  # client and caseworker have not met: recognition sign, ID
    spontaneous: bool = False  # Walk and Talk started from an office visit
    predecessor_id: str | None = None  # this is a follow-up of that appointment
    relocated_from_id: str | None = None  # new appointment because that place was unsuitable

    @classmethod
    def plan(cls, approach: Approach, start: datetime, **fields: object) -> Appointment:
        """A new appointment with the approach's default duration and buffer."""
        fields.setdefault("planned_duration_min", DEFAULT_DURATION[approach])
        fields.setdefault("buffer_min", DEFAULT_BUFFER[approach])
        return cls(approach=approach, start=start, **fields)  # type: ignore[arg-type]

    def follow_up(self, start: datetime, place: str | None = None, new_id: str | None = None
                  ) -> Appointment:  # fmt: skip
        """A planned follow-up linked to this appointment (same client, approach and staff)."""
        return replace(
            self, id=new_id or make_id(), start=start,
            place=self.place if place is None else place, status=AppointmentStatus.PLANNED,
            predecessor_id=self.id, relocated_from_id=None, first_meeting=False,
            spontaneous=False, created_at=None, updated_at=None,
            revision=0, origin_device=None, staff_ids=list(self.staff_ids),
        )  # fmt: skip

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.planned_duration_min)

    @property
    def blocked_until(self) -> datetime:
        """End of the appointment including its time buffer."""
        return self.end + timedelta(minutes=self.buffer_min)

    @property
    def is_anonymous(self) -> bool:
        return self.client_id is None

    @property
    def search_text(self) -> str:
        return search_key(self.approach.label_de, self.place)

    def validate(self) -> None:
        clean_fields(self, "place")
        check = Checker()
        if self.start.tzinfo is not None:
            check.fail("start", "Beginn", "Bitte als Ortszeit ohne Zeitzone angeben.")
        check_date(check, self.start, "start", "Beginn")
        if not 5 <= self.planned_duration_min <= MAX_DURATION_MIN:
            check.fail(
                "planned_duration_min",
                "Geplante Dauer",
                f"Zwischen 5 und {MAX_DURATION_MIN} Minuten.",
            )
        if not 0 <= self.buffer_min <= MAX_BUFFER_MIN:
            check.fail("buffer_min", "Zeitpuffer", f"Zwischen 0 und {MAX_BUFFER_MIN} Minuten.")
        if self.client_id is None and self.approach is not Approach.WALK_AND_TALK:
            check.fail(
                "client_id",
                "Kundin/Kunde",
                f"Für {self.approach.label_de} ist eine Kundin oder ein Kunde nötig; "
                "anonym ist nur Walk and Talk möglich.",
            )
        if self.approach is Approach.ACCOMPANIMENT and not self.third_party_id:
            check.fail("third_party_id", "Dritte", "Bitte angeben, zu wem begleitet wird.")
        if self.approach is not Approach.HOME_VISIT and not self.place.strip():
            check.fail("place", "Ort", "Bitte einen Treffpunkt angeben.")
        check.limit_text(self.place, "place", "Ort", limits.APPOINTMENT_PLACE)
        if self.spontaneous and self.approach is not Approach.WALK_AND_TALK:
            check.fail("spontaneous", "Spontan", "Spontan ist nur Walk and Talk möglich.")
        if self.id in (self.predecessor_id, self.relocated_from_id):
            check.fail("predecessor_id", "Vorgänger", "Ein Termin kann nicht sein eigener sein.")
        if not self.staff_ids:
            check.fail("staff_ids", "Mitarbeitende", "Mindestens eine Person muss teilnehmen.")
        elif len(set(self.staff_ids)) != len(self.staff_ids):
            check.fail("staff_ids", "Mitarbeitende", "Jede Person nur einmal angeben.")
        check.raise_if_any()
