"""Appointments with the names the views need, today's overview."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.date_window import require_date, require_range
from outreach_desktop.domain.day_plan import Outing
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.overlaps import Clash, clashes
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.day_plan_repo import outings_between
from outreach_desktop.storage.errors import RecordInUse
from outreach_desktop.storage.people_repos import (
    ClientRepository,
    StaffRepository,
    ThirdPartyRepository,
)


@dataclass(frozen=True)
class AppointmentView:
    appointment: Appointment
    client_name: str  # empty for anonymous appointments
    third_party_name: str
    staff_names: list[str]
    client_address: str = ""

    @property
    def where(self) -> str:
        """One line: the meeting point, else the third party, else (home visit) the address."""
        text = self.appointment.place or self.third_party_name
        if not text and self.appointment.approach is Approach.HOME_VISIT:
            text = self.client_address
        return text.replace("\n", ", ")


class AppointmentService:
    def __init__(
        self,
        repo: AppointmentRepository,
        clients: ClientRepository,
        third_parties: ThirdPartyRepository,
        staff: StaffRepository,
    ) -> None:
        self._repo = repo
        self._clients = clients
        self._third_parties = third_parties
        self._staff = staff

    # plain record access
    def between_views(self, start: datetime, end: datetime) -> list[AppointmentView]:
        """Appointments starting in [start, end), with their client and third party."""
        require_range(start, end)
        return self.views(self._repo.between(start, end))

    def find(self, appointment_id: str) -> Appointment | None:
        return self._repo.find(appointment_id)

    def many(self, appointment_ids: Iterable[str]) -> list[Appointment]:
        """The stored appointments among the ids, in a few queries (missing ones left out)."""
        return self._repo.many(appointment_ids)

    def get(self, appointment_id: str) -> Appointment:
        return self._repo.get(appointment_id)

    def save(self, appointment: Appointment, now: datetime | None = None) -> Appointment:
        """Plan or change an appointment. Its status changes only through the conduct flow,
        and its approach not once it has begun. `now` stamps the record (default: the
        clock)."""
        if appointment.is_new:
            if appointment.status is not AppointmentStatus.PLANNED:
                raise DomainError("Ein neuer Termin ist zunächst geplant.")
        else:
            stored = self._repo.get(appointment.id)
            if stored.status is not appointment.status:
                raise DomainError("Der Status eines Termins ändert sich nur über die Durchführung.")
            if stored.approach is not appointment.approach and stored.status is not (
                AppointmentStatus.PLANNED
            ):
                raise DomainError(
                    "Der Handlungsansatz lässt sich nach Beginn des Termins nicht mehr ändern."
                )
        return self._repo.save(appointment, now)

    def clashes(self, appointment: Appointment) -> list[Clash]:
        """Other appointments taking the time of this one's staff or client (a warning when
        planning, never a block); reads only the candidates in its time window."""
        return clashes(appointment, self._repo.overlap_candidates(appointment))

    def clash_warnings(self, appointment: Appointment) -> list[str]:
        """The clashes as German lines naming who is planned twice and when."""
        found = self.clashes(appointment)
        if not found:
            return []
        names = {s.id: s.name for s in self._staff.all()}
        return [c.message(names) for c in found]

    def delete(self, appointment_id: str) -> None:
        """Only an appointment without consents, protocol or outcome can be deleted; the others
        are cancelled instead, so nothing they documented loses its context."""
        stored = self._repo.get(appointment_id)
        if stored.status.is_outcome and stored.status is not AppointmentStatus.CANCELLED:
            raise RecordInUse("Ein Termin mit Ergebnis wird nicht gelöscht.")
        if self._repo.documents_count(appointment_id):
            raise RecordInUse(
                "Zu diesem Termin gibt es Einwilligungen oder ein Protokoll; er wird nicht "
                "gelöscht. Bitte stattdessen absagen."
            )
        self._repo.delete(appointment_id)

    def count(self) -> int:
        return self._repo.count()

    def search(self, query: str = "", limit: int = 500) -> list[Appointment]:
        return self._repo.search(query, limit)

    def by_status(
        self, statuses: list[AppointmentStatus], start: datetime, end: datetime
    ) -> list[Appointment]:
        """Appointments in one of `statuses` starting in [start, end)."""
        return self._repo.by_status(statuses, start, end)

    def open_follow_ups(
        self, statuses: list[AppointmentStatus], end: datetime
    ) -> list[Appointment]:
        """Appointments in one of `statuses` before `end` whose follow-up is not closed."""
        return self._repo.open_follow_ups(statuses, end)

    def ids_between(
        self, start: datetime, end: datetime, statuses: list[AppointmentStatus]
    ) -> list[str]:
        """Ids of the appointments in one of `statuses` starting in [start, end), in order."""
        return self._repo.ids_between(start, end, statuses)

    def open_follow_up_ids(
        self, statuses: list[AppointmentStatus], end: datetime
    ) -> list[tuple[str, bool]]:
        """`open_follow_ups` as (id, has a client): a long list read without its records."""
        return self._repo.open_follow_up_ids(statuses, end)

    def views_of(self, ids: Sequence[str]) -> list[AppointmentView]:
        """The views of these appointments, in the order of `ids` (missing ones left out)."""
        found = {a.id: a for a in self._repo.many(ids)}
        return self.views([found[i] for i in ids if i in found])

    def followers(self, appointment_id: str) -> list[Appointment]:
        """Appointments that follow this one: its follow-ups and new ones at another place."""
        return self._repo.followers(appointment_id)

    # views
    def views(self, appointments: list[Appointment]) -> list[AppointmentView]:
        """Appointments with the names (and for home visits the address) the lists show."""
        # in bulk: a few queries however long the list
        clients: dict[str, Client] = {
            c.id: c for c in self._clients.many(a.client_id for a in appointments if a.client_id)
        }
        parties: dict[str, ThirdParty] = {
            p.id: p
            for p in self._third_parties.many(
                a.third_party_id for a in appointments if a.third_party_id
            )
        }
        staff = {s.id: s.name for s in self._staff.all()}
        views = []
        for a in appointments:
            client = clients.get(a.client_id or "")
            party = parties.get(a.third_party_id or "")
            views.append(
                AppointmentView(
                    a,
                    client.display_name if client else "",
                    party.name if party else "",
                    [staff.get(i, "") for i in a.staff_ids],
                    client.address if client else "",
                )
            )
        return views

    def search_views(
        self, query: str = "", limit: int = 500, since: datetime | None = None
    ) -> list[AppointmentView]:
        return self.views(self._repo.search(query, limit, since=since))

    def on_day(self, day: date) -> list[AppointmentView]:
        require_date(day, "day", "Tag")
        start = datetime.combine(day, time.min)
        return self.views(self._repo.between(start, start + timedelta(days=1)))

    def outings_on(self, day: date) -> list[Outing]:
        """The day's appointments as the day plan reads them (one query)."""
        require_date(day, "day", "Tag")
        start = datetime.combine(day, time.min)
        return outings_between(self._repo.db, start, start + timedelta(days=1))

    def upcoming(self, after: datetime, days: int = 14) -> list[AppointmentView]:
        require_date(after, "from", "Von")
        return self.views(self._repo.between(after, after + timedelta(days=days)))
