"""Deterministic synthetic data for demos and screenshots: invented German names and places in
the Wendland, appointments of all three approaches around today, walked through the approach
workflows (calls, letters, checklist answers, outcomes, follow-ups). Made locally, no network."""

from __future__ import annotations

import math
import random
import struct
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Item, ItemKind, ItemState, Phase, Transition
from outreach_desktop.domain.conduct import BrokenOffBy
from outreach_desktop.domain.consents import AccompanimentScope, Consent, ConsentKind, GivenHow
from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome, LetterKind, letter_window
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import (
    AppointmentStatus,
    Approach,
    Department,
    Language,
    ThirdPartyKind,
)
from outreach_desktop.services.documents import DocumentService
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

RECOGNITION_SIGNS = (
    "Rote Mütze, Bank am Brunnen",
    "Blauer Rucksack, wartet am Eingang",
    "Gelber Schal, Zeitung in der Hand",
    "Grüne Jacke, steht am Fahrradständer",
)
TEXTS = {
    "acc.joins_conversation_reason": "Die Kundin wünscht Unterstützung bei Fachbegriffen.",
}
FAILED_CALLS = (CallOutcome.NO_ANSWER, CallOutcome.BUSY, CallOutcome.VOICEMAIL)
CALL_NOTES = {
    CallOutcome.NO_ANSWER: "",
    CallOutcome.BUSY: "",
    CallOutcome.VOICEMAIL: "Bitte um Rückruf auf der Mailbox hinterlassen",
}


@dataclass(frozen=True)
class DemoSummary:
    clients: int
    staff: int
    third_parties: int
    appointments: int
    calls: int = 0
    letters: int = 0
    answers: int = 0
    outcomes: int = 0
    consents: int = 0


def _address(rng: random.Random) -> str:
    code, town = rng.choice(TOWNS)
    return f"{rng.choice(STREETS)} {rng.randint(1, 48)}\n{code} {town}"


def _phone(rng: random.Random) -> str:
    return (
        rng.choice(["05841", "05861", "05862", "0151", "0170"]) + f" {rng.randint(100000, 999999)}"
    )


def _workday_before(day: date) -> date:
    """`day`, or the Friday before if it falls on a weekend."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _workday_after(day: date) -> date:
    """`day`, or the Monday after if it falls on a weekend."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def fill_demo(
    session: Session, *, clients: int = 30, seed: int = 1, today: date | None = None
) -> DemoSummary:
    """Add synthetic records; the same seed, day and run give the same data.

    Besides people and appointments the demo walks the appointments through the approach
    workflows: call attempts and letters for home visits, checklist answers in every phase,
    outcomes, a relocation and follow-ups, so that every screen has something to show.

    Only into a vault without clients or one made for demos: invented people must never mix
    with real ones (they would travel to the office with them).
    """
    runs = session.meta(DEMO_KEY)
    if runs is None and session.clients.count() > 0:
        raise UserError(
            "Beispieldaten werden nur in einen neuen oder einen Demo-Tresor geschrieben, "
            "nie zu echten Daten."
        )
    run = int(runs or 0)
    session.set_meta(DEMO_KEY, str(run + 1))
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

    planned: list[Appointment] = []
    for index, client in enumerate(made):
        # The first clients always get an appointment today, so "Heute" has something to show.
        for _ in range(rng.choice((1, 2)) if index < 3 else rng.choice((0, 1, 1, 2))):
            appointment = _appointment(rng, rid(), client, index, today, owner, colleagues, parties)
            planned.append(session.appointments._repo.save(appointment, now))
    for hour in (8, 15):  # anonymous Walk and Talk, two days ahead
        planned.append(
            session.appointments._repo.save(
                Appointment.plan(
                    Approach.WALK_AND_TALK,
                    datetime.combine(today + timedelta(days=2), time(hour, 30)),
                    id=rid(),
                    place=rng.choice(MEETING_POINTS),
                    staff_ids=[owner.id],
                ),
                now,
            )
        )

    work = _Workflows(session, rng, rid, today, now, owner, colleagues, parties)
    with session.transaction():  # all or nothing, and one commit instead of hundreds
        work.everyday(planned)
        work.stories(made)
        work.consent_states(planned)
        work.protocols()
    n = work.counts
    return DemoSummary(
        clients=len(made),
        staff=len(colleagues) + 1,
        third_parties=len(parties),
        appointments=len(planned) + n["appointments"],
        calls=n["calls"],
        letters=n["letters"],
        answers=n["answers"],
        outcomes=n["outcomes"],
        consents=n["consents"],
    )


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
    """A planned appointment around today; past ones get their outcome through the workflow."""
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
    return Appointment.plan(
        approach,
        start,
        id=appointment_id,
        client_id=client.id,
        third_party_id=third_party,
        place=place,
        staff_ids=staff,
    )


