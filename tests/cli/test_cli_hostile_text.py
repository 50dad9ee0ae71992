"""Names and places with control and bidi characters: stored clean, and data stored before the
rule is shown escaped by every text printer (no raw ESC, BEL, NUL or U+202E on the terminal)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from outreach_desktop.cli.common import printable
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.people_repos import ClientRepository
from testkit.cli import Run, VaultCli
from testkit.internals import repository

RAW = ("\x1b", "\x07", "\x00", "\u202e", "\x9b")
OLD_NAME = "Zora\x1b]0;gehackt\x07 Alt\u202efdp.exe\x00"
OLD_PLACE = "Markt\x1b[2J\x1b[31m platz\x9b"
DAY = date.today() + timedelta(days=2)


def assert_no_raw(text: str) -> None:
    assert not [c for c in RAW if c in text], repr(text)


def old_data(session: Session) -> None:
    """Records as an older version stored them, before the text rule (no validation)."""
    owner = session.owner()
    assert owner is not None
    client = Client(display_name=OLD_NAME)
    repository(session, ClientRepository).save(client, check=False)
    start = datetime.combine(DAY, time(10))
    appointment = Appointment.plan(
        Approach.WALK_AND_TALK, start, client_id=client.id, place=OLD_PLACE, staff_ids=[owner.id]
    )
    repository(session, AppointmentRepository).save(appointment, check=False)


def test_new_names_are_stored_clean(on_vault: VaultCli) -> None:
    on_vault("clients", "add", "--name", "Anna\x1b[31m Müller\u202e\x07").ok()
    data = on_vault("clients", "list", "--json").json()
    assert data[0]["display_name"] == "Anna[31m Müller"
    out = on_vault("clients", "list").ok().out
    assert_no_raw(out)
    assert "Anna[31m Müller" in out


def test_old_data_is_shown_escaped(
    session: Session, vault_dir: Path, passphrase_file: Path, run: Run
) -> None:
    old_data(session)
    session.lock()
    on_vault = VaultCli(run, vault_dir, passphrase_file)
    clients = on_vault("clients", "list").ok().out
    assert_no_raw(clients)
    assert "Zora\\x1b]0;gehackt\\x07 Alt\\u202efdp.exe\\x00" in clients
    appointments = on_vault("appointments", "list").ok().out
    assert_no_raw(appointments)
    assert "Markt\\x1b[2J\\x1b[31m platz\\x9b" in appointments
    found = on_vault("search", "Zora").ok().out
    assert_no_raw(found)
    assert "\\x1b]0;gehackt" in found  # the match itself is marked: [Zora]\\x1b]0;…
    # JSON keeps the stored value (json escapes it)
    assert on_vault("clients", "list", "--json").json()[0]["display_name"] == OLD_NAME


def test_printable_escapes_what_a_terminal_would_obey() -> None:
    assert printable("a\x1b[31mb\x07c\x00d\u202ee\x9bf\u2028g") == (
        "a\\x1b[31mb\\x07c\\x00d\\u202ee\\x9bf\\u2028g"
    )
    assert printable("Zeile 1\n\tZeile 2", keep_newlines=True) == "Zeile 1\n\tZeile 2"
    assert printable("Zeile 1\nZeile 2") == "Zeile 1\\nZeile 2"
    kept = "Jürgen Größer, Олена, علي, 🙂"
    assert printable(kept) == kept


def test_messages_and_usage_errors_are_escaped_too(on_vault: VaultCli) -> None:
    unknown = on_vault("appointments", "add", "--approach", "walk-and-talk", "--place", "Markt",
                       "--start", "2026-11-25T10:00", "--client", "x\x1b]0;t\x07")  # fmt: skip
    assert unknown.code == 1 and "x\\x1b]0;t\\x07" in unknown.err
    usage = on_vault("letters", "due", "--date", "\x1b[2J")
    assert usage.code == 2 and "\\x1b[2J" in usage.err
    assert_no_raw(unknown.err + usage.err)
