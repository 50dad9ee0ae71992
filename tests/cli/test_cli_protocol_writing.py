"""`protocols new|write|finalize` on the protocol editor's services and rules, and `search`
with several words and the marked match in the table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from testkit import PASSPHRASE
from testkit.cli import Result, Run, VaultCli, assert_one_error_line

TODAY = date.today()
TEXT = """Wir sind bei Regen durch den Park gegangen; die Kita am Wall hat einen Platz frei.

# Themen
Kinderbetreuung, Regen Kita Wall

# Nächste Schritte
Anmeldung bei der Kita bis Freitag
"""


@dataclass(frozen=True)
class Desk:
    cli: VaultCli
    walk: str
    anonymous: str


@pytest.fixture
def desk(session: Session, vault_dir: Path, passphrase_file: Path, run: Run) -> Desk:
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(Client(display_name="Heike Voß"))
    start = datetime.combine(TODAY, time(10))
    walk = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, start, client_id=client.id, place="Stadtpark",
        staff_ids=[owner.id],
    ))  # fmt: skip
    anonymous = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, start, place="Stadtpark", staff_ids=[owner.id],
    ))  # fmt: skip
    session.lock()
    return Desk(VaultCli(run, vault_dir, passphrase_file), walk.id, anonymous.id)


def refused(result: Result, *fragments: str) -> None:
    assert_one_error_line(result)
    for fragment in fragments:
        assert fragment in result.err, result.err


def test_new_from_stdin_then_finalize(desk: Desk) -> None:
    new = desk.cli("protocols", "new", "--appointment", desk.walk, "--text", "-",
                   "--success", "partly", "--duration", "45", stdin=TEXT)  # fmt: skip
    protocol_id = new.ok().out.strip()
    shown = desk.cli("protocols", "show", "--id", protocol_id, "--json").json()
    assert shown["sections"]["Gesprächsverlauf"].startswith("Wir sind bei Regen")
    assert shown["sections"]["Themen"] == "Kinderbetreuung, Regen Kita Wall"
    assert shown["sections"]["Nächste Schritte"] == "Anmeldung bei der Kita bis Freitag"
    assert shown["sections"]["Ort"] == "Stadtpark"  # from the appointment, as in the GUI
    refused(desk.cli("protocols", "new", "--appointment", desk.walk), protocol_id)
    out = desk.cli("protocols", "finalize", "--id", protocol_id).ok().out
    assert out.startswith(f"Abgeschlossen: {protocol_id}.")
    refused(desk.cli("protocols", "write", "--id", protocol_id, "--text", "-", stdin="neu"))
    listed = desk.cli("protocols", "list", "--json").json()
    assert [(p["id"], p["final"]) for p in listed] == [(protocol_id, True)]


def test_finalize_refuses_as_the_editor_does(desk: Desk, tmp_path: Path) -> None:
    protocol_id = desk.cli("protocols", "new", "--appointment", desk.walk).ok().out.strip()
    refused(desk.cli("protocols", "finalize", "--id", protocol_id),
            "Gesprächsverlauf: Bitte Themen oder Verlauf festhalten.")  # fmt: skip
    text = tmp_path / "protokoll.txt"
    text.write_text("# Themen\nWohnungssuche\n", encoding="utf-8")
    desk.cli("protocols", "write", "--id", protocol_id, "--text", text,
             "--to-main-caseworker").ok()  # fmt: skip
    refused(desk.cli("protocols", "finalize", "--id", protocol_id),
            "Information an die Hauptbetreuung: Nur auf Wunsch")  # fmt: skip
    assert desk.cli("protocols", "list", "--json").json()[0]["final"] is False


def test_a_bad_text_leaves_no_draft(desk: Desk, tmp_path: Path) -> None:
    unknown = desk.cli("protocols", "new", "--appointment", desk.walk, "--text", "-",
                       stdin="# Vermutungen\nnichts")  # fmt: skip
    refused(unknown, "Unbekannter Abschnitt „# Vermutungen“")
    refused(desk.cli("protocols", "new", "--appointment", desk.walk, "--text",
                     tmp_path / "fehlt.txt"), "gibt es nicht")  # fmt: skip
    refused(desk.cli("protocols", "new", "--appointment", desk.anonymous), "anonyme Beratung")
    assert desk.cli("protocols", "list", "--json").json() == []


def test_search_takes_several_words_and_shows_the_marked_match(desk: Desk) -> None:
    desk.cli("protocols", "new", "--appointment", desk.walk, "--text", "-", stdin=TEXT).ok()
    out = desk.cli("search", "Regen", "Kita").ok().out
    row = next(line for line in out.splitlines() if line.startswith("Protokoll"))
    assert "[Regen] [Kita]" in row  # the whole snippet with its marks, nothing cut off
    assert desk.cli("search", "Regen", "Kita", "--json").json()[0]["kind"] == "protocol"
    assert "Nichts gefunden" in desk.cli("search", "Regen", "Zebra").ok().out


def test_passphrase_and_text_both_from_standard_input(desk: Desk) -> None:
    both = VaultCli(desk.cli.run, desk.cli.vault, "-")
    new = both("protocols", "new", "--appointment", desk.walk, "--text", "-",
               stdin=f"{PASSPHRASE}\n{TEXT}")  # fmt: skip
    shown = desk.cli("protocols", "show", "--id", new.ok().out.strip(), "--json").json()
    assert shown["sections"]["Themen"] == "Kinderbetreuung, Regen Kita Wall"
    assert PASSPHRASE not in str(shown)
