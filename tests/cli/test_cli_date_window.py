"""Dates outside the sane window (1900–2200): a field error, never an OverflowError."""

from __future__ import annotations

from testkit.cli import VaultCli, assert_usage_error


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
