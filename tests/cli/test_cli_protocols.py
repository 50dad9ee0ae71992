"""`outreach-desktop protocols list|show|pdf` and `search`, on a demo vault."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import pypdf
import pytest

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.session import Session
from testkit.cli import Run, VaultCli, assert_one_error_line

DAY = date(2026, 11, 25)


@pytest.fixture
def demo_vault(session: Session, vault_dir: Path) -> Path:
    fill_demo(session, clients=25, seed=1, today=DAY)
    session.lock()
    return vault_dir


@pytest.fixture
def on_demo(run: Run, demo_vault: Path, passphrase_file: Path) -> VaultCli:
    return VaultCli(run, demo_vault, passphrase_file)


def test_list_show_pdf_and_search(on_demo: VaultCli, tmp_path: Path) -> None:
    data = on_demo("protocols", "list", "--json").json()
    final = next(p for p in data if p["final"] and p["addenda"])
    assert any(not p["final"] for p in data), "the demo keeps some drafts"

    shown = on_demo("protocols", "show", "--id", final["id"]).ok()
    assert "Gedächtnisprotokoll" in shown.out and "abgeschlossen am" in shown.out
    assert "Nachträge" in shown.out

    on_demo("protocols", "pdf", "--id", final["id"], "--out", tmp_path / "protokoll").ok()
    pdf = (tmp_path / "protokoll.pdf").read_bytes()
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Gedächtnisprotokoll" in text and "Nachträge" in text and "Gesprächsverlauf" in text
    fonts = subprocess.run(["pdffonts", str(tmp_path / "protokoll.pdf")], capture_output=True,
                           text=True, check=True).stdout.splitlines()[2:]  # fmt: skip
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded

    hits = on_demo("search", "Briefkasten", "--json").json()
    assert hits and all(h["kind"] == "protocol" for h in hits)
    assert "[Briefkasten]" in hits[0]["snippet"]
    assert "Nichts gefunden" in on_demo("search", "zzzquux").ok().out


def test_unknown_protocol_is_a_clear_error(on_demo: VaultCli) -> None:
    result = on_demo("protocols", "show", "--id", "nope")
    assert_one_error_line(result)
    assert "Protokoll" in result.err
