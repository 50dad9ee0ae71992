"""Appointments with the names the views need, today's overview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.storage.appointment_repo import AppointmentRepository
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


class AppointmentService:
    def __init__(
        self,
        repo: AppointmentRepository,
        clients: ClientRepository,
        third_parties: ThirdPartyRepository,
        staff: StaffRepository,
    ) -> None:
        self.repo = repo
        self._clients = clients
        self._third_parties = third_parties
        self._staff = staff

    # plain record access
    def get(self, appointment_id: str) -> Appointment:
        return self.repo.get(appointment_id)

    def save(self, appointment: Appointment) -> Appointment:
        return self.repo.save(appointment)

    def delete(self, appointment_id: str) -> None:
        self.repo.delete(appointment_id)

    def count(self) -> int:
        return self.repo.count()

    def search(self, query: str = "", limit: int = 500) -> list[Appointment]:
        return self.repo.search(query, limit)

    # views
    def views(self, appointments: list[Appointment]) -> list[AppointmentView]:
        names: dict[str, str] = {}

        def name_of(repo: ClientRepository | ThirdPartyRepository, rid: str | None) -> str:
            if not rid:
                return ""
            if rid not in names:
                rec = repo.find(rid)
                names[rid] = str(getattr(rec, "display_name", None) or getattr(rec, "name", ""))
            return names[rid]

        staff = {s.id: s.name for s in self._staff.all()}
        return [
            AppointmentView(
                a,
                name_of(self._clients, a.client_id),
                name_of(self._third_parties, a.third_party_id),
                [staff.get(i, "") for i in a.staff_ids],
            )
            for a in appointments
        ]

    def search_views(self, query: str = "", limit: int = 500) -> list[AppointmentView]:
        return self.views(self.repo.search(query, limit))

    def on_day(self, day: date) -> list[AppointmentView]:
        start = datetime.combine(day, time.min)
        return self.views(self.repo.between(start, start + timedelta(days=1)))

    def upcoming(self, after: datetime, days: int = 14) -> list[AppointmentView]:
        return self.views(self.repo.between(after, after + timedelta(days=days)))
