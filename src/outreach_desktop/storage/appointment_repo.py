"""Repository for appointments and their participating staff."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.overlaps import NOT_OCCUPYING, candidate_window
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.storage.database import Row
from outreach_desktop.storage.record_repo import RecordRepository, like_patterns


def local_to_db(value: datetime) -> str:
    return value.isoformat(timespec="minutes")


class AppointmentRepository(RecordRepository[Appointment]):
    table = "appointments"
    what = "Der Termin"
    order_by = "start"

    def to_row(self, a: Appointment) -> dict[str, Any]:
        return {
            "approach": a.approach.value,
            "start": local_to_db(a.start),
            "planned_duration_min": a.planned_duration_min,
            "buffer_min": a.buffer_min,
            "place": a.place,
            "client_id": a.client_id,
            "third_party_id": a.third_party_id,
            "status": a.status.value,
            "first_meeting": int(a.first_meeting),
            "spontaneous": int(a.spontaneous),
            "predecessor_id": a.predecessor_id,
            "relocated_from_id": a.relocated_from_id,
        }

    def from_row(self, r: Row) -> Appointment:
        return Appointment(
            **self._meta(r),
            approach=Approach(r["approach"]),
            start=datetime.fromisoformat(r["start"]),
            planned_duration_min=r["planned_duration_min"],
            buffer_min=r["buffer_min"],
            place=r["place"],
            client_id=r["client_id"],
            third_party_id=r["third_party_id"],
            status=AppointmentStatus(r["status"]),
            first_meeting=bool(r["first_meeting"]),
            spontaneous=bool(r["spontaneous"]),
            predecessor_id=r["predecessor_id"],
            relocated_from_id=r["relocated_from_id"],
        )

    def _after_write(self, a: Appointment) -> None:
        self.db.execute("DELETE FROM appointment_staff WHERE appointment_id = ?", (a.id,))
        for position, staff_id in enumerate(a.staff_ids):
            self.db.execute(
                "INSERT INTO appointment_staff (appointment_id, staff_id, position)"
                " VALUES (?, ?, ?)",
                (a.id, staff_id, position),
            )

    def _after_insert_many(self, records: list[Appointment]) -> None:
        self.db.executemany(
            "INSERT INTO appointment_staff (appointment_id, staff_id, position) VALUES (?, ?, ?)",
            [(a.id, s, position) for a in records for position, s in enumerate(a.staff_ids)],
        )

    def _load_children(self, records: list[Appointment]) -> list[Appointment]:
        if not records:
            return records
        by_id = {a.id: a for a in records}
        marks = ",".join("?" * len(by_id))
        rows = self.db.execute(
            f"SELECT appointment_id, staff_id FROM appointment_staff"
            f" WHERE appointment_id IN ({marks}) ORDER BY position",
            tuple(by_id),
        )
        for row in rows:
            by_id[row["appointment_id"]].staff_ids.append(row["staff_id"])
        return records

    def search(
        self, query: str = "", limit: int = 500, since: datetime | None = None
    ) -> list[Appointment]:
        """Appointments whose place, approach, client or third party match every word,
        starting at `since` if given, in time order."""
        patterns = like_patterns(query)
        cond = (
            "(a.search_text LIKE :p{i} ESCAPE '\\' OR c.search_text LIKE :p{i} ESCAPE '\\'"
            " OR t.search_text LIKE :p{i} ESCAPE '\\')"
        )
        where = " AND ".join(cond.format(i=i) for i in range(len(patterns))) or "1"
        params: dict[str, Any] = {f"p{i}": p for i, p in enumerate(patterns)}
        params["limit"] = limit
        if since is not None:
            where += " AND a.start >= :since"
            params["since"] = local_to_db(since)
        rows = self.db.execute(
            "SELECT a.* FROM appointments a"
            " LEFT JOIN clients c ON c.id = a.client_id"
            " LEFT JOIN third_parties t ON t.id = a.third_party_id"
            f" WHERE {where} ORDER BY a.start LIMIT :limit",
            params,
        )
        return self._load_children([self.from_row(r) for r in rows])

    def between(self, start: datetime, end: datetime) -> list[Appointment]:
        """Appointments starting in [start, end)."""
        rows = self.db.execute(
            "SELECT * FROM appointments WHERE start >= ? AND start < ? ORDER BY start",
            (local_to_db(start), local_to_db(end)),
        )
        return self._load_children([self.from_row(r) for r in rows])

    def overlap_candidates(self, a: Appointment) -> list[Appointment]:
        """Appointments that may overlap `a` (domain/overlaps.py): one range query on the start
        index, only those sharing its client or a staff member and still taking time."""
        low, high = candidate_window(a)
        staff = list(dict.fromkeys(a.staff_ids))
        marks = ",".join("?" * len(staff)) or "NULL"
        skipped = ",".join(f"'{s.value}'" for s in NOT_OCCUPYING)
        rows = self.db.execute(
            "SELECT a.* FROM appointments a WHERE a.start >= ? AND a.start < ? AND a.id != ?"
            f" AND a.status NOT IN ({skipped}) AND (a.client_id = ? OR EXISTS ("
            "SELECT 1 FROM appointment_staff s WHERE s.appointment_id = a.id"
            f" AND s.staff_id IN ({marks}))) ORDER BY a.start",
            (local_to_db(low), local_to_db(high), a.id, a.client_id, *staff),
        )
        return self._load_children([self.from_row(r) for r in rows])

    def by_status(
        self, statuses: list[AppointmentStatus], start: datetime, end: datetime
    ) -> list[Appointment]:
        """Appointments in one of `statuses` starting in [start, end)."""
        marks = ",".join("?" * len(statuses))
        rows = self.db.execute(
            f"SELECT * FROM appointments WHERE status IN ({marks}) AND start >= ? AND start < ?"
            " ORDER BY start",
            (*[s.value for s in statuses], local_to_db(start), local_to_db(end)),
        )
        return self._load_children([self.from_row(r) for r in rows])

    def open_follow_ups(
        self, statuses: list[AppointmentStatus], end: datetime
    ) -> list[Appointment]:
        """Appointments in one of `statuses` starting before `end` whose follow-up is not closed
        (Heute), read from `open_follow_ups` (kept by triggers, schema 16): the closed ones —
        years of them — are never touched."""
        marks = ",".join("?" * len(statuses))
        rows = self.db.execute(
            "SELECT a.* FROM open_follow_ups f CROSS JOIN appointments a"  # f first, always
            " ON a.id = f.appointment_id"
            f" WHERE f.start < ? AND a.status IN ({marks}) ORDER BY f.start",
            (local_to_db(end), *[s.value for s in statuses]),
        )
        return self._load_children([self.from_row(r) for r in rows])

    def ids_between(
        self, start: datetime, end: datetime, statuses: list[AppointmentStatus]
    ) -> list[str]:
        """Ids of the appointments in one of `statuses` starting in [start, end), in order."""
        marks = ",".join("?" * len(statuses))
        rows = self.db.execute(
            "SELECT id FROM appointments INDEXED BY appointments_start_status"  # schema 18
            f" WHERE start >= ? AND start < ? AND status IN ({marks}) ORDER BY start",
            (local_to_db(start), local_to_db(end), *[s.value for s in statuses]),
        )
        return [r[0] for r in rows]

    def open_follow_up_ids(
        self, statuses: list[AppointmentStatus], end: datetime
    ) -> list[tuple[str, bool]]:
        """`open_follow_ups` as ids, each with whether it has a client, oldest first."""
        marks = ",".join("?" * len(statuses))
        rows = self.db.execute(
            "SELECT a.id, a.client_id IS NOT NULL FROM open_follow_ups f CROSS JOIN appointments a"
            f" ON a.id = f.appointment_id WHERE f.start < ? AND a.status IN ({marks})"
            " ORDER BY f.start",
            (local_to_db(end), *[s.value for s in statuses]),
        )
        return [(r[0], bool(r[1])) for r in rows]

    def planned_home_visit_days(self, today: date, until: date) -> list[tuple[str, date]]:
        """Planned home visits from `today` to before `until`: their ids and days, in order."""
        rows = self.db.execute(
            "SELECT id, start FROM appointments INDEXED BY appointments_planned_visits"
            " WHERE status = 'planned' AND start >= ? AND start < ? AND approach = 'home-visit'"
            " ORDER BY start",  # the partial index of schema 18 holds exactly these
            (today.isoformat(), until.isoformat()),
        )
        return [(r[0], date.fromisoformat(r[1][:10])) for r in rows]

    def documents_count(self, appointment_id: str) -> int:
        """Consents and protocols recorded for the appointment."""
        return int(
            self.db.scalar(
                "SELECT (SELECT count(*) FROM consents WHERE appointment_id = :id)"
                " + (SELECT count(*) FROM protocols WHERE appointment_id = :id)",
                {"id": appointment_id},
            )
        )

    def has_follow_up(self, appointment_id: str) -> bool:
        return bool(self.db.scalar(
            "SELECT EXISTS (SELECT 1 FROM appointments WHERE predecessor_id = ?)",
            (appointment_id,),
        ))  # fmt: skip

    def with_follow_up(self, appointment_ids: Iterable[str]) -> set[str]:
        """Those of `appointment_ids` that have a follow-up (`has_follow_up` in bulk)."""
        return self.db.matching(
            "SELECT DISTINCT predecessor_id FROM appointments WHERE predecessor_id IN ({ids})",
            appointment_ids,
        )

    def followers(self, appointment_id: str) -> list[Appointment]:
        """Follow-ups and relocations of an appointment."""
        rows = self.db.execute(
            "SELECT * FROM appointments WHERE predecessor_id = :id OR relocated_from_id = :id"
            " ORDER BY start",
            {"id": appointment_id},
        )
        return self._load_children([self.from_row(r) for r in rows])

    def for_client(self, client_id: str) -> list[Appointment]:
        rows = self.db.execute(
            "SELECT * FROM appointments WHERE client_id = ? ORDER BY start", (client_id,)
        )
        return self._load_children([self.from_row(r) for r in rows])
