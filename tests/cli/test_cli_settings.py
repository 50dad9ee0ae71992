"""A settings file that is not what we wrote: the command still runs, with one German warning
on stderr, once; the file is kept aside."""

from __future__ import annotations

from pathlib import Path

from outreach_desktop.services.settings import settings_path
from testkit.cli import VaultCli


def test_a_broken_settings_file_is_one_warning_and_the_command_runs(on_vault: VaultCli) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[" * 30_000 + b"]" * 30_000)  # RecursionError in json
    result = on_vault("clients", "list").ok()
    [warning] = result.err_lines
    assert warning.startswith(f"Warnung: Die Einstellungsdatei {path} ließ sich nicht verwenden")
    assert "Standardeinstellungen" in warning and "settings.json.defekt-" in warning
    assert "Interner" not in result.err
    [kept] = path.parent.glob("settings.json.defekt-*")
    assert Path(warning.split("unter ", 1)[1].split(";")[0]) == kept
    assert on_vault("clients", "list").ok().err == ""  # said once


def test_a_wrong_type_in_settings_is_a_warning_too(on_vault: VaultCli) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"agency_name": {"kaputt": true}}', "utf-8")
    result = on_vault("vault", "info").ok()
    assert "Warnung: Die Einstellungsdatei" in result.err
