"""Loading checklists: the built-in files in resources/checklists/, replaced per id by an
agency's files in the site configuration folder. An invalid agency file is reported (file and
line) and the built-in checklist is used instead."""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from outreach_desktop import paths
from outreach_desktop.domain.checklists import Checklist, ChecklistError, parse_checklist
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.resources import resources_dir

log = logging.getLogger(__name__)

OVERRIDE_DIR = "checklists"


def builtin_dir() -> Path:
    return resources_dir() / "checklists"


def override_dir() -> Path:
    return paths.site_config_dir() / OVERRIDE_DIR


def toml_where(exc: tomllib.TOMLDecodeError) -> str:
    """ "Zeile N" for a TOML syntax error (Python 3.14 has exc.lineno; before, only the text)."""
    line = getattr(exc, "lineno", None)
    if line is None:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found[1]) if found else None
    return f"Zeile {line}" if line else "Syntax"


def load_file(path: Path) -> Checklist:
    """Parse one checklist file; ChecklistError names the file and line or item."""
    name = path.name
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecklistError(name, "Datei", f"nicht lesbar ({type(exc).__name__})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ChecklistError(name, toml_where(exc), "kein gültiges TOML") from None
    return parse_checklist(data, name)


@dataclass
class ChecklistSet:
    checklists: dict[str, Checklist] = field(default_factory=dict)
    problems: list[ChecklistError] = field(default_factory=list)  # agency files not used

    def for_approach(self, approach: Approach) -> list[Checklist]:
        """The approach's checklist first, then those for every approach (data protection)."""
        own = [c for c in self.checklists.values() if c.approach is approach]
        common = [c for c in self.checklists.values() if c.approach is None]
        return sorted(own, key=lambda c: c.id) + sorted(common, key=lambda c: c.id)

    def get(self, checklist_id: str) -> Checklist | None:
        return self.checklists.get(checklist_id)


def load_checklists(builtin: Path | None = None, overrides: Path | None = None) -> ChecklistSet:
    result = ChecklistSet()
    for path in sorted((builtin or builtin_dir()).glob("*.toml")):
        checklist = load_file(path)  # a broken built-in file is a bug: let it raise
        result.checklists[checklist.id] = checklist
    folder = overrides or override_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                checklist = load_file(path)
            except ChecklistError as exc:
                log.warning("agency checklist %s not used", path.name)
                result.problems.append(exc)
                continue
            if checklist.id not in result.checklists:
                result.problems.append(
                    ChecklistError(path.name, "Kopf", f"unbekannte Checkliste {checklist.id!r}")
                )
                continue
            result.checklists[checklist.id] = checklist
    return result
