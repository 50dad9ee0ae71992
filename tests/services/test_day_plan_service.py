"""Außentermine heute on a demo vault: the service's one-query read matches the Heute list, and
the PDF read back names no client by default and names them with the option."""

from __future__ import annotations

import io
import subprocess
from datetime import date, datetime, time
from pathlib import Path

import pypdf
import pytest

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.day_plan import day_plan_pdf, plan_for
from outreach_desktop.services.session import Session
from outreach_desktop.services.today import today_overview
from outreach_desktop.services.vaults import create_vault
from testkit import FAST_KDF, PASSPHRASE

DAY = date(2025, 3, 12)
MADE = datetime.combine(DAY, time(7, 45))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Session:
    path = tmp_path_factory.mktemp("dayplan") / "vault"
    session = create_vault(path, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    fill_demo(session, clients=12, seed=3, today=DAY)
    return session


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def todays_clients(session: Session) -> list[str]:
    return [e.view.client_name for e in today_overview(session, DAY).today if e.view.client_name]


def test_the_plan_holds_the_days_appointments_as_heute_lists_them(demo: Session) -> None:
    plan = plan_for(demo, DAY)
    heute = today_overview(demo, DAY).today
    assert heute  # the demo has something for today
    assert [r.start for r in plan.rows] == [e.view.appointment.start for e in heute]
    assert [r.staff.split(",")[0].split(" (")[0] for r in plan.rows] == [
        e.view.staff_names[0] for e in heute
    ]


def test_pdf_names_no_client_by_default(demo: Session) -> None:
    text = pdf_text(day_plan_pdf(demo, DAY, MADE))
    assert "Außentermine am Mittwoch, 12.03.2025" in text
    assert "ohne Namen von Kundinnen und Kunden" in text
    everyone = [c for c in demo.clients.all()]
    assert todays_clients(demo)
    for client in everyone:
        assert client.display_name not in text
        assert client.display_name.split()[-1] not in text
        street = client.address.splitlines()[0] if client.address else ""
        assert not street or street not in text
    for party in demo.third_parties.all():
        assert party.name not in text


def test_pdf_names_todays_clients_with_the_option(demo: Session) -> None:
    text = pdf_text(day_plan_pdf(demo, DAY, MADE, with_names=True))
    for name in todays_clients(demo):
        assert name in text
    assert "Sozialdaten" in text


def test_every_font_is_embedded(demo: Session, tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(day_plan_pdf(demo, DAY, MADE, with_names=True))
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    fonts = rows.stdout.splitlines()[2:]
    assert fonts
    for row in fonts:
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row


def test_an_empty_day_says_so(demo: Session) -> None:
    text = pdf_text(day_plan_pdf(demo, date(2025, 1, 5), MADE))
    assert "keine Außentermine" in text


def test_the_day_is_read_in_one_query(demo: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    from outreach_desktop.storage.database import Database

    calls: list[str] = []
    original = Database.execute

    def counted(self: Database, sql: str, params: object = ()) -> object:
        calls.append(sql)
        return original(self, sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(Database, "execute", counted)
    rows = plan_for(demo, DAY).rows
    assert rows and len(calls) == 1
