"""Deterministic synthetic data for demos and screenshots: invented German names and places in
the Wendland, appointments of all three approaches around today. Made locally, no network."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import (
    AppointmentStatus,
    Approach,
    Department,
    Language,
    ThirdPartyKind,
)
from outreach_desktop.services.session import Session

FIRST = [
    "Anna",
    "Jana",
    "Lena",
    "Sabine",
    "Petra",
    "Ayşe",
    "Olena",
    "Iryna",
    "Fatma",
    "Leyla",
    "Maria",
    "Sandra",
    "Kerstin",
    "Nadine",
    "Jürgen",
    "Thomas",
    "Michael",
    "Stefan",
    "Andreas",
    "Mehmet",
    "Oleksandr",
    "Dmytro",
    "Ahmad",
    "Yusuf",
    "Sven",
    "Dirk",
    "Björn",
    "Kai",
    "Jörg",
    "Günter",
    "Sören",
    "Tatjana",
    "Natalia",
    "Heike",
    "Ute",
    "Maik",
]
LAST = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Werner",
    "Krause",
    "Lehmann",
    "Köhler",
    "Yılmaz",
    "Kaya",
    "Demir",
    "Kovalenko",
    "Shevchenko",
    "Petrenko",
    "Haddad",
    "Nasser",
    "Ivanova",
    "Popov",
    "Böttcher",
    "Jäger",
    "Voß",
]
TOWNS = (
    ("29439", "Lüchow (Wendland)"),
    ("29451", "Dannenberg (Elbe)"),
    ("29456", "Hitzacker (Elbe)"),
    ("29471", "Gartow"),
    ("29462", "Wustrow (Wendland)"),
    ("29459", "Clenze"),
    ("29468", "Bergen an der Dumme"),
    ("29465", "Schnega"),
    ("29499", "Zernien"),
)
STREETS = (
    "Lange Straße",
    "Drawehner Straße",
    "Bahnhofstraße",
    "Kirchplatz",
    "Salzwedeler Straße",
    "Am Markt",
    "Marschtorstraße",
    "Wallstraße",
    "Lindenweg",
    "Birkenallee",
    "Mühlenweg",
    "Schulstraße",
    "Elbuferstraße",
)
MEETING_POINTS = (
    "Kirchplatz, am Brunnen",
    "Parkplatz am Amtsgericht",
    "Eingang Stadtpark",
    "Bahnhof, Haupteingang",
    "Elbuferpromenade, Fähranleger",
    "Marktplatz, vor der Bäckerei",
    "Spielplatz Lindenweg",
)
LANGS = [Language.GERMAN] * 6 + [
    Language.ENGLISH,
    Language.UKRAINIAN,
    Language.RUSSIAN,
    Language.TURKISH,
    Language.ARABIC,
]


DEMO_KEY = "demo_runs"  # in the vault's meta table: this vault holds invented data


@dataclass(frozen=True)
class DemoSummary:
    clients: int
    staff: int
    third_parties: int
    appointments: int


def _address(rng: random.Random) -> str:
    code, town = rng.choice(TOWNS)
    return f"{rng.choice(STREETS)} {rng.randint(1, 48)}\n{code} {town}"


def _phone(rng: random.Random) -> str:
    return (
        rng.choice(["05841", "05861", "05862", "0151", "0170"]) + f" {rng.randint(100000, 999999)}"
    )


def fill_demo(
    session: Session, *, clients: int = 30, seed: int = 1, today: date | None = None
) -> DemoSummary:
    """Add synthetic records; the same seed, day and run give the same data.

    Only into a vault without clients or one made for demos: invented people must never mix
    with real ones (they would travel to the office with them).
    """
    meta = session.vault.meta()
    if meta.get(DEMO_KEY) is None and session.clients.count() > 0:
        raise UserError(
            "Beispieldaten werden nur in einen neuen oder einen Demo-Tresor geschrieben, "
            "nie zu echten Daten."
        )
    run = int(meta.get(DEMO_KEY) or 0)
    session.vault.set_meta(DEMO_KEY, str(run + 1))
    rng = random.Random(f"{seed}:{run}" if run else seed)
    today = today or date.today()
    now = datetime.combine(today, time(7, 0), tzinfo=UTC)

    def rid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    owner = session.owner()
    if owner is None:
        owner = session.staff.save(Staff(id=rid(), name="Alex Beispiel", is_owner=True), now)
    colleagues = [
        Staff(
            id=rid(),
            name="Birgit Sommer",
            department=Department.MARKET_AND_INTEGRATION,
            phone="05841 120-211",
        ),
        Staff(
            id=rid(),
            name="Cem Aydın",
            department=Department.MARKET_AND_INTEGRATION,
            phone="05841 120-214",
        ),
        Staff(id=rid(), name="Doris Brandt", department=Department.BENEFITS, phone="05841 120-305"),
        Staff(
            id=rid(),
            name="Frank Lüders",
            department=Department.MARKET_AND_INTEGRATION,
            phone="05841 120-100",
            is_team_leader=True,
        ),
    ]
    for s in colleagues:
        session.staff.save(s, now)
    parties = [
        ThirdParty(id=rid(), name=name, kind=kind, address=_address(rng), contact=_phone(rng))
        for name, kind in (
            ("Landkreis – Fachdienst Soziales", ThirdPartyKind.AUTHORITY),
            ("Oberschule am Wall", ThirdPartyKind.SCHOOL),
            ("Bildungswerk Elbe-Jeetzel", ThirdPartyKind.TRAINING_PROVIDER),
            ("Schuldner- und Insolvenzberatung", ThirdPartyKind.SOCIAL_SERVICE),
            ("Kanzlei Reinholz & Partner", ThirdPartyKind.LAWYER),
            ("Praxis für Psychiatrie Dr. Wendt", ThirdPartyKind.MEDICAL_SPECIALIST),
            ("Familienzentrum Regenbogen", ThirdPartyKind.OTHER),
        )
    ]
    for t in parties:
        session.third_parties.save(t, now)

    made: list[Client] = []
    for _ in range(clients):
        own = rng.random() < 0.8
        client = Client(
            id=rid(),
            display_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            customer_number=f"{rng.randint(100, 999)}A{rng.randint(100000, 999999)}"
            if rng.random() < 0.7
            else "",
            address=_address(rng),
            phone=_phone(rng) if rng.random() < 0.85 else "",
            preferred_language=rng.choice(LANGS),
            reachability_notes=rng.choice(
                ["", "", "Vormittags telefonisch", "Nur per Brief", "Mobil ab 14 Uhr"]
            ),
            in_own_caseload=own,
            main_caseworker_id=None if own else rng.choice(colleagues[:3]).id,
        )
        made.append(session.clients.save(client, now))

    count = 0
    for index, client in enumerate(made):
        # The first clients always get an appointment today, so "Heute" has something to show.
        for _ in range(rng.choice((1, 2)) if index < 3 else rng.choice((0, 1, 1, 2))):
            appointment = _appointment(rng, rid(), client, index, today, owner, colleagues, parties)
            session.appointments.repo.save(appointment, now)
            count += 1
    for hour in (8, 15):  # anonymous Walk and Talk, two days ahead
        session.appointments.repo.save(
            Appointment.plan(
                Approach.WALK_AND_TALK,
                datetime.combine(today + timedelta(days=2), time(hour, 30)),
                id=rid(),
                place=rng.choice(MEETING_POINTS),
                staff_ids=[owner.id],
            ),
            now,
        )
        count += 1
    return DemoSummary(len(made), len(colleagues) + 1, len(parties), count)


def _appointment(
    rng: random.Random,
    appointment_id: str,
    client: Client,
    index: int,
    today: date,
    owner: Staff,
    colleagues: list[Staff],
    parties: list[ThirdParty],
) -> Appointment:
    approach = rng.choice(list(Approach))
    day = today if index < 3 else today + timedelta(days=rng.randint(-14, 28))
    while day != today and day.weekday() >= 5:
        day += timedelta(days=1)
    start = datetime.combine(day, time(rng.choice((8, 9, 10, 11, 13, 14, 15)), rng.choice((0, 30))))
    staff = [owner.id]
    third_party = None
    place = ""
    if approach is Approach.HOME_VISIT:
        staff.append(rng.choice(colleagues[:3]).id)
    elif approach is Approach.ACCOMPANIMENT:
        party = rng.choice(parties)
        third_party, place = party.id, party.address.replace("\n", ", ")
    else:
        place = rng.choice(MEETING_POINTS)
    status = AppointmentStatus.PLANNED
    if day < today:
        status = AppointmentStatus.DONE if rng.random() < 0.8 else AppointmentStatus.CANCELLED
    return Appointment.plan(
        approach,
        start,
        id=appointment_id,
        client_id=client.id,
        third_party_id=third_party,
        place=place,
        staff_ids=staff,
        status=status,
    )
