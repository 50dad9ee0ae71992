"""Consents as they are given, through the consent and document services: signed on paper for
past appointments, and on upcoming ones in every state (prepared, printed, refused, given
orally, signed on screen, revoked)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from outreach_desktop.demo.days import at
from outreach_desktop.demo.run import DemoRun
from outreach_desktop.demo.signature import demo_signature_png
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import AccompanimentScope, Consent, ConsentKind, GivenHow
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.documents import DocumentService

RELEASE_VALID_DAYS = 180


def give(run: DemoRun, a: Appointment, kind: ConsentKind, signed_on: date) -> None:
    """A consent of `kind` for `a`, prepared and signed on paper on `signed_on`."""
    details: dict[str, Any] = {}
    if kind is ConsentKind.PRESENCE:
        details["others_present"] = [run.texts.present["sister"]]
    elif kind is ConsentKind.ACCOMPANIMENT:
        details["scope"] = AccompanimentScope.TO_DOOR
    when = at(signed_on, 9)
    consents = run.session.consents
    consent = consents.prepare(kind, when, appointment_id=a.id, consent_id=run.rid(), **details)
    consents.sign(consent.id, GivenHow.PAPER, when)
    run.count("consents")


def release(run: DemoRun, a: Appointment, prepared: datetime) -> Consent:
    """A prepared release from confidentiality towards the appointment's third party (or the
    first one), for the client."""
    party = a.third_party_id or run.session.third_parties.all()[0].id
    texts = run.texts.consents
    run.count("consents")
    return run.session.consents.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE, prepared, appointment_id=None,
        client_id=a.client_id, consent_id=run.rid(), third_party_id=party,
        purpose=texts["release-purpose"], topics=texts["release-topics"],
        valid_until=run.today + timedelta(days=RELEASE_VALID_DAYS),
    )  # fmt: skip


def accompaniment_consents(run: DemoRun, a: Appointment, when: datetime) -> None:
    """A release prepared, an older one revoked, the accompaniment consent signed on screen."""
    consents = run.session.consents
    release(run, a, when)
    revoked = release(run, a, when - timedelta(days=21))
    consents.sign(revoked.id, GivenHow.PAPER, when - timedelta(days=20))
    run.session.talks.add(  # a talk with the third party while the release held
        revoked.id, when - timedelta(days=10), when, note=run.texts.consents["talk-note"],
        talk_id=run.rid(),
    )  # fmt: skip
    consents.revoke(revoked.id, when - timedelta(days=2), run.texts.consents["revoked-how"])
    screen = consents.prepare(
        ConsentKind.ACCOMPANIMENT, when, appointment_id=a.id, consent_id=run.rid(),
        scope=AccompanimentScope.TO_DOOR,
    )  # fmt: skip
    DocumentService(run.session).sign_on_screen(screen.id, demo_signature_png(), when)
    run.count("consents")


def printed_consent(run: DemoRun, a: Appointment, when: datetime) -> None:
    """A home-visit consent printed for the client to sign (in the client's language too)."""
    printed = run.session.consents.prepare(
        ConsentKind.HOME_VISIT, when, appointment_id=a.id, consent_id=run.rid()
    )
    DocumentService(run.session).print_consent(printed.id, when)
    run.count("consents")


def walk_and_talk_consents(run: DemoRun, a: Appointment, when: datetime) -> None:
    """A presence consent refused, a handover consent given orally before a witness."""
    consents = run.session.consents
    refused = consents.prepare(
        ConsentKind.PRESENCE, when, appointment_id=a.id, consent_id=run.rid(),
        others_present=[run.texts.present["neighbour"]],
    )  # fmt: skip
    consents.refuse(refused.id, when, run.texts.consents["refused-note"])
    colleague = run.colleagues[0]
    oral = consents.prepare(
        ConsentKind.HANDOVER, when, appointment_id=a.id, consent_id=run.rid(),
        main_caseworker_id=colleague.id,
    )  # fmt: skip
    consents.sign(oral.id, GivenHow.ORAL, when, documented_by=run.owner.id,
                  witness=colleague.name)  # fmt: skip
    run.count("consents", 2)
    # a release for a Walk and Talk too: towards a third party of the client's own choosing
    given = release(run, a, when)
    consents.sign(given.id, GivenHow.ORAL, when, documented_by=run.owner.id)


def consent_states(run: DemoRun, planned: list[Appointment]) -> None:
    """Consents in every state, on upcoming appointments with a client."""
    upcoming = [
        a for a in planned
        if a.client_id and a.start.date() > run.today
        and run.session.appointments.get(a.id).status is AppointmentStatus.PLANNED
    ]  # fmt: skip
    by_approach = {ap: [a for a in upcoming if a.approach is ap] for ap in Approach}
    when = at(run.today, 8)
    if by_approach[Approach.ACCOMPANIMENT]:
        accompaniment_consents(run, by_approach[Approach.ACCOMPANIMENT][0], when)
    if by_approach[Approach.HOME_VISIT]:
        printed_consent(run, by_approach[Approach.HOME_VISIT][-1], when)
    if by_approach[Approach.WALK_AND_TALK]:
        walk_and_talk_consents(run, by_approach[Approach.WALK_AND_TALK][0], when)
