"""`outreach-desktop appointments list|add`, `checklist show`, `letters due`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Transition
from outreach_desktop.domain.home_visit import (
    CallAttempt,
    CallOutcome,
    LetterKind,
    format_day,
    letter_window,
)
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from testkit.cli import (
    WRONG_PASSPHRASE,
    Result,
    Run,
    VaultCli,
    assert_one_error_line,
    assert_usage_error,
    write_passphrase,
)

TODAY = date.today()


@dataclass(frozen=True)
class Vault:
    path: Path
    passphrase_file: Path
    owner: str
    leader: str
    client: str
    school: str
    walk: str  # Walk and Talk in 3 days, answered in part
    visit: str  # home visit in 24 days: its announcement is due
    past: str  # Walk and Talk 3 days ago, ended


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


@pytest.fixture
def vault(session: Session, vault_dir: Path, passphrase_file: Path) -> Vault:
    owner = session.owner()
    assert owner is not None
    leader = session.staff.save(Staff(name="Frank Lüders", is_team_leader=True))
    client = session.clients.save(
        Client(display_name="Heike Voß", address="Lindenweg 4\n29439 Lüchow")
    )
    school = session.third_parties.save(ThirdParty(name="Oberschule am Wall"))
    walk = session.appointments.save(
        Appointment.plan(
            Approach.WALK_AND_TALK,
            at(TODAY + timedelta(days=3), 10),
            client_id=client.id,
            place="Kirchplatz, am Brunnen",
            staff_ids=[owner.id],
            first_meeting=True,
        )
    )
    visit = session.appointments.save(
        Appointment.plan(
            Approach.HOME_VISIT,
            at(TODAY + timedelta(days=24), 9, 30),
            client_id=client.id,
            staff_ids=[owner.id, leader.id],
        )
    )
    past = session.appointments.save(
        Appointment.plan(
            Approach.WALK_AND_TALK,
            at(TODAY - timedelta(days=3), 14),
            client_id=client.id,
            place="Eingang Stadtpark",
            staff_ids=[owner.id],
        )
    )
    wf = session.workflow
    answered = at(TODAY - timedelta(days=1), 11, 15)
    wf.answer(walk.id, "wt.meeting_point", "Kirchplatz,\nam Brunnen", answered, by=owner.id)
    wf.answer(walk.id, "wt.meeting_point_by_client", True, answered, by=owner.id)
    wf.answer(walk.id, "wt.leader", leader.id, answered, by=owner.id)
    wf.answer(walk.id, "wt.leader_date", "2026-11-20", answered)
    wf.answer(walk.id, "wt.time_buffer", True, answered)
    wf.answer(visit.id, "hv.occasion", "re-establish", answered)
    wf.log_call(visit.id, CallAttempt(at(TODAY - timedelta(days=9), 9), CallOutcome.NO_ANSWER))
    wf.log_call(
        visit.id,
        CallAttempt(
            at(TODAY - timedelta(days=6), 14, 30), CallOutcome.VOICEMAIL, "Rückruf erbeten"
        ),
    )
    wf.step(past.id, Transition.START, at(TODAY - timedelta(days=3), 14, 5))
    session.lock()
    return Vault(
        vault_dir,
        passphrase_file,
        owner.id,
        leader.id,
        client.id,
        school.id,
        walk.id,
        visit.id,
        past.id,
    )


def cli(run: Run, v: Vault, *argv: str | Path) -> Any:
    """Run a command on the vault, which must succeed; with --json return the parsed output."""
    result = attempt(run, v, *argv)
    return result.json() if "--json" in argv else result.ok().out


def attempt(run: Run, v: Vault, *argv: str | Path) -> Result:
    """Run a command on the vault, whatever its outcome."""
    return VaultCli(run, v.path, v.passphrase_file)(*argv)


# ---- appointments list --------------------------------------------------------------------------
def test_list_defaults_to_the_next_four_weeks(run: Run, vault: Vault) -> None:
    data = cli(run, vault, "appointments", "list", "--json")
    assert [a["id"] for a in data] == [vault.walk, vault.visit]  # not the past one
    walk, visit = data
    assert walk["start"] == at(TODAY + timedelta(days=3), 10).isoformat(timespec="minutes")
    assert walk["approach"] == "walk-and-talk"
    assert walk["status"] == "planned"
    assert walk["client_id"] == vault.client and walk["client_name"] == "Heike Voß"
    assert walk["third_party_id"] is None
    assert walk["staff_ids"] == [vault.owner]
    assert walk["predecessor_id"] is None and walk["relocated_from_id"] is None
    assert walk["where"] == "Kirchplatz, am Brunnen"
    done, total = walk["progress"]["done"], walk["progress"]["total"]
    assert done == 5 and total > done  # meeting point, by client, leader, date, buffer
    assert visit["where"] == "Lindenweg 4, 29439 Lüchow"  # a home visit's place is the address
    assert visit["staff_ids"] == [vault.owner, vault.leader]
    assert visit["progress"]["done"] >= 2  # the occasion and the failed calls


def test_list_text(run: Run, vault: Vault) -> None:
    out = cli(run, vault, "appointments", "list")
    lines = out.splitlines()
    assert lines[0].split() == [
        "Datum", "Zeit", "Ansatz", "Kundin/Kunde", "Ort", "Status", "Checkliste", "ID"
    ]  # fmt: skip
    walk = next(line for line in lines if vault.walk in line)
    assert format_day(TODAY + timedelta(days=3)) in walk
    assert "10:00–11:00" in walk
    assert "Walk and Talk" in walk and "Heike Voß" in walk and "Geplant" in walk
    assert re.search(r"\b5/\d+\b", walk)
    visit = next(line for line in lines if vault.visit in line)
    assert "Hausbesuch" in visit and "Lindenweg 4, 29439 Lüchow" in visit


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ((TODAY - timedelta(days=5)).isoformat(), (TODAY - timedelta(days=1)).isoformat()),
        (format_day(TODAY - timedelta(days=5)), format_day(TODAY - timedelta(days=1))),
    ],
)
def test_list_range_in_iso_and_german_dates(run: Run, vault: Vault, first: str, last: str) -> None:
    data = cli(run, vault, "appointments", "list", "--from", first, "--to", last, "--json")
    assert [a["id"] for a in data] == [vault.past]
    assert data[0]["status"] == "in-progress"
    out = cli(run, vault, "appointments", "list", "--from", first, "--to", last)
    assert "Läuft" in out


def test_list_to_is_inclusive_and_from_alone_spans_four_weeks(run: Run, vault: Vault) -> None:
    day = TODAY + timedelta(days=3)
    data = cli(run, vault, "appointments", "list", "--from", day.isoformat(), "--to",
               day.isoformat(), "--json")  # fmt: skip
    assert [a["id"] for a in data] == [vault.walk]
    data = cli(run, vault, "appointments", "list", "--from", format_day(day), "--json")
    assert [a["id"] for a in data] == [vault.walk, vault.visit]
    data = cli(run, vault, "appointments", "list", "--from", (day + timedelta(1)).isoformat(),
               "--json")  # fmt: skip
    assert [a["id"] for a in data] == [vault.visit]


def test_list_empty(run: Run, vault: Vault) -> None:
    out = cli(run, vault, "appointments", "list", "--from", "01.01.2020", "--to", "2020-01-31")
    assert out.strip() == "Keine Termine vom 01.01.2020 bis 31.01.2020."
    assert cli(run, vault, "appointments", "list", "--from", "2020-01-01", "--json") == []


@pytest.mark.parametrize("value", ["32.01.2026", "2026-02-30", "morgen", "2026/01/05", ""])
def test_list_bad_dates_are_usage_errors(run: Run, vault: Vault, value: str) -> None:
    result = attempt(run, vault, "appointments", "list", "--from", value)
    assert_usage_error(result, "--from", "kein gültiges Datum", "TT.MM.JJJJ")


def test_list_to_before_from(run: Run, vault: Vault) -> None:
    result = attempt(run, vault, "appointments", "list", "--from", "2026-11-25", "--to",
                     "24.11.2026")  # fmt: skip
    assert_usage_error(result, "--to liegt vor --from")


# ---- appointments add ---------------------------------------------------------------------------
def add(run: Run, v: Vault, *extra: str) -> Any:
    return attempt(run, v, "appointments", "add", *extra)


def listed(run: Run, v: Vault, appointment_id: str) -> dict[str, Any]:
    data = cli(run, v, "appointments", "list", "--from", "2000-01-01", "--to", "2100-01-01",
               "--json")  # fmt: skip
    return next(a for a in data if a["id"] == appointment_id)


def test_add_walk_and_talk(run: Run, vault: Vault) -> None:
    result = add(run, vault, "--approach", "walk-and-talk", "--client", vault.client,
                 "--start", "2027-03-02T10:30", "--place", "Bahnhof, Haupteingang")  # fmt: skip
    result.ok()
    new_id = result.out.strip()
    assert len(new_id) == 36 and result.err == ""
    a = listed(run, vault, new_id)
    assert a["start"] == "2027-03-02T10:30"
    assert a["approach"] == "walk-and-talk" and a["status"] == "planned"
    assert a["client_id"] == vault.client
    assert a["staff_ids"] == [vault.owner]  # the vault's owner by default
    assert (a["planned_duration_min"], a["buffer_min"]) == (60, 30)
    assert a["first_meeting"] is False and a["spontaneous"] is False


def test_add_home_visit_with_options_and_german_start(run: Run, vault: Vault) -> None:
    result = add(run, vault, "--approach", "home-visit", "--client", vault.client,
                 "--start", "02.03.2027 09:00", "--staff", vault.owner, vault.leader,
                 "--first-meeting")  # fmt: skip
    result.ok()
    a = listed(run, vault, result.out.strip())
    assert a["start"] == "2027-03-02T09:00"
    assert (a["planned_duration_min"], a["buffer_min"]) == (60, 45)  # the approach's defaults
    assert a["staff_ids"] == [vault.owner, vault.leader]
    assert a["first_meeting"] is True
    assert a["where"] == "Lindenweg 4, 29439 Lüchow"


def test_add_accompaniment_with_duration_and_buffer(run: Run, vault: Vault) -> None:
    result = add(run, vault, "--approach", "accompaniment", "--client", vault.client,
                 "--third-party", vault.school, "--place", "Wallstraße 3",
                 "--start", "2027-03-02 13:00", "--duration", "120", "--buffer", "15",
                 "--staff", vault.leader)  # fmt: skip
    result.ok()
    a = listed(run, vault, result.out.strip())
    assert a["third_party_id"] == vault.school
    assert a["third_party_name"] == "Oberschule am Wall"
    assert (a["planned_duration_min"], a["buffer_min"]) == (120, 15)
    assert a["staff_ids"] == [vault.leader]


def test_add_warns_of_an_overlap_and_still_plans(run: Run, vault: Vault) -> None:
    """The owner already has the Walk and Talk at 10:00 on that day: a warning, not a block."""
    day = TODAY + timedelta(days=3)
    result = add(run, vault, "--approach", "walk-and-talk", "--client", vault.client,
                 "--start", f"{day.isoformat()}T10:30", "--place", "Rathaus")  # fmt: skip
    result.ok()
    assert listed(run, vault, result.out.strip())["status"] == "planned"
    (line,) = result.err.splitlines()
    assert line.startswith("Hinweis: Überschneidung mit dem Termin am ")
    assert f"{day:%d.%m.%Y} 10:00–11:00" in line
    assert "Alex Beispiel" in line and "Kundin/der Kunde" in line
    later = add(run, vault, "--approach", "walk-and-talk", "--client", vault.client,
                "--start", f"{day.isoformat()}T14:00", "--place", "Rathaus")  # fmt: skip
    assert later.ok().err == ""


def test_add_anonymous_spontaneous_walk_and_talk(run: Run, vault: Vault) -> None:
    day = TODAY + timedelta(days=1)
    result = add(run, vault, "--approach", "walk-and-talk", "--anonymous", "--spontaneous",
                 "--start", f"{day.isoformat()}T08:00", "--place", "Marktplatz")  # fmt: skip
    result.ok()
    a = listed(run, vault, result.out.strip())
    assert a["client_id"] is None and a["client_name"] is None and a["spontaneous"] is True
    out = cli(run, vault, "appointments", "list", "--from", day.isoformat(), "--to",
              day.isoformat())  # fmt: skip
    assert "anonym" in out.splitlines()[1]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--approach", "home-visit", "--anonymous"], "Kundin/Kunde: Für Hausbesuch ist"),
        (["--approach", "accompaniment", "--client", "{client}", "--place", "Amt"],
         "Dritte: Bitte angeben"),
        (["--approach", "walk-and-talk", "--client", "{client}"], "Ort: Bitte einen Treffpunkt"),
        (["--approach", "home-visit", "--client", "{client}", "--duration", "2"],
         "Geplante Dauer: Zwischen 5"),
        (["--approach", "home-visit", "--client", "{client}", "--buffer", "-5"],
         "Zeitpuffer: Zwischen 0"),
        (["--approach", "accompaniment", "--client", "{client}", "--place", "Amt", "--spontaneous",
          "--third-party", "{school}"], "Spontan: Spontan ist nur Walk and Talk"),
        (["--approach", "home-visit", "--client", "nobody"], "Kundin/Kunde: Die ID „nobody“"),
        (["--approach", "accompaniment", "--client", "{client}", "--place", "Amt",
          "--third-party", "nowhere"], "Dritte: Die ID „nowhere“"),
        (["--approach", "home-visit", "--client", "{client}", "--staff", "ghost"],
         "Mitarbeitende: Die ID „ghost“"),
        (["--approach", "home-visit", "--client", "{client}", "--staff", "{owner}", "{owner}"],
         "Mitarbeitende: Jede Person nur einmal"),
        (["--approach", "home-visit", "--client", "{client}", "--start", "2027-03-02T10:00+01:00"],
         "Beginn: Bitte als Ortszeit"),
    ],
)  # fmt: skip
def test_add_invalid_gives_the_field_message(
    run: Run, vault: Vault, extra: list[str], message: str
) -> None:
    values = {"client": vault.client, "school": vault.school, "owner": vault.owner}
    argv = [arg.format(**values) for arg in extra]
    if "--start" not in argv:
        argv += ["--start", "2027-03-02T10:00"]
    result = add(run, vault, *argv)
    assert_one_error_line(result)
    assert message in result.err
    assert len(cli(run, vault, "appointments", "list", "--from", "2000-01-01", "--to",
                   "2100-01-01", "--json")) == 3  # fmt: skip


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--approach", "walk-and-talk", "--start", "2027-03-02T10:00"], "--client --anonymous"),
        (["--approach", "walk-and-talk", "--client", "x", "--anonymous",
          "--start", "2027-03-02T10:00"], "schließen sich aus"),
        (["--approach", "bike-ride", "--client", "x", "--start", "2027-03-02T10:00"],
         "--approach"),
        (["--approach", "home-visit", "--client", "x", "--start", "2027-03-02"], "kein gültiger"),
        (["--approach", "home-visit", "--client", "x", "--start", "morgen 10 Uhr"],
         "kein gültiger"),
        (["--approach", "home-visit", "--client", "x"], "--start"),
        (["--client", "x", "--start", "2027-03-02T10:00"], "--approach"),
        (["--approach", "home-visit", "--client", "x", "--start", "2027-03-02T10:00",
          "--duration", "lang"], "keine ganze Zahl"),
        (["--approach", "home-visit", "--client", "x", "--start", "2027-03-02T10:00",
          "--staff"], "--staff"),
    ],
)  # fmt: skip
def test_add_usage_errors(run: Run, vault: Vault, extra: list[str], fragment: str) -> None:
    assert_usage_error(add(run, vault, *extra), fragment)


# ---- checklist show -----------------------------------------------------------------------------
def test_checklist_show_text(run: Run, vault: Vault) -> None:
    out = cli(run, vault, "checklist", "show", "--appointment", vault.walk)
    day = format_day(TODAY + timedelta(days=3))
    assert out.startswith(f"Termin: {day} 10:00–11:00 · Walk and Talk · Heike Voß · Kirchplatz")
    assert "Status: Geplant" in out
    assert "Walk and Talk (walk-and-talk, Version 1)" in out
    assert "(data-protection, Version 2)" in out
    for heading in ("Vorbereitung (5/", "Vor Ort (0/", "Nachbereitung (0/"):
        assert f"\n{heading}" in out
    answered = format_day(TODAY - timedelta(days=1)) + " 11:15"
    assert f"[x] Treffpunkt: Kirchplatz, am Brunnen [{answered}, Alex Beispiel]" in out
    assert "[x] Treffpunkt von der Kundin/dem Kunden gewählt oder mitbestimmt?: Ja" in out
    assert "[x] Führungskraft einbezogen: Frank Lüders" in out
    assert "[x] Führungskraft einbezogen am: 20.11.2026" in out
    assert "[ ] Erkennungszeichen vereinbart" in out  # a first meeting
    assert "[-] Spontaner Spaziergang" in out
    assert "(freiwillig)" in out
    assert "sperrt „Nachbereitung abschließen“" in out
    assert "Schritte der Durchführung" in out
    assert "  Termin beginnen: möglich" in out
    assert "mit weiteren anwesenden Personen fortfahren: gesperrt" in out
    assert "Der Termin hat noch nicht begonnen." in out
    assert "in die Wohnung gehen" not in out  # not a home visit
    assert "Zeitplan Hausbesuch" not in out


def test_checklist_show_home_visit_text(run: Run, vault: Vault) -> None:
    out = cli(run, vault, "checklist", "show", "--appointment", vault.visit)
    visit_day = TODAY + timedelta(days=24)
    ann = letter_window(LetterKind.ANNOUNCEMENT, visit_day)
    rem = letter_window(LetterKind.REMINDER, visit_day)
    assert f"Zeitplan Hausbesuch ({format_day(visit_day)})" in out
    assert f"Ankündigung: {format_day(ann.opens)} bis {format_day(ann.due)}" in out
    assert (
        f"Erinnerung: {format_day(rem.opens)} bis {format_day(rem.due)} – Noch nicht fällig" in out
    )
    assert "Erfolglose Anrufversuche: 2 (Ankündigung möglich)" in out
    assert f"{format_day(TODAY - timedelta(days=6))} 14:30  Mailbox – Rückruf erbeten" in out
    assert f"{format_day(TODAY - timedelta(days=9))} 09:00  Nicht abgenommen" in out
    assert "[x] Anlass des Hausbesuchs: Kontakt wieder aufnehmen" in out
    assert "[x] Mehrere telefonische Kontaktversuche blieben erfolglos" in out
    assert (
        "[ ] Schriftliche Einverständniserklärung zum Hausbesuch liegt vor"
        " – sperrt „in die Wohnung gehen“"
    ) in out
    assert "in die Wohnung gehen: gesperrt" in out
    assert "Ohne schriftliche Einverständniserklärung geht es nicht in die Wohnung." in out


def test_checklist_show_json(run: Run, vault: Vault) -> None:
    data = cli(run, vault, "checklist", "show", "--appointment", vault.visit, "--json")
    assert data["appointment"]["id"] == vault.visit
    assert [(c["id"], c["version"]) for c in data["checklists"]] == [
        ("home-visit", 1),
        ("data-protection", 2),
    ]
    assert [p["phase"] for p in data["phases"]] == ["preparation", "on-site", "follow-up"]
    assert [p["label"] for p in data["phases"]] == ["Vorbereitung", "Vor Ort", "Nachbereitung"]
    items = {i["id"]: i for p in data["phases"] for i in p["items"]}
    occasion = items["hv.occasion"]
    assert occasion["state"] == "done" and occasion["value"] == "re-establish"
    assert occasion["display"].startswith("Kontakt wieder aufnehmen")
    assert occasion["checklist_id"] == "home-visit"
    assert occasion["answered_checklist_version"] == 1
    assert occasion["answered_at"] == at(TODAY - timedelta(days=1), 11, 15).isoformat(
        timespec="minutes"
    )
    assert (
        items["hv.failed_calls"]["state"] == "done" and items["hv.failed_calls"]["kind"] == "fact"
    )
    consent = items["hv.written_consent"]
    assert consent["state"] == "open" and consent["blocking"] is True
    assert (consent["blocks"], consent["blocks_label"]) == ("enter-home", "in die Wohnung gehen")
    assert consent["consent"] == "home-visit"
    assert items["dp.recognition_sign"]["state"] == "not-applicable"
    done = sum(p["progress"]["done"] for p in data["phases"])
    total = sum(p["progress"]["total"] for p in data["phases"])
    assert data["progress"] == {"done": done, "total": total}
    assert data["appointment"]["progress"] == data["progress"]
    steps = {t["transition"]: t for t in data["transitions"]}
    assert list(steps) == ["start", "enter-home", "others-present", "close"]
    assert steps["start"]["allowed"] is True and steps["start"]["reasons"] == []
    assert steps["enter-home"]["allowed"] is False
    assert any("Einverständniserklärung" in r for r in steps["enter-home"]["reasons"])
    line = data["timeline"]
    assert line["failed_calls"] == 2 and line["can_announce"] is True
    letters = {x["kind"]: x for x in line["letters"]}
    ann = letter_window(LetterKind.ANNOUNCEMENT, TODAY + timedelta(days=24))
    assert letters["announcement"]["due"] == ann.due.isoformat()
    assert letters["announcement"]["sent_on"] is None
    assert letters["reminder"]["state"] == "not-yet-open"
    assert [c["outcome"] for c in data["calls"]] == ["no-answer", "voicemail"]
    assert data["calls"][1]["note"] == "Rückruf erbeten" and data["calls"][1]["failed"] is True
    assert data["conduct"]["outcome"] is None
    assert data["consents"] == []


def test_checklist_show_json_person_and_date_and_conduct(run: Run, vault: Vault) -> None:
    data = cli(run, vault, "checklist", "show", "--appointment", vault.walk, "--json")
    items = {i["id"]: i for p in data["phases"] for i in p["items"]}
    assert items["wt.leader"]["value"] == vault.leader
    assert items["wt.leader"]["display"] == "Frank Lüders"
    assert items["wt.leader"]["answered_by_name"] == "Alex Beispiel"
    assert items["wt.leader_date"]["display"] == "20.11.2026"
    assert items["wt.meeting_point_by_client"]["display"] == "Ja"
    assert data["timeline"] is None and data["calls"] == []
    past = cli(run, vault, "checklist", "show", "--appointment", vault.past, "--json")
    assert past["conduct"]["started_at"] == at(TODAY - timedelta(days=3), 14, 5).isoformat(
        timespec="minutes"
    )
    assert past["appointment"]["status"] == "in-progress"
    out = cli(run, vault, "checklist", "show", "--appointment", vault.past)
    assert f"Durchführung: begonnen {format_day(TODAY - timedelta(days=3))} 14:05" in out


def test_checklist_show_steps_follow_the_conduct_rule(run: Run, vault: Vault) -> None:
    """The steps are `conduct.conduct_options`, as in the GUI: a step taken is not offered
    again, and talking to a third party alone goes with the third party, not the approach."""
    past = cli(run, vault, "checklist", "show", "--appointment", vault.past, "--json")
    steps = {t["transition"]: t for t in past["transitions"]}
    assert list(steps) == ["start", "others-present", "close"]
    assert steps["start"] == {
        "transition": "start",
        "label": "Termin beginnen",
        "allowed": False,
        "reasons": ["Der Termin hat bereits begonnen."],
    }
    assert steps["close"]["reasons"][0] == "Der Termin hat noch kein Ergebnis."
    result = add(run, vault, "--approach", "walk-and-talk", "--client", vault.client,
                 "--third-party", vault.school, "--place", "Schulhof",
                 "--start", "2027-03-02T10:30")  # fmt: skip
    assert result.code == 0, result.err
    data = cli(run, vault, "checklist", "show", "--appointment", result.out.strip(), "--json")
    steps = {t["transition"]: t for t in data["transitions"]}
    assert list(steps) == ["start", "others-present", "third-party-alone", "close"]
    alone = steps["third-party-alone"]["reasons"]
    assert alone[0] == "Der Termin hat noch nicht begonnen."
    assert any("Schweigepflichtentbindung" in r for r in alone)


def test_checklist_show_unknown_appointment(run: Run, vault: Vault) -> None:
    result = attempt(run, vault, "checklist", "show", "--appointment", "kein-termin")
    assert_one_error_line(result)
    assert "Der Termin wurde nicht gefunden" in result.err
    result = attempt(run, vault, "checklist", "show", "--appointment", "kein-termin", "--json")
    assert_one_error_line(result)
    assert result.out == ""


def test_checklist_show_needs_an_appointment(run: Run, vault: Vault) -> None:
    assert_usage_error(attempt(run, vault, "checklist", "show"), "--appointment")
    assert_usage_error(run("checklist"), "Unterbefehl")


# ---- letters due --------------------------------------------------------------------------------
def test_letters_due_today(run: Run, vault: Vault) -> None:
    ann = letter_window(LetterKind.ANNOUNCEMENT, TODAY + timedelta(days=24))
    data = cli(run, vault, "letters", "due", "--json")
    assert data == [
        {
            "appointment_id": vault.visit,
            "visit": at(TODAY + timedelta(days=24), 9, 30).isoformat(timespec="minutes"),
            "client_id": vault.client,
            "client_name": "Heike Voß",
            "kind": "announcement",
            "kind_label": "Ankündigung",
            "opens": ann.opens.isoformat(),
            "due": ann.due.isoformat(),
            "state": "due-today" if ann.due == TODAY else "open",
            "state_label": "Heute fällig" if ann.due == TODAY else "Zu versenden",
        }
    ]
    out = cli(run, vault, "letters", "due")
    lines = out.splitlines()
    assert lines[0].split() == [
        "Fällig", "Ab", "Brief", "Kundin/Kunde", "Hausbesuch", "Stand", "Termin-ID"
    ]  # fmt: skip
    assert format_day(ann.due) in lines[1] and format_day(ann.opens) in lines[1]
    assert "Ankündigung" in lines[1] and "Heike Voß" in lines[1]
    assert format_day(TODAY + timedelta(days=24)) in lines[1] and vault.visit in lines[1]


def test_letters_due_on_a_given_date(run: Run, vault: Vault) -> None:
    visit_day = TODAY + timedelta(days=24)
    rem = letter_window(LetterKind.REMINDER, visit_day)
    # on the reminder's due day both letters are due, the announcement overdue
    data = cli(run, vault, "letters", "due", "--date", format_day(rem.due), "--json")
    assert [(x["kind"], x["state"]) for x in data] == [
        ("announcement", "overdue"),
        ("reminder", "due-today"),
    ]
    out = cli(run, vault, "letters", "due", "--date", rem.due.isoformat())
    assert "Überfällig" in out and "Heute fällig" in out and "Erinnerung" in out


def test_no_letters_due(run: Run, vault: Vault) -> None:
    early = (TODAY - timedelta(days=30)).isoformat()
    assert cli(run, vault, "letters", "due", "--date", early).strip() == "Keine Briefe fällig."
    assert cli(run, vault, "letters", "due", "--date", early, "--json") == []


def test_letters_due_bad_date(run: Run, vault: Vault) -> None:
    assert_usage_error(attempt(run, vault, "letters", "due", "--date", "31.02.2027"), "--date")


# ---- passphrase and demo ------------------------------------------------------------------------
def test_wrong_passphrase(run: Run, vault: Vault, tmp_path: Path) -> None:
    wrong = write_passphrase(tmp_path / "falsch.txt", WRONG_PASSPHRASE)
    for argv in (
        ("appointments", "list"),
        ("letters", "due"),
        ("checklist", "show", "--appointment", vault.walk),
    ):
        assert_one_error_line(VaultCli(run, vault.path, wrong)(*argv))


def test_commands_on_a_demo_vault(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    demo = tmp_path / "demo"
    result = VaultCli(run, demo, passphrase_file)("demo", "--clients", "12").ok()
    assert "Dazu:" in result.out and "Anrufversuche" in result.out
    v = Vault(demo, passphrase_file, "", "", "", "", "", "", "")
    today = cli(run, v, "appointments", "list", "--from", TODAY.isoformat(), "--to",
                TODAY.isoformat(), "--json")  # fmt: skip
    assert any(a["status"] == "in-progress" for a in today)
    assert all(0 < a["progress"]["done"] < a["progress"]["total"] for a in today)
    assert cli(run, v, "letters", "due", "--json")
    assert "Keine Briefe" not in cli(run, v, "letters", "due")
    everything = cli(run, v, "appointments", "list", "--from", "2000-01-01", "--to",
                     "2100-01-01", "--json")  # fmt: skip
    assert any(a["relocated_from_id"] for a in everything)
    assert any(a["predecessor_id"] for a in everything)
    for a in everything:
        shown = cli(run, v, "checklist", "show", "--appointment", a["id"], "--json")
        assert shown["appointment"]["id"] == a["id"]
        assert cli(run, v, "checklist", "show", "--appointment", a["id"]).startswith("Termin: ")
