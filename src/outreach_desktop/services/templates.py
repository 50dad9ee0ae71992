"""Text templates (Textvorlagen) for memory protocols: the agency's in resources/templates/
(replaceable in the site configuration like the checklists) and personal ones in the vault.
Placeholders are filled from the protocol: {client}, {date}, {time}, {place}, {staff},
{approach}."""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from outreach_desktop import paths
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.resources import resources_dir
from outreach_desktop.services.checklists import toml_where
from outreach_desktop.services.people import ClientService, StaffService
from outreach_desktop.storage.protocol_repo import TemplateRepository, TextTemplate

log = logging.getLogger(__name__)
FILE = "protocol.toml"
PLACEHOLDERS = ("client", "date", "time", "place", "staff", "approach")


@dataclass(frozen=True)
class Template:
    field: str
    title: str
    body: str
    personal: bool = False
    id: str = ""
    approach: str = ""  # only for this approach ("" = any)


def _parse(path: Path) -> list[Template]:
    data = tomllib.loads(path.read_text("utf-8"))
    return [
        Template(
            str(t["field"]), str(t["title"]), str(t["body"]), approach=str(t.get("approach", ""))
        )
        for t in data.get("templates", [])
    ]


def agency_templates(site: Path | None = None) -> tuple[list[Template], str]:
    """The agency's templates and, if its own file in the site configuration could not be used,
    why (in German, with file and line); the built-in templates stand in then."""
    override = (site or paths.site_config_dir()) / "templates" / FILE
    problem = ""
    if override.is_file():
        try:
            return _parse(override), ""
        except tomllib.TOMLDecodeError as exc:
            problem = f"{FILE}: {toml_where(exc)}: kein gültiges TOML"
        except (OSError, UnicodeDecodeError):
            problem = f"{FILE}: Datei nicht lesbar"
        except (KeyError, TypeError, AttributeError):
            problem = f"{FILE}: jede Vorlage braucht field, title und body"
        log.warning("agency templates not used: %s", problem)
        problem = (
            f"Vorlagen der Dienststelle nicht verwendet ({problem}); es gelten die mitgelieferten."
        )
    return _parse(resources_dir() / "templates" / FILE), problem


_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


def fill(body: str, values: dict[str, str]) -> str:
    """Replace exactly the known placeholders; any other braces stay as written (no format
    specs, attribute lookups or other str.format behaviour reaches a template)."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), body)


class TemplateService:
    """Made by `Session.templates()`; reads the agency's templates when made."""

    def __init__(
        self, repo: TemplateRepository, clients: ClientService, staff: StaffService
    ) -> None:
        self._repo = repo
        self._clients = clients
        self._staff = staff
        self.agency, self.problem = agency_templates()

    def for_field(self, field: str) -> list[Template]:
        own = [
            Template(t.field, t.title, t.body, personal=True, id=t.id)
            for t in self._repo.all()
            if t.field == field
        ]
        return [t for t in self.agency if t.field == field] + own

    def add_personal(self, field: str, title: str, body: str) -> Template:
        saved = self._repo.save(TextTemplate(field=field, title=title.strip(), body=body))
        return Template(saved.field, saved.title, saved.body, personal=True, id=saved.id)

    def delete_personal(self, template_id: str) -> None:
        self._repo.delete(template_id)

    def values(self, protocol: Protocol) -> dict[str, str]:
        client = self._clients.find(protocol.client_id) if protocol.client_id else None
        staff = self._staff.names()
        return {
            "client": client.display_name if client else "",
            "date": protocol.met_at.strftime("%d.%m.%Y"),
            "time": protocol.met_at.strftime("%H:%M"),
            "place": protocol.place.replace("\n", ", "),
            "staff": " und ".join(staff.get(i, "") for i in protocol.staff_ids if i in staff),
            "approach": protocol.approach.label_de,
        }

    def render(self, template: Template, protocol: Protocol) -> str:
        return fill(template.body, self.values(protocol))
