"""The site configuration IT installs for every user of a machine: each file declared once here
(what it is for), and a check of a site folder that reads every file the way the app reads it
and reports each as used, ignored or broken (`outreach-desktop site check`, Hilfe → Über)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal

from outreach_desktop import paths
from outreach_desktop.domain.agency import site_rules_from_dict
from outreach_desktop.domain.documents import Letterhead
from outreach_desktop.domain.errors import UserError, ValidationError
from outreach_desktop.exchange.keys import InvalidKey, parse_recipient
from outreach_desktop.exchange.setup_file import FILE_NAME as SETUP_FILE
from outreach_desktop.exchange.setup_file import read_setup
from outreach_desktop.services.agency import AGENCY_FILE, LOGO_FILE, rules_problem
from outreach_desktop.services.checklists import load_checklists, toml_where
from outreach_desktop.services.templates import FILE as TEMPLATES_FILE
from outreach_desktop.services.templates import agency_templates
from outreach_desktop.services.vaults import RECIPIENT_FILE

State = Literal["verwendet", "ignoriert", "fehlerhaft"]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
NOT_READ = ("README.txt",)  # and every *.example: documentation beside the files


@dataclass(frozen=True)
class SiteFile:
    name: str  # inside the site folder; "checklists/*.toml" stands for each such file
    purpose: str  # German, for the table and `site check`


SITE_FILES = (
    SiteFile(
        AGENCY_FILE,
        "Briefkopf der Dienststelle (Name, Anschrift, Kontakt) und ihre Regeln "
        "für Hausbesuche ([rules])",
    ),
    SiteFile(LOGO_FILE, "Logo auf Briefen und Formularen (PNG)"),
    SiteFile(RECIPIENT_FILE, "Wiederherstellungsschlüssel der Dienststelle (age1…)"),
    SiteFile(SETUP_FILE, "Einrichtungsdatei des Austauschs (von `office init`)"),
    SiteFile("checklists/*.toml", "Checklisten, die die eingebaute gleicher ID ersetzen"),
    SiteFile(f"templates/{TEMPLATES_FILE}", "Textvorlagen für Gedächtnisprotokolle"),
)


@dataclass(frozen=True)
class FileReport:
    name: str
    state: State
    detail: str


def site_folder() -> Path:
    return paths.site_config_dir()


def check_site(folder: Path | None = None) -> list[FileReport]:
    """Every file present in the site folder, read as the app reads it. A folder that does not
    exist gives an empty list (nothing installed is a valid site)."""
    folder = folder or site_folder()
    if not folder.is_dir():
        return []
    reports: list[FileReport] = []
    for name, check in _SINGLE_FILES.items():
        if (folder / name).is_file():
            reports.append(_guarded(name, check, folder / name))
    reports += _checklists(folder)
    if (folder / "templates" / TEMPLATES_FILE).is_file():
        _templates, problem = agency_templates(folder)
        state: State = "fehlerhaft" if problem else "verwendet"
        reports.append(FileReport(f"templates/{TEMPLATES_FILE}", state, problem))
    reports += _unknown(folder)
    return reports


def _guarded(name: str, check: Callable[[Path], FileReport], path: Path) -> FileReport:
    try:
        return check(path)
    except OSError as exc:
        return FileReport(name, "fehlerhaft", f"nicht lesbar ({exc.strerror or exc})")


def _agency_toml(path: Path) -> FileReport:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except UnicodeDecodeError:
        return FileReport(path.name, "fehlerhaft", "keine UTF-8-Textdatei")
    except tomllib.TOMLDecodeError as exc:
        return FileReport(path.name, "fehlerhaft", f"{toml_where(exc)}: kein gültiges TOML")
    if "rules" in data:
        try:
            site_rules_from_dict(data["rules"])
        except ValidationError as exc:
            return FileReport(path.name, "fehlerhaft", rules_problem(path, exc))
    known = {f.name for f in fields(Letterhead)} - {"logo_png"} | {"rules"}
    unknown = sorted(set(data) - known)
    detail = f"unbekannte Schlüssel ignoriert: {', '.join(unknown)}" if unknown else ""
    return FileReport(path.name, "verwendet", detail)


def _logo(path: Path) -> FileReport:
    if path.read_bytes()[: len(PNG_MAGIC)] != PNG_MAGIC:
        return FileReport(path.name, "fehlerhaft", "keine PNG-Datei")
    return FileReport(path.name, "verwendet", "")


def _recipient(path: Path) -> FileReport:
    lines = [line.strip() for line in path.read_text("utf-8", errors="replace").splitlines()]
    found = [line for line in lines if line.startswith("age1")]
    if not found:
        return FileReport(path.name, "fehlerhaft", "keine Zeile mit age1…")
    try:
        parse_recipient(found[0])
    except InvalidKey:
        return FileReport(path.name, "fehlerhaft", "kein gültiger age-Empfänger")
    return FileReport(path.name, "verwendet", found[0])


def _setup(path: Path) -> FileReport:
    try:
        signed = read_setup(path.read_bytes())
    except UserError as exc:
        return FileReport(path.name, "fehlerhaft", str(exc))
    setup = signed.setup
    return FileReport(path.name, "verwendet", f"{setup.name}, Fingerabdruck {setup.fingerprint}")


_SINGLE_FILES: dict[str, Callable[[Path], FileReport]] = {
    AGENCY_FILE: _agency_toml,
    LOGO_FILE: _logo,
    RECIPIENT_FILE: _recipient,
    SETUP_FILE: _setup,
}


def _checklists(folder: Path) -> list[FileReport]:
    overrides = folder / "checklists"
    if not overrides.is_dir():
        return []
    problems = {p.source: p for p in load_checklists(overrides=overrides).problems}
    reports = []
    for path in sorted(overrides.glob("*.toml")):
        name = f"checklists/{path.name}"
        problem = problems.get(path.name)
        if problem is None:
            reports.append(FileReport(name, "verwendet", ""))
        elif problem.problem.startswith("unbekannte Checkliste"):
            reports.append(FileReport(name, "ignoriert", problem.problem))
        else:
            reports.append(FileReport(name, "fehlerhaft", f"{problem.where}: {problem.problem}"))
    return reports


def _unknown(folder: Path) -> list[FileReport]:
    """Files the app never reads: named, so a typo in a file name does not go unseen."""
    known = set(_SINGLE_FILES) | set(NOT_READ)
    reports = []
    for path in sorted(folder.iterdir()):
        if path.name in known or path.name.endswith(".example") or path.is_dir():
            if path.is_dir() and path.name not in ("checklists", "templates"):
                reports.append(FileReport(path.name + "/", "ignoriert", "unbekannter Ordner"))
            continue
        reports.append(FileReport(path.name, "ignoriert", "unbekannte Datei"))
    return reports
