"""The day plan's read: every appointment starting in a time range with its staff (in order,
name and phone), client and third party, in one query."""

from __future__ import annotations

import json
from datetime import datetime

from outreach_desktop.domain.day_plan import Outing
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach, ThirdPartyKind
from outreach_desktop.storage.appointment_repo import local_to_db
from outreach_desktop.storage.database import Database, Row

_QUERY = """
SELECT a.start, a.planned_duration_min, a.buffer_min, a.approach, a.status, a.place,
       coalesce(c.display_name, '') AS client_name, coalesce(c.address, '') AS client_address,
       coalesce(t.name, '') AS party_name, t.kind AS party_kind,
       coalesce(t.address, '') AS party_address,
       (SELECT json_group_array(json_array(p.name, p.phone)) FROM (
            SELECT s.name, s.phone FROM appointment_staff x JOIN staff s ON s.id = x.staff_id
            WHERE x.appointment_id = a.id ORDER BY x.position) AS p) AS staff
FROM appointments a
LEFT JOIN clients c ON c.id = a.client_id
LEFT JOIN third_parties t ON t.id = a.third_party_id
WHERE a.start >= ? AND a.start < ?
ORDER BY a.start
"""


def _kind(value: str | None) -> ThirdPartyKind | None:
    try:
        return ThirdPartyKind(value) if value else None
    except ValueError:  # a kind from a newer version: shown as "Dritte"
        return None


def _outing(r: Row) -> Outing:
    return Outing(
        start=datetime.fromisoformat(r["start"]),
        duration_min=r["planned_duration_min"],
        buffer_min=r["buffer_min"],
        approach=Approach(r["approach"]),
        status=AppointmentStatus(r["status"]),
        staff=tuple((str(name), str(phone)) for name, phone in json.loads(r["staff"] or "[]")),
        place=r["place"],
        client_name=r["client_name"],
        client_address=r["client_address"],
        third_party_name=r["party_name"],
        third_party_kind=_kind(r["party_kind"]),
        third_party_address=r["party_address"],
    )


def outings_between(db: Database, start: datetime, end: datetime) -> list[Outing]:
    """Appointments starting in [start, end), as the day plan reads them."""
    return [_outing(r) for r in db.execute(_QUERY, (local_to_db(start), local_to_db(end)))]
