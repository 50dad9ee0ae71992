"""Außentermine heute: who of the team is out when and roughly where, for the team board or the
leader (a common safety practice in outreach work).

Built from plain records (`Outing`, one per appointment, read by the services in one query).
By default the plan names no client: no client name, no street, no third party's name — a home
visit shows only the postcode and town, an accompaniment the kind of third party and its town, a
Walk and Talk its meeting point with the client's name and street taken out. Only when the
caseworker asks for it (`with_names`) do client names and full places appear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach, ThirdPartyKind

# Appointments that do not take place (on this day) are not on the plan.
NOT_OUT = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.POSTPONED})
ANONYMOUS = "anonym"
HOME = "Wohnung der Kundin/des Kunden"
NO_AREA = "Ort nicht erfasst"
REDACTED = "…"
_POSTCODE_TOWN = re.compile(r"\b(\d{5})\s+([^,;\n]+)")
_WORD = re.compile(r"\w{3,}")


@dataclass(frozen=True)
class Outing:
    """One appointment as the day plan reads it (plain data; `staff` as (name, phone))."""

    start: datetime
    duration_min: int
    buffer_min: int
    approach: Approach
    status: AppointmentStatus
    staff: tuple[tuple[str, str], ...]
    place: str = ""
    client_name: str = ""  # empty: anonymous
    client_address: str = ""
    third_party_name: str = ""
    third_party_kind: ThirdPartyKind | None = None
    third_party_address: str = ""


@dataclass(frozen=True)
class PlanRow:
    start: datetime
    end: datetime
    back_by: datetime  # end plus the time buffer
    staff: str  # names, with phone where known
    approach: str
    where: str
    status: str
    client: str  # empty unless the plan is made with names


@dataclass(frozen=True)
class DayPlan:
    day: date
    rows: tuple[PlanRow, ...]
    with_names: bool

    @property
    def is_empty(self) -> bool:
        return not self.rows


def rough_area(address: str) -> str:
    """The postcode and town of an address ("29439 Lüchow (Wendland)"), "" when it has none."""
    found = _POSTCODE_TOWN.search(address)
    return f"{found.group(1)} {found.group(2).strip()}" if found else ""


def _scrubbed(text: str, o: Outing) -> str:
    """`text` without any word of the client's name, of the street line of their address or
    of the third party's name (case-insensitive), repeated until nothing of them is left."""
    street = o.client_address.strip().splitlines()[0] if o.client_address.strip() else ""
    words = {w for part in (o.client_name, street) for w in _WORD.findall(part)}
    # the third party's name, but not its town or kind ("Sozialer Dienst Lüchow")
    kind = o.third_party_kind.label_de if o.third_party_kind else ""
    public = set(_WORD.findall(f"{rough_area(o.third_party_address)} {kind}"))
    words |= set(_WORD.findall(o.third_party_name)) - public
    if not words:
        return text
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                         re.IGNORECASE)  # fmt: skip
    while True:
        cleaned = pattern.sub(REDACTED, text)
        if cleaned == text:
            return text
        text = cleaned


def _where(o: Outing, with_names: bool) -> str:
    if with_names:
        return _where_named(o)
    return _scrubbed(_where_rough(o), o)


def _where_named(o: Outing) -> str:
    one_line = o.place.replace("\n", ", ").strip()
    if o.approach is Approach.HOME_VISIT:
        return one_line or o.client_address.replace("\n", ", ").strip() or NO_AREA
    if o.approach is Approach.ACCOMPANIMENT:
        kind = o.third_party_kind.label_de if o.third_party_kind else "Dritte"
        return ", ".join(p for p in (o.third_party_name, one_line) if p) or kind
    return one_line or NO_AREA


def _where_rough(o: Outing) -> str:
    """District or kind of place: postcode and town, the kind of third party, the meeting
    point (its text is scrubbed of the client's name and street by the caller)."""
    one_line = o.place.replace("\n", ", ").strip()
    if o.approach is Approach.HOME_VISIT:
        area = rough_area(o.place) or rough_area(o.client_address)
        return f"{HOME}, {area}" if area else HOME
    if o.approach is Approach.ACCOMPANIMENT:
        kind = o.third_party_kind.label_de if o.third_party_kind else "Dritte"
        area = rough_area(o.third_party_address) or rough_area(o.place)
        return f"{kind}, {area}" if area else kind
    area = rough_area(one_line)
    if area:
        return f"Treffpunkt in {area}"
    return f"Treffpunkt: {one_line}" if one_line else NO_AREA


def _staff(staff: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{name} ({phone})" if phone else name for name, phone in staff if name)


def plan_row(o: Outing, with_names: bool = False) -> PlanRow:
    end = o.start + timedelta(minutes=o.duration_min)
    client = (o.client_name or ANONYMOUS) if with_names else ""
    return PlanRow(
        start=o.start, end=end, back_by=end + timedelta(minutes=o.buffer_min),
        staff=_staff(o.staff), approach=o.approach.label_de, where=_where(o, with_names),
        status=o.status.label_de, client=client,
    )  # fmt: skip


def day_plan(day: date, outings: Iterable[Outing], *, with_names: bool = False) -> DayPlan:
    """The plan of `day`: every appointment starting that day that takes place, in time order
    (then by staff); without client names unless `with_names`."""
    kept = [o for o in outings if o.start.date() == day and o.status not in NOT_OUT]
    rows = sorted((plan_row(o, with_names) for o in kept), key=lambda r: (r.start, r.staff))
    return DayPlan(day, tuple(rows), with_names)


def day_plan_file_name(day: date) -> str:
    """Suggested file name, ASCII, no personal data: "Aussentermine-2026-12-02.pdf"."""
    return f"Aussentermine-{day.isoformat()}.pdf"
