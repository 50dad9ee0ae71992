"""`outreach-desktop dayplan`: the day's Außentermine as a PDF, client names only on request."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.session import Session
from outreach_desktop.services.today import today_overview
from testkit.cli import Run, VaultCli, assert_one_error_line, assert_usage_error

DAY = date(2026, 11, 25)


@pytest.fixture
def demo(session: Session, vault_dir: Path) -> tuple[Path, list[str]]:
    fill_demo(session, clients=12, seed=1, today=DAY)
    names = [e.view.client_name for e in today_overview(session, DAY).today if e.view.client_name]
    session.lock()
    assert names
    return vault_dir, names


@pytest.fixture
def on_demo(run: Run, demo: tuple[Path, list[str]], passphrase_file: Path) -> VaultCli:
    return VaultCli(run, demo[0], passphrase_file)


def text_of(path: Path) -> str:
    pages = pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(p.extract_text() for p in pages).split())


def test_without_names_by_default_with_names_on_request(
    on_demo: VaultCli, demo: tuple[Path, list[str]], tmp_path: Path
) -> None:
    result = on_demo("dayplan", "--date", "25.11.2026", "--out", tmp_path / "plan").ok()
    assert "Außentermine am 25.11.2026, ohne Namen" in result.out
    text = text_of(tmp_path / "plan.pdf")
    assert "Außentermine am Mittwoch, 25.11.2026" in text
    for name in demo[1]:
        assert name not in text
    result = on_demo("dayplan", "--date", "25.11.2026", "--out", tmp_path / "named.pdf",
                     "--with-names").ok()  # fmt: skip
    assert "Sozialdaten" in result.err
    named = text_of(tmp_path / "named.pdf")
    for name in demo[1]:
        assert name in named


def test_an_existing_file_is_kept_without_force(on_demo: VaultCli, tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    assert_one_error_line(on_demo("dayplan", "--date", "25.11.2026", "--out", target))
    assert target.read_bytes() == b"old"
    on_demo("dayplan", "--date", "25.11.2026", "--out", target, "--force").ok()
    assert target.read_bytes().startswith(b"%PDF")


def test_a_wrong_date_is_a_usage_error(on_demo: VaultCli, tmp_path: Path) -> None:
    assert_usage_error(on_demo("dayplan", "--date", "31.02.2026", "--out", tmp_path / "p.pdf"),
                       "--date")  # fmt: skip