def _add_consent(
    session: Session,
    consent_id: str,
    appointment: Appointment,
    kind: ConsentKind,
    signed_on: date,
    stamp: datetime,
) -> None:
    """A consent of `kind` for `appointment`, prepared and signed on paper on `signed_on`."""
    details: dict[str, Any] = {}
    if kind is ConsentKind.PRESENCE:
        details["others_present"] = [("Sabine Krüger", "Schwester der Kundin")]
    elif kind is ConsentKind.ACCOMPANIMENT:
        details["scope"] = AccompanimentScope.TO_DOOR
    at = datetime.combine(signed_on, time(9, 0))
    consents = session.consents
    consents.prepare(kind, at, appointment_id=appointment.id, consent_id=consent_id, **details)
    consents.sign(consent_id, GivenHow.PAPER, at)


class _Workflows:
    """Walks the demo appointments through the approach workflows as caseworkers would: calls
    and letters for home visits, checklist answers phase by phase, steps and outcomes on site,
    follow-ups, through WorkflowService and ConsentService."""

    def __init__(
        self,
        session: Session,
        rng: random.Random,
        rid: Callable[[], str],
        today: date,
        stamp: datetime,
        owner: Staff,
        colleagues: list[Staff],
        parties: list[ThirdParty],
    ) -> None:
        self.session = session
        self.wf = session.workflow
        self.rng = rng
        self.rid = rid
        self.today = today
        self.stamp = stamp  # UTC time the records are stamped with
        self.clock = datetime.combine(today, time(7, 30))  # the demo's "now", local time
        self.owner = owner
        self.colleagues = colleagues
        self.leader = next(s for s in colleagues if s.is_team_leader)
        self.parties = parties
        self.counts = dict.fromkeys(
            ("appointments", "calls", "letters", "answers", "outcomes", "consents"), 0
        )

    # ---- building blocks ---------------------------------------------------------------------
    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute))

    def plan(
        self, approach: Approach, day: date, hour: int, client: Client, **fields: Any
    ) -> Appointment:
        staff = [self.owner.id]
        if approach is Approach.HOME_VISIT:
            staff.append(self.rng.choice(self.colleagues[:3]).id)
        elif approach is Approach.ACCOMPANIMENT:
            party = self.rng.choice(self.parties)
            fields.update(third_party_id=party.id, place=party.address.replace("\n", ", "))
        else:
            fields.setdefault("place", self.rng.choice(MEETING_POINTS))
        appointment = Appointment.plan(
            approach,
            self.at(day, hour, fields.pop("minute", 0)),
            id=self.rid(),
            client_id=client.id,
            staff_ids=staff,
            **fields,
        )
        self.session.appointments._repo.save(appointment, self.stamp)
        self.counts["appointments"] += 1
        return appointment

    def consent(self, a: Appointment, kind: ConsentKind, signed_on: date) -> None:
        _add_consent(self.session, self.rid(), a, kind, signed_on, self.stamp)
        self.counts["consents"] += 1

    def consent_states(self, planned: list[Appointment]) -> None:
        """Consents in every state, on upcoming appointments: prepared, printed, refused,
        given orally, signed on screen, and a revoked release."""
        upcoming = [
            a for a in planned
            if a.client_id and a.start.date() > self.today and a.status.value == "planned"
        ]  # fmt: skip
        by_approach = {ap: [a for a in upcoming if a.approach is ap] for ap in Approach}
        at = datetime.combine(self.today, time(8, 0))
        consents = self.session.consents
        parties = self.session.third_parties.all()

        def release(a: Appointment, prepared: datetime = at) -> Consent:
            party = a.third_party_id or parties[0].id
            return consents.prepare(
                ConsentKind.CONFIDENTIALITY_RELEASE, prepared, appointment_id=None,
                client_id=a.client_id, consent_id=self.rid(), third_party_id=party,
                purpose="Abstimmung zur Unterstützung bei der Ausbildungssuche",
                topics="Termine, Anwesenheit, nächste Schritte",
                valid_until=self.today + timedelta(days=180),
            )  # fmt: skip

        made = 0
        if by_approach[Approach.ACCOMPANIMENT]:
            a = by_approach[Approach.ACCOMPANIMENT][0]
            release(a)  # prepared
            revoked = release(a, at - timedelta(days=21))
            consents.sign(revoked.id, GivenHow.PAPER, at - timedelta(days=20))
            consents.revoke(revoked.id, at - timedelta(days=2), "telefonisch, bei Frau Sommer")
            screen = consents.prepare(
                ConsentKind.ACCOMPANIMENT, at, appointment_id=a.id, consent_id=self.rid(),
                scope=AccompanimentScope.TO_DOOR,
            )  # fmt: skip
            DocumentService(self.session).sign_on_screen(screen.id, demo_signature_png(), at)
            made += 3
        if by_approach[Approach.HOME_VISIT]:
            a = by_approach[Approach.HOME_VISIT][-1]
            printed = consents.prepare(ConsentKind.HOME_VISIT, at, appointment_id=a.id,
                                       consent_id=self.rid())  # fmt: skip
            consents.record_print(printed.id, at, "de:2026-11-1")
            made += 1
        if by_approach[Approach.WALK_AND_TALK]:
            a = by_approach[Approach.WALK_AND_TALK][0]
            refused = consents.prepare(
                ConsentKind.PRESENCE, at, appointment_id=a.id, consent_id=self.rid(),
                others_present=[("Peter Krause", "Nachbar")],
            )  # fmt: skip
            consents.refuse(refused.id, at, "möchte allein sprechen")
            oral = consents.prepare(
                ConsentKind.HANDOVER, at, appointment_id=a.id, consent_id=self.rid(),
                main_caseworker_id=self.colleagues[0].id,
            )  # fmt: skip
            consents.sign(oral.id, GivenHow.ORAL, at, documented_by=self.owner.id,
                          witness="Birgit Sommer")  # fmt: skip
            made += 2
        self.counts["consents"] += made

    def protocols(self) -> None:
        """Memory protocols for past appointments with an outcome: drafts, finalized ones with
        addenda and a countersignature; and anonymous counselling with no content at all."""
        done = [
            a for a in self.session.appointments.search("", limit=-1)
            if a.client_id and a.start.date() < self.today
            and a.status.value in ("done", "ended-at-door", "broken-off")
        ]  # fmt: skip
        service = self.session.protocols
        for index, a in enumerate(done):
            written = datetime.combine(a.start.date(), time(16, 30))
            draft = service.begin(written, appointment_id=a.id)
            text = PROTOCOL_TEXT[a.approach]
            client = self.session.clients.get(a.client_id or "")
            first = client.display_name.split()[0]
            draft.topics, draft.course, draft.agreements, draft.next_steps = (
                text[field].format(first=first)
                for field in ("topics", "course", "agreements", "next_steps")
            )
            draft.reflection = "Gemeinsamer Rückblick am Ende: Das Gespräch im Freien tat gut."
            draft.new_need = self.rng.choice(["", "Unterstützung bei der Kinderbetreuung klären."])
            draft.benefit_relevant = index % 4 == 1
            draft.others_present = [o for o in draft.others_present if o.consent_id]
            service.save_draft(draft)
            if index % 3 == 2:
                continue  # stays a draft: written in a hurry, to be finished at the office
            final = service.finalize(draft.id, written + timedelta(minutes=20), self.owner.id)
            if index % 3 == 1:
                service.add_addendum(
                    final.id, "Nachtrag: Die vereinbarte Rückmeldung kam telefonisch.",
                    written + timedelta(days=1), self.owner.id,
                )  # fmt: skip
            if a.approach is Approach.HOME_VISIT and len(a.staff_ids) > 1:
                service.countersign(final.id, a.staff_ids[1], written + timedelta(hours=1))
        for days, approach, minutes in (
            (3, Approach.WALK_AND_TALK, 40),
            (8, Approach.WALK_AND_TALK, 25),
        ):
            service.record_anonymous(
                self.today - timedelta(days=days), approach, minutes, [self.owner.id]
            )

    def call(self, a: Appointment, at: datetime, outcome: CallOutcome, note: str = "") -> None:
        self.wf.log_call(a.id, CallAttempt(at, outcome, note))
        self.counts["calls"] += 1

    def home_visit_timeline(self, a: Appointment, *, keep_due: bool = False) -> None:
        """Two failed calls before the announcement window opens, letters sent in the windows
        that have passed (and sometimes early in an open one, unless `keep_due`)."""
        visit = a.start.date()
        settings = self.wf.timeline_settings
        windows = [letter_window(kind, visit, settings) for kind in LetterKind]
        for ahead in (6, 3):
            day = _workday_before(windows[0].opens - timedelta(days=ahead))
            if day < self.today:
                outcome = self.rng.choice(FAILED_CALLS)
                when = self.at(day, self.rng.choice((9, 10, 11, 14, 15)), self.rng.choice((0, 30)))
                self.call(a, when, outcome, CALL_NOTES[outcome])
        for window in windows:
            if window.opens >= self.today:
                continue
            early = not keep_due and self.rng.random() < 0.4
            if window.due < self.today or early:
                last = min(window.due, self.today - timedelta(days=1))
                span = range((last - window.opens).days + 1)
                candidates = [window.opens + timedelta(days=i) for i in span]
                workdays = [d for d in candidates if d.weekday() < 5] or [last]
                self.wf.set_letter_sent(a.id, window.kind, self.rng.choice(workdays))
                self.counts["letters"] += 1

    def prep_time(self, a: Appointment) -> datetime:
        """When the preparation was done: some days ahead, and before the demo day."""
        day = a.start.date() - timedelta(days=self.rng.randint(2, 6))
        day = _workday_before(min(day, self.today - timedelta(days=1)))
        return self.at(day, self.rng.choice((9, 10, 11, 13, 14)), self.rng.choice((0, 15, 30)))

    def value(self, a: Appointment, item: Item, at: datetime) -> Any:
        """A plausible answer. Yes/no questions that open further items are answered "no"
        unless a story asks otherwise; success measures are mostly "yes"."""
        if item.kind is ItemKind.TICK:
            return True
        if item.kind is ItemKind.YES_NO:
            if item.expect is not None:
                return item.expect
            return self.rng.random() < 0.75 if item.success else False
        if item.kind is ItemKind.CHOICE:
            if item.id == "acc.scope":  # taking part in the conversation is the exception
                return item.choices[0].id
            return self.rng.choice(item.choices).id
        if item.kind is ItemKind.DATE:
            if item.phase is Phase.FOLLOW_UP:
                day = _workday_after(a.start.date() + timedelta(days=1))
            else:
                day = _workday_before(at.date() - timedelta(days=self.rng.randint(0, 3)))
            return day.isoformat()
        if item.kind is ItemKind.PERSON:
            if item.id.endswith(".leader"):
                return self.leader.id
            others = [s for s in self.colleagues[:3] if s.id not in a.staff_ids]
            return self.rng.choice(others).id
        if item.id == "wt.meeting_point":
            return a.place or self.rng.choice(MEETING_POINTS)
        if item.id == "dp.recognition_sign":
            return self.rng.choice(RECOGNITION_SIGNS)
        return TEXTS.get(item.id, "Siehe Gesprächsnotiz.")

    def answer_phase(
        self,
        a: Appointment,
        phase: Phase,
        at: datetime,
        share: float = 1.0,
        overrides: dict[str, Any] | None = None,
    ) -> None:
        """Answer about `share` of the open items of `phase`; `overrides` always, with the given
        values. Answers may make further items apply, so the status is read again."""
        overrides = overrides or {}
        skipped: list[str] = []
        for _ in range(3):
            status = self.wf.state(a.id, at.date()).status
            todo = [
                s.item
                for s in status.items
                if s.item.phase is phase
                and s.state is ItemState.OPEN
                and s.answer is None
                and s.item.kind not in (ItemKind.FACT, ItemKind.CONSENT)
                and s.item.id not in skipped
            ]
            if not todo:
                return
            for item in todo:
                if item.id not in overrides and self.rng.random() >= share:
                    skipped.append(item.id)
                    continue
                value = overrides[item.id] if item.id in overrides else self.value(a, item, at)
                self.wf.answer(a.id, item.id, value, at, by=self.owner.id)
                self.counts["answers"] += 1
                at += timedelta(minutes=1)

    def finish(self, a: Appointment, outcome: AppointmentStatus, at: datetime, **kw: Any) -> None:
        self.wf.finish(a.id, outcome, at, **kw)
        self.counts["outcomes"] += 1

    def conduct(
        self,
        a: Appointment,
        outcome: AppointmentStatus,
        *,
        protocol: float = 1.0,
        inside: bool = False,
        others: bool = False,
        by: BrokenOffBy | None = None,
        reason: str = "",
    ) -> None:
        """Conduct a past appointment to `outcome`, then answer `protocol` of the follow-up."""
        met = outcome in (
            AppointmentStatus.DONE,
            AppointmentStatus.ENDED_AT_DOOR,
            AppointmentStatus.BROKEN_OFF,
        )
        if met:
            begin = a.start + timedelta(minutes=self.rng.choice((0, 2, 5)))
            self.wf.step(a.id, Transition.START, begin)
            if inside:
                self.wf.step(a.id, Transition.ENTER_HOME, begin + timedelta(minutes=3))
            self.answer_phase(
                a,
                Phase.ON_SITE,
                begin + timedelta(minutes=10),
                share=1.0 if outcome is AppointmentStatus.DONE else 0.5,
                overrides={"dp.others_present": True} if others else None,
            )
            if others:
                self.wf.step(a.id, Transition.OTHERS_PRESENT, begin + timedelta(minutes=15))
            end = a.end if outcome is AppointmentStatus.DONE else begin + timedelta(minutes=20)
        elif outcome is AppointmentStatus.NOT_MET:
            end = a.start + timedelta(minutes=20)
        else:  # postponed or cancelled ahead of the appointment
            end = self.at(_workday_before(a.start.date() - timedelta(days=2)), 11)
            end = min(end, self.clock - timedelta(days=1))
        self.finish(a, outcome, end, broken_off_by=by, reason=reason)
        if protocol and outcome not in (AppointmentStatus.POSTPONED, AppointmentStatus.CANCELLED):
            next_day = self.at(_workday_after(end.date() + timedelta(days=1)), 9)
            after = self.rng.choice((end + timedelta(hours=1), end + timedelta(hours=2), next_day))
            after = min(after, self.clock - timedelta(minutes=30))
            self.answer_phase(a, Phase.FOLLOW_UP, after, share=protocol)

    def follow_up(self, a: Appointment, day: date, hour: int) -> Appointment:
        new = self.wf.follow_up(a.id, self.at(day, hour), new_appointment_id=self.rid())
        self.counts["appointments"] += 1
        self.answer_phase(new, Phase.PREPARATION, self.prep_time(new), share=0.3)
        return new

    # ---- the appointments of every day -------------------------------------------------------
    def everyday(self, appointments: list[Appointment]) -> None:
        """Preparation as far as it would be by now; past appointments get an outcome."""
        for a in appointments:
            if a.approach is Approach.HOME_VISIT:
                self.home_visit_timeline(a)
            day = a.start.date()
            if day > self.today:
                share = self.rng.choice((0.2, 0.5, 0.8))
                self.answer_phase(a, Phase.PREPARATION, self.prep_time(a), share=share)
            elif day == self.today:
                self.answer_phase(a, Phase.PREPARATION, self.prep_time(a), share=0.7)
            else:
                self.answer_phase(a, Phase.PREPARATION, self.prep_time(a))
                self.past_outcome(a)

    def past_outcome(self, a: Appointment) -> None:
        r = self.rng.random()
        protocol = self.rng.choice((1.0, 1.0, 0.5))  # some protocols are still open
        if r >= 0.9:
            self.conduct(
                a,
                AppointmentStatus.CANCELLED,
                reason="Absage durch die Kundin/den Kunden (telefonisch).",
            )
        elif r >= 0.78:
            self.conduct(
                a,
                AppointmentStatus.NOT_MET,
                protocol=protocol,
                reason="Nicht angetroffen; Nachricht mit Bitte um Rückruf hinterlassen.",
            )
        elif a.approach is Approach.HOME_VISIT:
            self.conduct(
                a,
                AppointmentStatus.ENDED_AT_DOOR,
                protocol=protocol,
                reason="Gespräch an der Wohnungstür; keine Einverständniserklärung.",
            )
        else:
            if a.approach is Approach.ACCOMPANIMENT:
                self.consent(a, ConsentKind.ACCOMPANIMENT, a.start.date() - timedelta(days=7))
            self.conduct(a, AppointmentStatus.DONE, protocol=protocol)

    # ---- stories: each screen of the workflows has something to show -------------------------
    def stories(self, clients: list[Client]) -> None:
        if not clients:
            return

        def client(k: int) -> Client:
            return clients[k % len(clients)]

        t = self.today
        days = timedelta(days=1)

        # A home visit ended at the door (no written consent), after calls, one of them reached.
        a = self.plan(Approach.HOME_VISIT, _workday_before(t - 6 * days), 10, client(0))
        self.home_visit_timeline(a)
        reminder = letter_window(LetterKind.REMINDER, a.start.date(), self.wf.timeline_settings)
        self.call(
            a,
            self.at(_workday_after(reminder.opens + days), 10, 30),
            CallOutcome.REACHED,
            "Kundin erreicht, Termin bestätigt",
        )
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a))
        self.conduct(
            a,
            AppointmentStatus.ENDED_AT_DOOR,
            reason="Gespräch an der Wohnungstür; die Einverständniserklärung lag nicht vor.",
        )
        self.follow_up(a, _workday_after(t + 30 * days), 10)

        # A home visit inside the home: written consent, a partner present with consent.
        a = self.plan(Approach.HOME_VISIT, _workday_before(t - 9 * days), 9, client(1), minute=30)
        self.home_visit_timeline(a)
        self.consent(a, ConsentKind.HOME_VISIT, a.start.date() - 14 * days)
        self.consent(a, ConsentKind.PRESENCE, a.start.date())
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a))
        self.conduct(a, AppointmentStatus.DONE, inside=True, others=True)

        # A first Walk and Talk broken off by the client, with a follow-up.
        a = self.plan(
            Approach.WALK_AND_TALK, _workday_before(t - 3 * days), 14, client(2), first_meeting=True
        )
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a))
        self.conduct(
            a,
            AppointmentStatus.BROKEN_OFF,
            protocol=0.5,
            by=BrokenOffBy.CLIENT,
            reason="Die Kundin fühlte sich unterwegs beobachtet und wollte nicht weitergehen.",
        )
        self.follow_up(a, _workday_after(t + 5 * days), 14)

        # Nobody at the meeting point.
        a = self.plan(Approach.WALK_AND_TALK, _workday_before(t - 2 * days), 9, client(3))
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a))
        self.conduct(
            a,
            AppointmentStatus.NOT_MET,
            protocol=0.5,
            reason="Am Treffpunkt nicht erschienen; 20 Minuten gewartet.",
        )

        # An accompaniment done, with its success measures and a follow-up.
        a = self.plan(Approach.ACCOMPANIMENT, _workday_before(t - 4 * days), 11, client(4))
        self.consent(a, ConsentKind.ACCOMPANIMENT, a.start.date() - 10 * days)
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a))
        self.conduct(a, AppointmentStatus.DONE)
        self.follow_up(a, _workday_after(t + 12 * days), 11)

        # The place was unsuitable: a new appointment at another place.
        a = self.plan(Approach.WALK_AND_TALK, _workday_before(t - days), 13, client(5))
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a))
        begin = a.start + timedelta(minutes=2)
        self.wf.step(a.id, Transition.START, begin)
        self.answer_phase(
            a,
            Phase.ON_SITE,
            begin + timedelta(minutes=5),
            share=0.0,
            overrides={"dp.place_unsuitable": True, "dp.new_place_agreed": True},
        )
        place = self.rng.choice([p for p in MEETING_POINTS if p != a.place])
        self.wf.relocate(
            a.id,
            self.at(_workday_after(t + 3 * days), 13),
            place,
            begin + timedelta(minutes=10),
            new_appointment_id=self.rid(),
        )
        self.counts["appointments"] += 1
        self.counts["outcomes"] += 1

        # Postponed at the client's request, planned again as a follow-up.
        a = self.plan(Approach.ACCOMPANIMENT, _workday_before(t - 5 * days), 15, client(6))
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a), share=0.6)
        self.conduct(
            a,
            AppointmentStatus.POSTPONED,
            reason="Auf Wunsch des Kunden verschoben (Vorstellungsgespräch am selben Tag).",
        )
        self.follow_up(a, _workday_after(t + 8 * days), 15)

        # A home visit cancelled by the client: no more letters for it.
        a = self.plan(Approach.HOME_VISIT, _workday_after(t + 10 * days), 10, client(7))
        self.home_visit_timeline(a)
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a), share=0.8)
        self.finish(
            a,
            AppointmentStatus.CANCELLED,
            self.at(_workday_before(t - days), 12),
            reason="Absage per Telefon: Die Kundin kommt lieber ins Jobcenter.",
        )

        # Overdue: a past appointment still without an outcome.
        a = self.plan(
            Approach.WALK_AND_TALK, _workday_before(t - 2 * days), 15, client(8), minute=30
        )
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a))

        # In progress today, after the planned ones: others present, with documented consent.
        a = self.plan(Approach.WALK_AND_TALK, t, 16, client(9))
        self.consent(a, ConsentKind.PRESENCE, t - 7 * days)
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a), share=0.9)
        self.wf.step(a.id, Transition.START, a.start)
        self.answer_phase(
            a,
            Phase.ON_SITE,
            a.start + timedelta(minutes=10),
            share=0.3,
            overrides={"dp.others_present": True, "dp.data_protection_observed": True},
        )
        self.wf.step(a.id, Transition.OTHERS_PRESENT, a.start + timedelta(minutes=12))

        # Letters due on the demo day: a reminder (due today on a workday) and an announcement.
        visit = t + 7 * days if t.weekday() < 5 else _workday_after(t + 7 * days)
        a = self.plan(Approach.HOME_VISIT, visit, 10, client(10))
        self.home_visit_timeline(a, keep_due=True)
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a), share=0.6)
        a = self.plan(Approach.HOME_VISIT, _workday_after(t + 24 * days), 9, client(11))
        self.home_visit_timeline(a, keep_due=True)
        self.answer_phase(a, Phase.PREPARATION, self.prep_time(a), share=0.3)


