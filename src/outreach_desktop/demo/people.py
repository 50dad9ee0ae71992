"""Invented people: the caseworker and colleagues, third parties and clients, saved through the
people services."""

from __future__ import annotations

import random
from datetime import datetime

from outreach_desktop.demo.data import Names
from outreach_desktop.demo.run import random_id
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.services.session import Session


def address(rng: random.Random, names: Names) -> str:
    postcode, town = rng.choice(names.towns)
    return f"{rng.choice(names.streets)} {rng.randint(1, 48)}\n{postcode} {town}"


def phone(rng: random.Random, names: Names) -> str:
    return f"{rng.choice(names.phone_prefixes)} {rng.randint(100000, 999999)}"


def invent_staff(
    session: Session, rng: random.Random, names: Names, now: datetime
) -> tuple[Staff, list[Staff]]:
    """The vault's owner (kept if there is one) and four colleagues."""
    owner = session.owner()
    if owner is None:
        owner = session.staff.save(Staff(id=random_id(rng), name=names.owner, is_owner=True), now)
    colleagues = []
    for c in names.colleagues:
        staff = Staff(
            id=random_id(rng), name=c.name, department=c.department, phone=c.phone,
            is_team_leader=c.team_leader,
        )  # fmt: skip
        colleagues.append(session.staff.save(staff, now))
    return owner, colleagues


def invent_parties(
    session: Session, rng: random.Random, names: Names, now: datetime
) -> list[ThirdParty]:
    parties = []
    for party in names.third_parties:
        record = ThirdParty(
            id=random_id(rng), name=party.name, kind=party.kind,
            address=address(rng, names), contact=phone(rng, names),
        )  # fmt: skip
        parties.append(session.third_parties.save(record, now))
    return parties


def invent_client(rng: random.Random, names: Names, colleagues: list[Staff]) -> Client:
    """A client; about one in five is in a colleague's caseload."""
    own = rng.random() < 0.8
    client_id = random_id(rng)
    name = f"{rng.choice(names.first_names)} {rng.choice(names.last_names)}"
    number = f"{rng.randint(100, 999)}A{rng.randint(100000, 999999)}" if rng.random() < 0.7 else ""
    home = address(rng, names)
    reachable = phone(rng, names) if rng.random() < 0.85 else ""
    return Client(
        id=client_id,
        display_name=name,
        customer_number=number,
        address=home,
        phone=reachable,
        preferred_language=rng.choice(names.languages),
        reachability_notes=rng.choice(names.reachability_notes),
        in_own_caseload=own,
        main_caseworker_id=None if own else rng.choice(colleagues[:3]).id,
    )


def invent_clients(
    session: Session, rng: random.Random, names: Names, colleagues: list[Staff], count: int,
    now: datetime,
) -> list[Client]:  # fmt: skip
    return [session.clients.save(invent_client(rng, names, colleagues), now) for _ in range(count)]
