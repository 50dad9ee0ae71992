"""What the GUI records, on the command line with the same services and hard blocks:
`third-parties list|add`, `calls add|list`, `letters sent`, `appointments begin|step|finish`,
`consents give`. Each refused hard block exits 1 with one German line and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from testkit import PASSPHRASE
from testkit.cli import Result, Run, VaultCli, assert_one_error_line

TODAY = date.today()


@dataclass(frozen=True)
class Desk:
    cli: VaultCli
    path: Path
    owner: str
    client: str
    school: str
    walk: str  # Walk and Talk today
    visit: str  # home visit today, with a prepared home-visit consent
    escort: str  # accompaniment to the school today, no consent
    consent: str  # the prepared home-visit consent


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour))


@pytest.fixture
def desk(session: Session, vault_dir: Path, passphrase_file: Path, run: Run) -> Desk:
    owner = session.owner()
    assert owner is not None
    second = session.staff.save(Staff(name="Frank Lüders"))
    client = session.clients.save(Client(display_name="Heike Voß", address="Lindenweg 4"))
    school = session.third_parties.save(ThirdParty(name="Oberschule am Wall"))

    def plan(approach: Approach, **fields: object) -> str:
        appointment = Appointment.plan(
            approach, at(TODAY, 8), client_id=client.id, staff_ids=[owner.id, second.id],
            **fields,  # type: ignore[arg-type]
        )  # fmt: skip
        return session.appointments.save(appointment).id

    walk = plan(Approach.WALK_AND_TALK, place="Kirchplatz")
    visit = plan(Approach.HOME_VISIT)
    escort = plan(Approach.ACCOMPANIMENT, third_party_id=school.id, place="Schultor")
    consent = session.consents.prepare(ConsentKind.HOME_VISIT, at(TODAY, 7), appointment_id=visit)
    session.lock()
    return Desk(
        VaultCli(run, vault_dir, passphrase_file), vault_dir, owner.id, client.id, school.id,
        walk, visit, escort, consent.id,
    )  # fmt: skip


def refused(result: Result, *fragments: str) -> None:
    assert_one_error_line(result)
    for fragment in fragments:
        assert fragment in result.err, result.err


def status(desk: Desk, appointment_id: str) -> AppointmentStatus:
    session = unlock_vault(desk.path, PASSPHRASE)
    try:
        return session.appointments.get(appointment_id).status
    finally:
        session.lock()


# ---- third parties ------------------------------------------------------------------------------
def test_third_parties_list_gives_the_id_appointments_add_takes(desk: Desk) -> None:
    new_id = (
        desk.cli(
            "third-parties",
            "add",
            "--name",
            "Jugendmigrationsdienst",
            "--kind",
            "social-service",
            "--contact",
            "Frau Ohm",
        )
        .ok()
        .out.strip()
    )
    listed = desk.cli("third-parties", "list", "--json").json()
    assert {p["name"]: p["id"] for p in listed} == {
        "Oberschule am Wall": desk.school, "Jugendmigrationsdienst": new_id,
    }  # fmt: skip
    assert next(p for p in listed if p["id"] == new_id)["kind_label"] == "Sozialer Dienst"
    table = desk.cli("third-parties", "list", "--search", "Schule").ok().out
    assert table.splitlines()[0].split() == ["Name", "Art", "Kontakt", "ID"]
    assert desk.school in table and new_id not in table
    planned = desk.cli("appointments", "add", "--approach", "accompaniment", "--client",
                       desk.client, "--start", f"{TODAY.isoformat()}T15:00",
                       "--third-party", new_id, "--place", "Eingang").ok().out.strip()  # fmt: skip
    shown = desk.cli("appointments", "list", "--json").json()
    assert next(a for a in shown if a["id"] == planned)["third_party_name"] == (
        "Jugendmigrationsdienst"
    )


def test_third_parties_add_refuses_an_empty_name(desk: Desk) -> None:
    refused(desk.cli("third-parties", "add", "--name", "  "), "Name")
    assert len(desk.cli("third-parties", "list", "--json").json()) == 1


# ---- calls and letters --------------------------------------------------------------------------
def test_calls_add_and_list(desk: Desk) -> None:
    when = at(TODAY - timedelta(days=2), 9).strftime("%d.%m.%Y %H:%M")
    out = desk.cli("calls", "add", "--appointment", desk.visit, "--outcome", "no-answer",
                   "--at", when, "--note", "Mailbox voll").ok().out  # fmt: skip
    assert "Erfolglose Anrufversuche: 1 (nötig vor der Ankündigung: 2)" in out
    desk.cli("calls", "add", "--appointment", desk.visit, "--outcome", "reached").ok()
    calls = desk.cli("calls", "list", "--appointment", desk.visit, "--json").json()
    assert [c["outcome"] for c in calls] == ["no-answer", "reached"]
    assert calls[0]["at"] == at(TODAY - timedelta(days=2), 9).isoformat(timespec="minutes")
    assert calls[0]["note"] == "Mailbox voll"
    table = desk.cli("calls", "list", "--appointment", desk.visit).ok().out
    assert "Nicht abgenommen" in table and "Erreicht" in table


def test_calls_add_agreed_makes_the_letters_optional(desk: Desk) -> None:
    """A reached call that agreed the visit (`--agreed`): letters optional, no announcement
    letter (its text tells of failed calls); only a reached call can agree, the vault kept."""
    refused(desk.cli("calls", "add", "--appointment", desk.visit, "--outcome", "busy",
                     "--agreed"), "erreicht")  # fmt: skip
    assert desk.cli("calls", "list", "--appointment", desk.visit, "--json").json() == []
    out = desk.cli("calls", "add", "--appointment", desk.visit, "--outcome", "reached",
                   "--agreed").ok().out  # fmt: skip
    assert "Termin telefonisch vereinbart: Ankündigung und Erinnerung sind freiwillig" in out
    [call] = desk.cli("calls", "list", "--appointment", desk.visit, "--json").json()
    assert call["outcome"] == "reached" and call["agreed"] is True
    assert (
        "Erreicht, Termin vereinbart"
        in desk.cli("calls", "list", "--appointment", desk.visit).ok().out
    )
    shown = desk.cli("checklist", "show", "--appointment", desk.visit, "--json").json()
    states = {x["kind"]: x["state"] for x in shown["timeline"]["letters"]}
    assert states == {"announcement": "optional-agreed", "reminder": "optional-agreed"}


def test_calls_are_for_home_visits_only(desk: Desk) -> None:
    refused(desk.cli("calls", "add", "--appointment", desk.walk, "--outcome", "busy"),
            "nur für Hausbesuche")  # fmt: skip
    assert desk.cli("calls", "list", "--appointment", desk.walk, "--json").json() == []


def test_letters_sent_records_the_day_and_warns_as_the_timeline_does(desk: Desk) -> None:
    out = desk.cli("letters", "sent", "reminder", "--appointment", desk.visit, "--on",
                   format(TODAY - timedelta(days=1), "%d.%m.%Y"))  # fmt: skip
    assert out.ok().out.startswith("Erinnerung als versendet erfasst: ")
    assert "ohne dass eine Ankündigung versendet wurde" in out.err
    shown = desk.cli("checklist", "show", "--appointment", desk.visit, "--json").json()
    sent = {letter["kind"]: letter["sent_on"] for letter in shown["timeline"]["letters"]}
    assert sent == {"announcement": None, "reminder": (TODAY - timedelta(days=1)).isoformat()}


def test_letters_sent_refused_where_the_gui_offers_no_button(desk: Desk) -> None:
    refused(desk.cli("letters", "sent", "announcement", "--appointment", desk.walk),
            "nur für Hausbesuche")  # fmt: skip
    desk.cli("appointments", "finish", "--appointment", desk.visit, "--outcome", "cancelled",
             "--reason", "Kundin hat abgesagt").ok()  # fmt: skip
    refused(desk.cli("letters", "sent", "announcement", "--appointment", desk.visit),
            "Abgesagt")  # fmt: skip
    shown = desk.cli("checklist", "show", "--appointment", desk.visit, "--json").json()
    assert all(letter["sent_on"] is None for letter in shown["timeline"]["letters"])


# ---- conducting an appointment ------------------------------------------------------------------
def test_begin_and_finish_a_walk(desk: Desk) -> None:
    out = desk.cli("appointments", "begin", "--appointment", desk.walk).ok().out
    assert out.startswith("Stand: läuft seit ")
    assert "Mögliche Ergebnisse: done (Durchgeführt), broken-off (Abgebrochen)" in out
    assert "ended-at-door" not in out  # only a home visit ends at the door
    refused(desk.cli("appointments", "finish", "--appointment", desk.walk, "--outcome",
                     "ended-at-door"), "nur beim Hausbesuch")  # fmt: skip
    refused(desk.cli("appointments", "begin", "--appointment", desk.walk), "bereits begonnen")
    out = desk.cli("appointments", "finish", "--appointment", desk.walk, "--outcome", "done")
    assert out.ok().out.splitlines()[0] == "Stand: Durchgeführt"
    assert status(desk, desk.walk) is AppointmentStatus.DONE


def test_accompaniment_does_not_begin_without_consent(desk: Desk) -> None:
    refused(desk.cli("appointments", "begin", "--appointment", desk.escort),
            "Nicht möglich: Termin beginnen.", "ausdrücklichem Einverständnis")  # fmt: skip
    assert status(desk, desk.escort) is AppointmentStatus.PLANNED


def test_home_visit_goes_inside_only_with_the_written_consent(desk: Desk) -> None:
    out = desk.cli("appointments", "begin", "--appointment", desk.visit).ok().out
    assert "enter-home (in die Wohnung gehen): gesperrt: Ohne schriftliche" in out
    refused(desk.cli("appointments", "step", "enter-home", "--appointment", desk.visit),
            "Ohne schriftliche Einverständniserklärung")  # fmt: skip
    refused(desk.cli("appointments", "finish", "--appointment", desk.visit, "--outcome", "done"),
            "nicht in der Wohnung")  # fmt: skip
    refused(desk.cli("consents", "give", "--id", desk.consent, "--how", "oral"),
            "muss schriftlich sein")  # fmt: skip
    assert desk.cli("consents", "list", "--json").json()[0]["state"] == "prepared"
    given = desk.cli("consents", "give", "--id", desk.consent, "--how", "paper").ok().out
    assert given.startswith("Einverständniserklärung zum Hausbesuch: auf Papier unterschrieben")
    refused(desk.cli("consents", "give", "--id", desk.consent, "--how", "paper"), "bereits")
    out = desk.cli("appointments", "step", "enter-home", "--appointment", desk.visit).ok().out
    assert "enter-home (in die Wohnung gehen): seit " in out
    desk.cli("appointments", "finish", "--appointment", desk.visit, "--outcome", "done").ok()
    assert status(desk, desk.visit) is AppointmentStatus.DONE


def test_breaking_off_asks_who_and_offers_why_as_the_dialog_does(desk: Desk) -> None:
    desk.cli("appointments", "begin", "--appointment", desk.walk).ok()
    refused(desk.cli("appointments", "finish", "--appointment", desk.walk, "--outcome",
                     "broken-off"), "Abgebrochen von")  # fmt: skip
    assert status(desk, desk.walk) is AppointmentStatus.IN_PROGRESS
    out = desk.cli("appointments", "finish", "--appointment", desk.walk, "--outcome",
                   "broken-off", "--by", "client", "--reason", "Regen").ok().out  # fmt: skip
    assert out.splitlines()[0] == "Stand: Abgebrochen – Regen"


def test_breaking_off_needs_no_reason(desk: Desk) -> None:
    desk.cli("appointments", "begin", "--appointment", desk.walk).ok()
    desk.cli("appointments", "finish", "--appointment", desk.walk, "--outcome", "broken-off",
             "--by", "staff").ok()  # fmt: skip
    assert status(desk, desk.walk) is AppointmentStatus.BROKEN_OFF


def test_consent_given_orally_names_who_documented_it(desk: Desk) -> None:
    reopened = unlock_vault(desk.path, PASSPHRASE)
    presence = reopened.consents.prepare(
        ConsentKind.PRESENCE, at(TODAY, 7), appointment_id=desk.walk,
        others_present=[("Irina", "Schwester")],
    )  # fmt: skip
    reopened.lock()
    refused(desk.cli("consents", "give", "--id", presence.id, "--how", "oral",
                     "--documented-by", "niemand"), "niemand")  # fmt: skip
    desk.cli("consents", "give", "--id", presence.id, "--how", "oral", "--witness", "Frau Ohm",
             "--at", f"{TODAY.isoformat()} 08:10").ok()  # fmt: skip
    listed = desk.cli("consents", "list", "--appointment", desk.walk, "--json").json()
    assert listed[0]["given_how"] == "oral"
    assert listed[0]["given_at"] == at(TODAY, 8).replace(minute=10).isoformat()


# ---- the follow-up: MAP and closing -------------------------------------------------------------
def conduct_of(desk: Desk, appointment_id: str) -> tuple[datetime | None, datetime | None, str]:
    session = unlock_vault(desk.path, PASSPHRASE)
    try:
        c = session.workflow.state(appointment_id, TODAY).conduct
        return c.closed_at, c.map_documented_at, c.map_documented_by
    finally:
        session.lock()


def test_close_refuses_with_the_open_items_the_map_replaces_the_protocol(desk: Desk) -> None:
    refused(desk.cli("appointments", "close", "--appointment", desk.walk),
            "Nicht möglich: Nachbereitung abschließen.", "noch kein Ergebnis")  # fmt: skip
    refused(desk.cli("appointments", "map", "--appointment", desk.walk), "noch kein Ergebnis")
    desk.cli("appointments", "begin", "--appointment", desk.walk).ok()
    out = desk.cli("appointments", "finish", "--appointment", desk.walk, "--outcome", "done")
    assert "\nNachbereitung offen: " in out.ok().out
    assert "Offen: Dokumentiert: Gedächtnisprotokoll abgeschlossen oder direkt am MAP" in out.out
    refused(desk.cli("appointments", "close", "--appointment", desk.walk),
            "Nicht möglich: Nachbereitung abschließen.", "Gedächtnisprotokoll")  # fmt: skip
    assert conduct_of(desk, desk.walk) == (None, None, "")
    out = desk.cli("appointments", "map", "--appointment", desk.walk, "--by", "Erika Muster")
    assert "Direkt am MAP in VerBIS dokumentiert: Erika Muster, " in out.ok().out
    assert "Gedächtnisprotokoll" not in out.out and "(VerBIS)" not in out.out  # met by the MAP
    assert "über die Ergebnisse informiert" in out.out  # still open
    refused(desk.cli("appointments", "map", "--appointment", desk.walk), "bereits erfasst")
    refused(desk.cli("appointments", "close", "--appointment", desk.walk),
            "über die Ergebnisse informiert")  # fmt: skip
    refused(desk.cli("checklist", "answer", "--appointment", desk.walk, "--item",
                     "dp.memory_protocol", "--value", "ja"), "vom Programm ermittelt")  # fmt: skip
    desk.cli("checklist", "answer", "--appointment", desk.walk, "--item",
             "dp.results_communicated", "--value", "ja").ok()  # fmt: skip
    out = desk.cli("appointments", "close", "--appointment", desk.walk).ok().out
    assert "Nachbereitung abgeschlossen am " in out
    closed, mapped, by = conduct_of(desk, desk.walk)
    assert closed is not None and mapped is not None and by == "Erika Muster"
    refused(desk.cli("appointments", "close", "--appointment", desk.walk), "bereits abgeschlossen")


def test_map_names_the_vault_owner_by_default(desk: Desk) -> None:
    desk.cli("appointments", "begin", "--appointment", desk.walk).ok()
    desk.cli("appointments", "finish", "--appointment", desk.walk, "--outcome", "broken-off",
             "--by", "staff").ok()  # fmt: skip
    desk.cli("appointments", "map", "--appointment", desk.walk).ok()
    assert conduct_of(desk, desk.walk)[2] == "Alex Beispiel"
