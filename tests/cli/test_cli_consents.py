"""`outreach-desktop consents list`."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import AccompanimentScope, ConsentKind, GivenHow
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from testkit import PASSPHRASE
from testkit.cli import Run, VaultCli, assert_one_error_line, assert_usage_error


def test_list_shows_state_and_form_never_content(
    run: Run, session: Session, vault_dir: Path, passphrase_file: Path
) -> None:
    client = session.clients.save(Client(display_name="Ayşe Kaya"))
    party = session.third_parties.save(ThirdParty(name="Praxis Dr. Wendt"))
    start = datetime.combine(datetime.now().date() + timedelta(days=3), time(10))
    a = session.appointments.save(Appointment.plan(
        Approach.ACCOMPANIMENT, start, client_id=client.id, third_party_id=party.id,
        place="Praxis", staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    now = datetime.now()
    given = session.consents.prepare(ConsentKind.ACCOMPANIMENT, now, appointment_id=a.id,
                                     scope=AccompanimentScope.TO_DOOR)  # fmt: skip
    session.consents.sign(given.id, GivenHow.PAPER, now)
    session.consents.prepare(ConsentKind.CONFIDENTIALITY_RELEASE, now, appointment_id=a.id,
                             purpose="Geheimer Zweck XYZ", valid_until=start.date())  # fmt: skip
    session.lock()

    on_vault = VaultCli(run, vault_dir, passphrase_file)
    result = on_vault("consents", "list").ok()
    assert "Einverständnis zur Begleitung" in result.out
    assert "Erteilt" in result.out and "auf Papier unterschrieben" in result.out
    assert "Schweigepflichtentbindung" in result.out and "Vorbereitet" in result.out
    assert "Geheimer Zweck" not in result.out

    data = on_vault("consents", "list", "--appointment", a.id, "--json").json()
    assert {d["kind"] for d in data} == {"accompaniment", "confidentiality-release"}
    signed = next(d for d in data if d["kind"] == "accompaniment")
    assert signed["state"] == "signed" and signed["given_how"] == "paper"
    assert [e["event"] for e in signed["events"]] == ["prepared", "signed"]


def test_unknown_appointment_is_a_clear_error(on_vault: VaultCli) -> None:
    result = on_vault("consents", "list", "--appointment", "nope")
    assert_one_error_line(result)
    assert "Termin" in result.err


def test_print_writes_the_form_and_records_the_print(
    run: Run, session: Session, vault_dir: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    import io

    import pypdf

    client = session.clients.save(Client(display_name="Jürgen Größer"))
    start = datetime.combine(datetime.now().date() + timedelta(days=30), time(10))
    a = session.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, start, client_id=client.id,
        staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    consent = session.consents.prepare(ConsentKind.HOME_VISIT, datetime.now(), appointment_id=a.id)
    session.lock()

    on_vault = VaultCli(run, vault_dir, passphrase_file)
    out = tmp_path / "form.pdf"
    result = on_vault("print", "home-visit-consent", "--appointment", a.id, "--lang", "ar",
                      "--out", out).ok()  # fmt: skip
    assert "nicht verschlüsselt" in result.err
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Jürgen Größer" in text
    reopened = unlock_vault(vault_dir, PASSPHRASE)
    try:
        stored = reopened.consents.get(consent.id)
        assert [e.event for e in stored.events] == ["prepared", "pdf-saved"]
        assert "ar:" in stored.events[-1].detail
    finally:
        reopened.lock()

    letter = tmp_path / "brief.pdf"
    on_vault("print", "announcement-letter", "--appointment", a.id, "--out", letter).ok()
    assert letter.read_bytes().startswith(b"%PDF")
    reopened = unlock_vault(vault_dir, PASSPHRASE)
    try:  # noted as the GUI notes it: what left the vault, when
        notes = reopened.saved_pdfs.for_appointment(a.id)
        assert [n.kind for n in notes] == ["announcement-letter"]
    finally:
        reopened.lock()
    assert_usage_error(on_vault("print", "nonsense", "--appointment", a.id, "--out", letter))


def test_print_review_copy_carries_the_review_note_the_signing_copy_not(
    run: Run, session: Session, vault_dir: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    import io

    import pypdf

    client = session.clients.save(Client(display_name="Olena Shevchenko"))
    start = datetime.combine(datetime.now().date() + timedelta(days=30), time(10))
    a = session.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, start, client_id=client.id,
        staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    session.lock()

    def text(path: Path) -> str:
        pages = pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages
        return " ".join(" ".join(p.extract_text() for p in pages).split())

    on_vault = VaultCli(run, vault_dir, passphrase_file)
    signing, review = tmp_path / "unterschrift.pdf", tmp_path / "pruefung.pdf"
    for kind in ("home-visit-consent", "announcement-letter"):
        on_vault("print", kind, "--appointment", a.id, "--lang", "uk", "--out", signing,
                 "--force").ok()  # fmt: skip
        on_vault("print", kind, "--appointment", a.id, "--lang", "uk", "--review",
                 "--out", review, "--force").ok()  # fmt: skip
        assert "von der Dienststelle zu prüfen" not in text(signing)
        assert "Prüfexemplar" not in text(signing)
        assert "von der Dienststelle zu prüfen" in text(review)
        assert "Prüfexemplar" in text(review)


def test_print_warns_on_stderr_when_the_sender_cannot_be_answered(
    run: Run, session: Session, vault_dir: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    from outreach_desktop.services.settings import load_settings, save_settings

    client = session.clients.save(Client(display_name="Jürgen Größer"))
    start = datetime.combine(datetime.now().date() + timedelta(days=30), time(10))
    a = session.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, start, client_id=client.id,
        staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    session.lock()
    on_vault = VaultCli(run, vault_dir, passphrase_file)
    out = tmp_path / "brief.pdf"
    result = on_vault("print", "announcement-letter", "--appointment", a.id, "--out", out).ok()
    assert out.read_bytes().startswith(b"%PDF")  # a warning, not a block
    assert "Warnung:" in result.err
    assert "Telefonnummer für Rückfragen fehlt" in result.err
    assert "Einstellungen › Briefkopf" in result.err

    settings = load_settings()
    settings.agency_street, settings.agency_postcode_city = "Am Markt 1", "29439 Lüchow"
    settings.agency_phone = "05841 1234"
    save_settings(settings)
    result = on_vault("print", "announcement-letter", "--appointment", a.id, "--out", out,
                      "--force").ok()  # fmt: skip
    assert "Warnung:" not in result.err
