"""The wording of forms and letters, read from `resources/forms/<kind>/<language>.toml`.

Texts of legal weight live in data files so the agency can review and version them without
touching code. German is authoritative (`reviewed = true`); translations are written for this
project and carry `reviewed = false` until the agency has checked them. Every file has a
`version`; `form_version()` joins the versions of the German and the translated file, and that
string is stored on the consent, so it is always known which wording a client signed.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from outreach_desktop.domain.documents import DOCUMENT_LANGUAGES, DocumentKind
from outreach_desktop.resources import resources_dir

BLANK = "________"  # a value missing from the vault: a line to fill in by hand

# Every placeholder a text may use; tests check the files against this list.
PLACEHOLDERS = frozenset(
    {
        "client_name",
        "customer_number",
        "date",
        "weekday",
        "time",
        "end_time",
        "duration",
        "place",
        "staff",
        "caseworker",
        "caseworker_phone",
        "caseworker_email",
        "third_party",
        "third_party_address",
        "purpose",
        "topics",
        "valid_until",
        "others_present",
        "main_caseworker",
        "cancel_contact",
        "recognition_sign",
        "exception_reason",
        "agency",
        "agency_phone",
        "agency_address",
    }
)

_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


class FormTextError(ValueError):
    """A text file is missing or malformed (a packaging or editing error)."""


@dataclass(frozen=True)
class Section:
    id: str
    text: str
    heading: str = ""
    when: str = ""  # include only if this placeholder has a value, or "approach=<value>"
    block: str = ""  # a structured block the renderer inserts after the text
    checkbox: str = ""  # a tick box, ticked if the data's choice has this value


@dataclass(frozen=True)
class FormText:
    kind: DocumentKind
    language: str
    version: str
    reviewed: bool
    title: str
    sections: tuple[Section, ...]
    greeting: str = ""  # letters
    closing: str = ""  # letters
    staff_signature: bool = True  # forms: a box for the staff member's signature

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)


@dataclass(frozen=True)
class CommonText:
    """Labels and fixed phrases shared by all documents in one language."""

    language: str
    version: str
    reviewed: bool
    language_name: str  # the language's name in itself ("Українська")
    language_name_de: str  # and in German ("Ukrainisch")
    authoritative: str  # "Maßgeblich ist der deutsche Text." in this language
    and_word: str
    weekdays: tuple[str, ...]
    labels: Mapping[str, str]

    def label(self, key: str) -> str:
        try:
            return self.labels[key]
        except KeyError:
            raise FormTextError(f"label {key!r} missing in common/{self.language}.toml") from None


def forms_dir() -> Path:
    return resources_dir() / "forms"


def _load(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise FormTextError(f"text file missing: {path}") from None
    except tomllib.TOMLDecodeError as error:
        raise FormTextError(f"{path}: {error}") from None


def _check_language(language: str) -> None:
    if language not in DOCUMENT_LANGUAGES:
        raise FormTextError(f"unsupported language {language!r}")


def _str(raw: Mapping[str, object], key: str, path: Path, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str):
        raise FormTextError(f"{path}: {key!r} must be a string")
    return value.strip()


@cache
def form_text(kind: DocumentKind, language: str) -> FormText:
    _check_language(language)
    path = forms_dir() / kind.value / f"{language}.toml"
    raw = _load(path)
    sections = []
    raw_sections = raw.get("section", [])
    if not isinstance(raw_sections, list):
        raise FormTextError(f"{path}: 'section' must be an array of tables")
    for item in raw_sections:
        section = Section(
            id=_str(item, "id", path),
            text=_str(item, "text", path, ""),
            heading=_str(item, "heading", path, ""),
            when=_str(item, "when", path, ""),
            block=_str(item, "block", path, ""),
            checkbox=_str(item, "checkbox", path, ""),
        )
        if not _NAME.match(section.id):
            raise FormTextError(f"{path}: bad section id {section.id!r}")
        sections.append(section)
    reviewed = raw.get("reviewed")
    if not isinstance(reviewed, bool):
        raise FormTextError(f"{path}: 'reviewed' must be true or false")
    return FormText(
        kind=kind,
        language=language,
        version=_str(raw, "version", path),
        reviewed=reviewed,
        title=_str(raw, "title", path),
        sections=tuple(sections),
        greeting=_str(raw, "greeting", path, ""),
        closing=_str(raw, "closing", path, ""),
        staff_signature=bool(raw.get("staff_signature", True)),
    )


@cache
def common_text(language: str) -> CommonText:
    _check_language(language)
    path = forms_dir() / "common" / f"{language}.toml"
    raw = _load(path)
    labels = raw.get("labels", {})
    weekdays = raw.get("weekdays", [])
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise FormTextError(f"{path}: [labels] must map names to strings")
    if not isinstance(weekdays, list) or len(weekdays) != 7:
        raise FormTextError(f"{path}: 'weekdays' must list seven names, Monday first")
    reviewed = raw.get("reviewed")
    if not isinstance(reviewed, bool):
        raise FormTextError(f"{path}: 'reviewed' must be true or false")
    return CommonText(
        language=language,
        version=_str(raw, "version", path),
        reviewed=reviewed,
        language_name=_str(raw, "language_name", path),
        language_name_de=_str(raw, "language_name_de", path),
        authoritative=_str(raw, "authoritative", path),
        and_word=_str(raw, "and", path),
        weekdays=tuple(str(day) for day in weekdays),
        labels={key: value.strip() for key, value in labels.items()},
    )


def form_version(kind: DocumentKind | str, language: str) -> str:
    """The wording a document of `kind` in `language` uses, e.g. "de:2026-11-1+ar:2026-11-1"
    (German only: "de:2026-11-1"). Store it on the consent the form records."""
    kind = DocumentKind(kind)
    german = form_text(kind, "de")
    if language == "de":
        return f"de:{german.version}"
    other = form_text(kind, language)
    return f"de:{german.version}+{language}:{other.version}"


def placeholders_in(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def fill(template: str, values: Mapping[str, str]) -> str:
    """Put the values into `{name}` placeholders; a missing or empty value becomes BLANK."""
    unknown = placeholders_in(template) - PLACEHOLDERS
    if unknown:
        raise FormTextError(f"unknown placeholder(s) {sorted(unknown)} in {template[:40]!r}")
    return template.format_map({name: values.get(name) or BLANK for name in PLACEHOLDERS})


def is_included(section: Section, values: Mapping[str, str]) -> bool:
    """Whether a conditional section applies to this document."""
    if not section.when:
        return True
    name, _, expected = section.when.partition("=")
    if name.endswith("!"):  # "approach!=home-visit": every other value
        return values.get(name[:-1], "") != expected
    if expected:
        return values.get(name, "") == expected
    return bool(values.get(name))
