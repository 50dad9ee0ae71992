"""`consents give --third-party` (a release for any approach) and `talks add|list`."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from testkit.cli import Run, VaultCli, assert_one_error_line


def home_visit(session: Session) -> tuple[str, str, str, str]:
    client = session.clients.save(Client(display_name="Ayşe Kaya"))
    party = session.third_parties.save(ThirdParty(name="Praxis Dr. Wendt"))
    other = session.third_parties.save(ThirdParty(name="Kanzlei Reinholz"))
    start = datetime.combine(datetime.now().date() - timedelta(days=2), time(10))
    a = session.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, start, client_id=client.id, place="Lindenweg 4",
        staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    return a.id, client.id, party.id, other.id


def test_a_release_for_a_home_visit_and_a_talk_under_it(
    run: Run, session: Session, vault_dir: Path, passphrase_file: Path
) -> None:
    a, client, party, other = home_visit(session)
    session.lock()
    on_vault = VaultCli(run, vault_dir, passphrase_file)
    valid = (datetime.now().date() + timedelta(days=90)).strftime("%d.%m.%Y")
    given = on_vault("consents", "give", "--third-party", party, "--appointment", a,
                     "--how", "oral", "--purpose", "Abstimmung Reha",
                     "--valid-until", valid).ok()  # fmt: skip
    release = given.out.splitlines()[0]
    assert "Schweigepflichtentbindung: mündlich erteilt" in given.out
    [data] = on_vault("consents", "list", "--appointment", a, "--json").json()
    assert (data["id"], data["third_party_id"], data["state"]) == (release, party, "signed")

    checklist = on_vault("checklist", "show", "--appointment", a, "--json").json()
    assert "confidentiality-release" in checklist["consents"]  # the release counts here too

    refused = on_vault("talks", "add", "--release", release, "--third-party", other)
    assert_one_error_line(refused)
    assert "andere dritte Stelle" in refused.err
    future = (datetime.now() + timedelta(days=1)).strftime("%d.%m.%Y %H:%M")
    assert_one_error_line(on_vault("talks", "add", "--release", release, "--at", future))
    assert on_vault("talks", "list").ok().out.strip() == "Keine Gespräche mit Dritten erfasst."

    added = on_vault("talks", "add", "--release", release, "--appointment", a,
                     "--note", "Reha-Termin abgestimmt").ok()  # fmt: skip
    assert "Gespräch mit Praxis Dr. Wendt am" in added.out
    listed = on_vault("talks", "list", "--client", client).ok().out
    assert "Praxis Dr. Wendt" in listed and release in listed
    assert "Reha-Termin" not in listed  # the note only with --json
    [talk] = on_vault("talks", "list", "--appointment", a, "--json").json()
    assert (talk["release_id"], talk["third_party_id"], talk["note"]) == (
        release,
        party,
        "Reha-Termin abgestimmt",
    )


def test_a_release_needs_its_details_and_nothing_is_kept_without_them(
    run: Run, session: Session, vault_dir: Path, passphrase_file: Path
) -> None:
    a, _client, party, _other = home_visit(session)
    session.lock()
    on_vault = VaultCli(run, vault_dir, passphrase_file)
    missing = on_vault("consents", "give", "--third-party", party, "--appointment", a,
                       "--how", "paper")  # fmt: skip
    assert missing.code == 1 and "Zweck" in missing.err and "Traceback" not in missing.err
    assert on_vault("consents", "list", "--json").json() == []
    both = on_vault("consents", "give", "--id", "x", "--third-party", party, "--how", "paper")
    assert_one_error_line(both)
    assert "entweder --id" in both.err
    unknown = on_vault("consents", "give", "--third-party", "nope", "--client", "c",
                       "--how", "paper")  # fmt: skip
    assert unknown.code == 1 and "nope" in unknown.err
    assert_one_error_line(on_vault("talks", "add", "--release", "nope"))
