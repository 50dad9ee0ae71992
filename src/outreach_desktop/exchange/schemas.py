"""The JSON Schemas (draft 2020-12) of the record members: made from the kinds' field lists,
published as files in resources/exchange/schemas/ (the wheel carries them), and used from those
files to check every member read. A German sentence for the first problem found."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from outreach_desktop.exchange.record_fields import DEFS, MAX_REVISION, Schema, ref
from outreach_desktop.exchange.record_kinds import SPECS, spec_for
from outreach_desktop.resources import resources_dir

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ENVELOPE = ("id", "revision", "origin_device", "created_at", "updated_at", "content_hash",
            "fields")  # fmt: skip


def schema_dir() -> Path:
    return resources_dir() / "exchange" / "schemas"


def schema_path(kind: str) -> Path:
    return schema_dir() / f"{spec_for(kind).kind.value}.schema.json"


def member_schema(kind: str) -> Schema:
    """The schema of `records/<kind>.json`, made from the kind's fields."""
    spec = spec_for(kind)
    fields = {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in spec.fields],
        "properties": {f.name: f.full_schema() for f in spec.fields},
    }
    record = {
        "type": "object",
        "additionalProperties": False,
        "required": list(ENVELOPE),
        "properties": {
            "id": ref("id"),
            "revision": {"type": "integer", "minimum": 1, "maximum": MAX_REVISION},
            "origin_device": {**ref("id"), "description": "the device that last changed it"},
            "created_at": ref("utc_time"),
            "updated_at": ref("utc_time"),
            "content_hash": {
                **ref("sha256"),
                "description": 'SHA-256 of the canonical JSON of {"kind", "id", "fields"}',
            },
            "fields": fields,
        },
    }
    return {
        "$schema": DRAFT,
        "$id": f"urn:outreach-desktop:exchange:1:records:{spec.kind.value}",
        "title": f"records/{spec.kind.value}.json: {spec.title}",
        "description": "Outreach Desktop exchange format v1 (docs/exchange-format.md).",
        "type": "array",
        "items": ref("record"),
        "$defs": {**DEFS, "record": record},
    }


def schema_text(kind: str) -> str:
    """The published file's text."""
    return json.dumps(member_schema(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """(Re)write every kind's schema file into `folder` (tools/write_exchange_schemas.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SPECS:
        path = folder / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


@cache
def validator(kind: str) -> Draft202012Validator:
    """The validator of the published schema file (read once)."""
    schema = json.loads(schema_path(kind).read_text("utf-8"))
    return Draft202012Validator(schema)


PROBLEMS = {
    "type": "hat den falschen Typ",
    "maxLength": "ist zu lang",
    "minLength": "ist zu kurz",
    "pattern": "hat nicht die vorgeschriebene Form",
    "enum": "hat einen unbekannten Wert",
    "const": "hat einen unbekannten Wert",
    "anyOf": "hat nicht die vorgeschriebene Form",
    "minimum": "liegt unter dem erlaubten Bereich",
    "maximum": "liegt über dem erlaubten Bereich",
    "minItems": "hat zu wenige Einträge",
    "maxItems": "hat zu viele Einträge",
    "uniqueItems": "enthält einen Wert doppelt",
    "additionalProperties": "enthält ein Feld, das das Format nicht kennt",
}


def schema_problem(kind: str, document: Any) -> str | None:
    """Where and how `document` breaks the kind's schema, in German without any of its values
    (they may be personal data); None if it is valid."""
    error = best_match(validator(kind).iter_errors(document))
    if error is None:
        return None
    return _describe(error)


def _describe(error: ValidationError) -> str:
    path = list(error.absolute_path)
    if not path and error.validator == "type":
        return "ist keine Liste von Einträgen"
    where = f"Eintrag {int(path[0]) + 1}" if path else "die Liste"
    inner = ".".join(str(part) for part in path[1:])
    if error.validator == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        name = ".".join(p for p in (inner, missing[0] if missing else "") if p)
        return f"{where}: das Feld „{name}“ fehlt"
    problem = PROBLEMS.get(str(error.validator), "ist ungültig")
    return f"{where}, Feld „{inner}“ {problem}" if inner else f"{where} {problem}"
