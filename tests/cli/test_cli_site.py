"""`outreach-desktop site check`: the installed site configuration, file by file, in German;
exit 1 when a file is broken, so IT's roll-out script can stop on it."""

from __future__ import annotations

import os
from pathlib import Path

from testkit.cli import Run


def test_an_empty_site_uses_the_built_in_defaults(run: Run, tmp_path: Path) -> None:
    result = run("site", "check", "--dir", tmp_path / "fehlt").ok()
    assert "Der Ordner fehlt: es gelten die eingebauten Vorgaben." in result.out


def test_broken_files_fail_the_check_with_their_reason(run: Run, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "agency.toml").write_text('agency_name = "Jobcenter Musterstadt"\n', "utf-8")
    (site / "logo.png").write_bytes(b"kein Bild")
    result = run("site", "check", "--dir", site)
    assert result.code == 1
    assert "  agency.toml: verwendet" in result.out
    assert "  logo.png: fehlerhaft – keine PNG-Datei" in result.out
    assert "checklists/*.toml: Checklisten" in result.out  # what else could go there
    files = run("site", "check", "--dir", site, "--json")
    assert files.code == 1


def test_without_dir_the_installed_site_folder_is_checked(run: Run, tmp_path: Path) -> None:
    home = Path(os.environ["OUTREACH_DESKTOP_HOME"])
    folder = home / "site-config"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run("site", "check", "--json").json()
    assert result["folder"] == str(folder)
    assert result["files"] == [{"name": "logo.png", "state": "verwendet", "detail": ""}]