def demo_signature_png(width: int = 240, height: int = 70) -> bytes:
    """A scribbled line as a small grey PNG, made without Qt (the demo runs headless)."""
    rows = []
    for y in range(height):
        row = bytearray(b"\xff" * width)
        for x in range(10, width - 10):
            wave = height / 2 + (height / 3) * math.sin(x / 11) * math.cos(x / 37)
            if abs(y - wave) < 1.6:
                row[x] = 0
        rows.append(b"\x00" + bytes(row))
    raw = zlib.compress(b"".join(rows))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + tag + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        )  # fmt: skip

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


PROTOCOL_TEXT = {
    Approach.WALK_AND_TALK: {
        "topics": "Tagesstruktur, Bewerbungen, Kinderbetreuung",
        "course": "Spaziergang an der Elbuferpromenade. {first} erzählte offen vom Alltag mit zwei "
        "Kindern und davon, wie eng es im Büro des Jobcenters wirkt. Wir sprachen über "
        "Teilzeitstellen im Einzelhandel und über die Kita-Plätze in Dannenberg.",
        "agreements": "Mündlich vereinbart: {first} schaut sich zwei Stellenangebote an.",
        "next_steps": "Folgetermin als Walk and Talk in zwei Wochen.",
    },
    Approach.ACCOMPANIMENT: {
        "topics": "Begleitung zur Schuldnerberatung",
        "course": "Begleitung bis zur Tür der Beratungsstelle. {first} ging allein hinein; "
        "danach kurzer Austausch auf dem Parkplatz, mit spürbarer Erleichterung.",
        "agreements": "Mündlich vereinbart: {first} bringt die Unterlagen zum nächsten Termin mit.",
        "next_steps": "Nachfrage in einer Woche, wie es weitergeht.",
    },
    Approach.HOME_VISIT: {
        "topics": "Erreichbarkeit, Briefkasten, Gesundheit",
        "course": "Gespräch an der Wohnungstür. {first} hatte unsere Briefe nicht erhalten, "
        "weil der Briefkasten defekt ist, und war froh über den Besuch.",
        "agreements": "Mündlich vereinbart: neue Handynummer für Rückrufe.",
        "next_steps": "Termin im Jobcenter in drei Wochen; Erinnerung per SMS.",
    },
}
