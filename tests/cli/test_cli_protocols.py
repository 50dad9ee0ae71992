"""`outreach-desktop protocols list|show|pdf` and `search`, on a demo vault."""

from __future__ import annotations

import io
import json
import subprocess
from datetime import date
from pathlib import Path

import pypdf
import pytest
from tests.cli.conftest import Run

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.session import Session

DAY = date(2026, 11, 25)


@pytest.fixture
def demo_vault(session: Session, vault_dir: Path) -> Path:
    fill_demo(session, clients=25, seed=1, today=DAY)
    session.lock()
    return vault_dir


def _run(run: Run, vault: Path, pf: Path, *argv: object) -> object:
    return run(*[str(a) for a in argv], "--vault", vault, "--passphrase-file", pf)


def test_list_show_pdf_and_search(
    run: Run, demo_vault: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    listed = _run(run, demo_vault, passphrase_file, "protocols", "list", "--json")
    data = json.loads(listed.out)  # type: ignore[attr-defined]
    final = next(p for p in data if p["final"] and p["addenda"])
    assert any(not p["final"] for p in data), "the demo keeps some drafts"

    shown = _run(run, demo_vault, passphrase_file, "protocols", "show", "--id", final["id"])
    assert "Gedächtnisprotokoll" in shown.out and "abgeschlossen am" in shown.out  # type: ignore[attr-defined]
    assert "Nachträge" in shown.out  # type: ignore[attr-defined]

    out = tmp_path / "protokoll"
    made = _run(
        run, demo_vault, passphrase_file, "protocols", "pdf", "--id", final["id"], "--out", out
    )
    assert made.code == 0, made.err  # type: ignore[attr-defined]
    pdf = (tmp_path / "protokoll.pdf").read_bytes()
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Gedächtnisprotokoll" in text and "Nachträge" in text and "Gesprächsverlauf" in text
    fonts = subprocess.run(["pdffonts", str(tmp_path / "protokoll.pdf")], capture_output=True,
                           text=True, check=True).stdout.splitlines()[2:]  # fmt: skip
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded

    found = _run(run, demo_vault, passphrase_file, "search", "Briefkasten", "--json")
    hits = json.loads(found.out)  # type: ignore[attr-defined]
    assert hits and all(h["kind"] == "protocol" for h in hits)
    assert "[Briefkasten]" in hits[0]["snippet"]
    nothing = _run(run, demo_vault, passphrase_file, "search", "zzzquux")
    assert "Nichts gefunden" in nothing.out  # type: ignore[attr-defined]


def test_unknown_protocol_is_a_clear_error(
    run: Run, demo_vault: Path, passphrase_file: Path
) -> None:
    result = _run(run, demo_vault, passphrase_file, "protocols", "show", "--id", "nope")
    assert result.code == 1 and "Protokoll" in result.err  # type: ignore[attr-defined]
