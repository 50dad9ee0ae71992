"""Dates outside the sane window (1900–2200): a field error, never an OverflowError."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from testkit.cli import Run, VaultCli, assert_one_error_line, assert_usage_error
from testkit.internals import repository


def _client(on_vault: VaultCli) -> str:
    return on_vault("clients", "add", "--name", "Heike Voß").ok().out.strip()


def test_appointments_list_far_years(on_vault: VaultCli) -> None:
    for first, last in [("0001-01-01", "0001-01-02"), ("9999-12-01", "9999-12-31")]:
        result = on_vault("appointments", "list", "--from", first, "--to", last)
        assert_usage_error(result, "1900", "2200")
    result = on_vault("appointments", "list", "--from", "01.01.2200", "--to", "31.12.2200")
    assert "Keine Termine" in result.ok().out


def test_letters_due_far_years(on_vault: VaultCli) -> None:
    for day in ["0001-01-01", "9999-12-31", "31.12.1899", "01.01.2201"]:
        assert_usage_error(on_vault("letters", "due", "--date", day), "1900", "2200")
    assert on_vault("letters", "due", "--date", "01.01.1900").ok()


def test_appointment_at_the_end_of_time_is_refused(on_vault: VaultCli) -> None:
    client = _client(on_vault)
    for start in ["9999-12-31T23:30", "0001-01-01T00:00", "01.01.2201 10:00", "31.12.1899 23:30"]:
        result = on_vault("appointments", "add", "--approach", "walk-and-talk",
                          "--client", client, "--place", "Markt", "--start", start)  # fmt: skip
        assert_usage_error(result, "1900", "2200")
    assert on_vault("appointments", "list", "--from", "2200-12-01", "--to", "2200-12-31").ok()


def test_checklist_and_print_at_the_window_edges(on_vault: VaultCli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client = _client(on_vault)
    for start in ["1900-01-01T00:00", "2200-12-31T23:30"]:
        appointment = on_vault("appointments", "add", "--approach", "home-visit",
                               "--client", client, "--start", start).ok().out.strip()  # fmt: skip
        on_vault("checklist", "show", "--appointment", appointment).ok()
        on_vault("print", "announcement-letter", "--appointment", appointment,
                 "--out", tmp_path / f"{appointment}.pdf").ok()  # fmt: skip


def test_an_old_appointment_at_the_end_of_time_gives_a_german_error(
    session: Session, vault_dir: Path, passphrase_file: Path, run: Run, tmp_path: Path
) -> None:
    """Stored by an older version (before the window): refused clearly, not an OverflowError."""
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(Client(display_name="Heike Voß"))
    old = Appointment.plan(Approach.HOME_VISIT, datetime(9999, 12, 31, 23, 30),
                           client_id=client.id, staff_ids=[owner.id])  # fmt: skip
    repository(session, AppointmentRepository).save(old, check=False)
    session.lock()
    on_vault = VaultCli(run, vault_dir, passphrase_file)
    for argv in (("checklist", "show", "--appointment", old.id),
                 ("print", "announcement-letter", "--appointment", old.id,
                  "--out", tmp_path / "brief.pdf"),
                 ("print", "home-visit-consent", "--appointment", old.id,
                  "--out", tmp_path / "form.pdf")):  # fmt: skip
        result = on_vault(*argv)
        assert_one_error_line(result)
        assert "Beginn: Bitte ein Datum zwischen 01.01.1900 und 31.12.2200" in result.err
    assert not list(tmp_path.glob("*.pdf"))
