"""The site configuration, file by file: each read as the app reads it and reported as used,
ignored or broken (services/site_config.py, behind `site check` and Hilfe → Über)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from outreach_desktop.domain.agency import AgencySetup
from outreach_desktop.exchange.keys import new_identity
from outreach_desktop.exchange.setup_file import write_setup
from outreach_desktop.services.site_config import SITE_FILES, check_site
from testkit import AgeIdentity

CHECKLIST = Path(__file__).parents[2] / "resources" / "checklists"


def site(tmp_path: Path) -> Path:
    """A folder of its own: fixtures put their files into tmp_path too."""
    folder = tmp_path / "site"
    folder.mkdir()
    return folder


def states(folder: Path) -> dict[str, tuple[str, str]]:
    return {r.name: (r.state, r.detail) for r in check_site(folder)}


def test_no_folder_and_an_empty_folder_are_valid_sites(tmp_path: Path) -> None:
    assert check_site(tmp_path / "missing") == []
    assert check_site(site(tmp_path)) == []


def test_good_files_are_used(tmp_path: Path, pyrage_identity: AgeIdentity) -> None:
    tmp_path = site(tmp_path)
    (tmp_path / "agency.toml").write_text('agency_name = "Jobcenter Musterstadt"\n', "utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    (tmp_path / "recovery-recipient.txt").write_text(
        f"# Dienststelle\n{pyrage_identity.recipient}\n"
    )
    (tmp_path / "checklists").mkdir()
    builtin = sorted(CHECKLIST.glob("*.toml"))[0]
    (tmp_path / "checklists" / builtin.name).write_bytes(builtin.read_bytes())
    (tmp_path / "README.txt").write_text("# notes\n")
    (tmp_path / "agency.toml.example").write_text("# example\n")
    found = states(tmp_path)
    assert found == {
        "agency.toml": ("verwendet", ""),
        "logo.png": ("verwendet", ""),
        "recovery-recipient.txt": ("verwendet", pyrage_identity.recipient),
        f"checklists/{builtin.name}": ("verwendet", ""),
    }


def test_a_signed_setup_file_is_used_and_named(tmp_path: Path) -> None:
    agency = new_identity()
    keys = agency.public
    setup = AgencySetup("Jobcenter Musterstadt", keys.age_recipient, keys.sign_public,
                        agency.fingerprint)  # fmt: skip
    signed = write_setup(setup, agency, datetime(2026, 11, 28, tzinfo=UTC))
    (tmp_path / "agency-setup.json").write_bytes(signed.data)
    state, detail = states(tmp_path)["agency-setup.json"]
    assert state == "verwendet"
    assert "Jobcenter Musterstadt" in detail and setup.fingerprint in detail
    (tmp_path / "agency-setup.json").write_bytes(signed.data.replace(b"Muster", b"Master"))
    assert states(tmp_path)["agency-setup.json"][0] == "fehlerhaft"


def test_broken_and_unknown_files_are_named(tmp_path: Path) -> None:
    tmp_path = site(tmp_path)
    (tmp_path / "agency.toml").write_text('agency_name = "X"\nfax = "1"\n', "utf-8")
    (tmp_path / "logo.png").write_bytes(b"GIF89a")
    (tmp_path / "recovery-recipient.txt").write_text("age1nichtgueltig\n")
    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "kaputt.toml").write_text("[[[\n")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "protocol.toml").write_text("[[templates]]\nfield = 1\n")
    (tmp_path / "agency-setup.jsn").write_text("{}")
    (tmp_path / "vorlagen").mkdir()
    found = states(tmp_path)
    assert found["agency.toml"] == ("verwendet", "unbekannte Schlüssel ignoriert: fax")
    assert found["logo.png"] == ("fehlerhaft", "keine PNG-Datei")
    assert found["recovery-recipient.txt"][0] == "fehlerhaft"
    assert found["checklists/kaputt.toml"] == ("fehlerhaft", "Zeile 1: kein gültiges TOML")
    assert found["templates/protocol.toml"][0] == "fehlerhaft"
    assert found["agency-setup.jsn"] == ("ignoriert", "unbekannte Datei")
    assert found["vorlagen/"] == ("ignoriert", "unbekannter Ordner")


def test_every_declared_file_is_one_the_check_reads() -> None:
    names = {f.name for f in SITE_FILES}
    assert names == {
        "agency.toml", "logo.png", "recovery-recipient.txt", "agency-setup.json",
        "checklists/*.toml", "templates/protocol.toml",
    }  # fmt: skip
