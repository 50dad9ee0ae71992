"""Without a joined setup file the laptop follows the rules in the site configuration file
(agency.toml, [rules]); an unusable table leaves the instruction's values, with a German reason,
and the site check names it. The caseworker's settings never set a rule."""

from __future__ import annotations

import json
from pathlib import Path

from outreach_desktop import paths
from outreach_desktop.domain.agency import RulesSource
from outreach_desktop.domain.home_visit import TimelineSettings
from outreach_desktop.services.session import Session
from outreach_desktop.services.settings import load_settings, save_settings, settings_path
from outreach_desktop.services.site_config import check_site
from outreach_desktop.services.vaults import unlock_vault
from testkit import PASSPHRASE


def _site(text: str) -> Path:
    folder = paths.site_config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "agency.toml").write_text(text, "utf-8")
    return folder / "agency.toml"


def _reopen(session: Session, vault_dir: Path) -> Session:
    session.lock()
    return unlock_vault(vault_dir, PASSPHRASE)


def test_nothing_configured_means_the_instruction(session: Session) -> None:
    assert session.rules.source is RulesSource.DEFAULT and session.rules.problem == ""
    assert session.workflow.timeline_settings == TimelineSettings()


def test_the_site_file_sets_the_rules(session: Session, vault_dir: Path) -> None:
    path = _site('agency_name = "Jobcenter Lüchow"\n[rules]\nmin_failed_calls = 3\n'
                 "reminder_due_days = 6\n")  # fmt: skip
    opened = _reopen(session, vault_dir)
    try:
        assert opened.rules.source is RulesSource.SITE and opened.rules.detail == str(path)
        expected = TimelineSettings(min_failed_calls=3, reminder_due_days=6)
        assert opened.rules.timeline == expected == opened.workflow.timeline_settings
    finally:
        opened.lock()
    assert [(r.name, r.state) for r in check_site()] == [("agency.toml", "verwendet")]


def test_an_invalid_site_rule_leaves_the_instruction_and_says_why(
    session: Session, vault_dir: Path
) -> None:
    path = _site("[rules]\nmin_failed_calls = 0\nreminder_due_days = 30\n")
    opened = _reopen(session, vault_dir)
    try:
        assert opened.rules.source is RulesSource.DEFAULT
        assert opened.workflow.timeline_settings == TimelineSettings()
        assert opened.rules.problem.startswith(f"Die Regeln in {path} wurden nicht verwendet")
        assert "Erinnerung spätestens" in opened.rules.problem
        assert opened.rules.problem.endswith("Es gelten die Vorgaben.")
    finally:
        opened.lock()
    [report] = check_site()
    assert report.state == "fehlerhaft" and "Erinnerung spätestens" in report.detail


def test_the_caseworkers_settings_set_no_rule(session: Session, vault_dir: Path) -> None:
    save_settings(load_settings())
    path = settings_path()
    stored = json.loads(path.read_text("utf-8"))
    path.write_text(json.dumps({**stored, "min_failed_calls": 0}), "utf-8")  # an older file
    opened = _reopen(session, vault_dir)
    try:
        assert opened.workflow.timeline_settings.min_failed_calls == 2  # not switched off
    finally:
        opened.lock()
