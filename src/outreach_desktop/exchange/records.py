"""Records in and out of the exchange's JSON (docs/exchange-format.md, "Records").

`to_record` turns a stored domain record into {"id", "revision", "origin_device", "created_at",
"updated_at", "content_hash", "fields"} and `from_record` turns it back (a consent's signed form
is passed beside it); `content_hash` is the record's digest; `parse_member` checks the bytes of
`records/<kind>.json` and returns its records or refuses them (BundleRefused, one German
sentence); `dump_member` writes those bytes, checked the same way before they go.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from outreach_desktop.domain.consents import Consent
from outreach_desktop.domain.records import Record
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.json_text import InvalidJson, canonical_json, strict_json
from outreach_desktop.exchange.record_fields import utc_from, utc_text
from outreach_desktop.exchange.record_kinds import SPECS, KindSpec, RecordKind, spec_for
from outreach_desktop.exchange.schemas import schema_problem

Json = dict[str, Any]
FORM_DIGEST = "signed_form_sha256"


def member_name(kind: str) -> str:
    return f"records/{kind}.json"


def form_member(consent_id: str) -> str:
    """Where a consent's signed form travels."""
    return f"forms/{consent_id}.pdf"


def content_hash(kind: str, record_id: str, fields: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of {"kind", "id", "fields"}."""
    spec_for(kind)
    body = {"kind": kind, "id": record_id, "fields": dict(fields)}
    return hashlib.sha256(canonical_json(body)).hexdigest()


def to_record(kind: str, obj: Record) -> Json:
    """The record as it travels. Only stored records go (revision ≥ 1); a local time with a
    zone or a fraction of a second is a ValueError (the vault keeps neither)."""
    spec = spec_for(kind)
    if type(obj) is not spec.make:
        raise TypeError(f"{kind} takes {spec.make.__name__}, not {type(obj).__name__}")
    if obj.revision < 1 or obj.origin_device is None:
        raise ValueError("Nur gespeicherte Einträge werden übergeben.")
    if obj.created_at is None or obj.updated_at is None:
        raise ValueError("Nur gespeicherte Einträge werden übergeben.")
    fields = {f.name: f.to_json(getattr(obj, f.attr)) for f in spec.fields}
    return {
        "id": obj.id,
        "revision": obj.revision,
        "origin_device": obj.origin_device,
        "created_at": utc_text(obj.created_at),
        "updated_at": utc_text(obj.updated_at),
        "content_hash": content_hash(kind, obj.id, fields),
        "fields": fields,
    }


def from_record(kind: str, record: Mapping[str, Any], *, signed_form: bytes | None = None
                ) -> Record:  # fmt: skip
    """The domain object of a record that parse_member returned. A consent whose record names
    a signed form takes its bytes as `signed_form` (the member forms/<id>.pdf); they must be
    exactly the form the record names (BundleRefused otherwise). Attributes that do not travel
    get their defaults (see record_kinds.py)."""
    spec = spec_for(kind)
    obj = _build(spec, record)
    if isinstance(obj, Consent):
        _attach_form(obj, record["fields"][FORM_DIGEST], signed_form)
    elif signed_form is not None:
        raise ValueError(f"{kind} have no signed form")
    return obj


def _build(spec: KindSpec, record: Mapping[str, Any]) -> Record:
    fields = record["fields"]
    values = {f.attr: f.from_json(fields[f.name]) for f in spec.fields if f.restores}
    return spec.make(
        id=record["id"],
        revision=record["revision"],
        origin_device=record["origin_device"],
        created_at=utc_from(record["created_at"]),
        updated_at=utc_from(record["updated_at"]),
        **values,
    )


def _attach_form(consent: Consent, digest: str | None, form: bytes | None) -> None:
    member = form_member(consent.id)
    if digest is None and form is not None:
        raise BundleRefused(
            f"Die Einwilligung {consent.id} nennt kein Formular, aber {member} liegt bei."
        )
    if digest is not None and form is None:
        raise BundleRefused(f"Zur Einwilligung {consent.id} fehlt das Formular {member}.")
    if form is not None and hashlib.sha256(form).hexdigest() != digest:
        raise BundleRefused(f"Das Formular {member} ist nicht das der Einwilligung {consent.id}.")
    consent.signed_pdf = form


def _refuse(kind: str, problem: str) -> BundleRefused:
    return BundleRefused(f"Die Datei {member_name(kind)} im Paket {problem}.")


JSON_PROBLEMS = {
    "not valid UTF-8": "ist kein gültiges UTF-8",
    "duplicate key": "enthält einen Schlüssel doppelt",
    "NUL character in a string": "enthält ein NUL-Zeichen",
    "numbers must be integers": "enthält eine Zahl, die keine ganze Zahl ist",
    "nested too deeply": "ist zu tief verschachtelt",
    "a string is not valid Unicode (lone surrogate)": "enthält Text, der kein gültiges Unicode ist",
}


def parse_member(kind: str, data: bytes) -> list[Json]:
    """The records of the member `records/<kind>.json`, every one checked: strict UTF-8 JSON
    (no duplicate keys, no NUL, integers only), valid against the kind's schema, each id once,
    each content hash recomputed, each record convertible. Anything else: BundleRefused."""
    if kind not in SPECS:
        raise BundleRefused("Das Paket enthält Einträge einer unbekannten Art.")
    try:
        document = strict_json(data)
    except InvalidJson as error:
        raise _refuse(kind, JSON_PROBLEMS.get(str(error), "ist kein gültiges JSON")) from None
    problem = schema_problem(kind, document)
    if problem is not None:
        raise _refuse(kind, f"ist ungültig: {problem}")
    seen: set[str] = set()
    for record in document:
        record_id = record["id"]
        if record_id in seen:
            raise _refuse(kind, f"enthält den Eintrag {record_id} mehrfach")
        seen.add(record_id)
        if content_hash(kind, record_id, record["fields"]) != record["content_hash"]:
            raise _refuse(kind, f"enthält den Eintrag {record_id} mit falscher Prüfsumme")
        _check_values(kind, record)
    return list(document)


def _check_values(kind: str, record: Json) -> None:
    """What the schema cannot say: that dates exist (no 31 February)."""
    try:
        _build(SPECS[kind], record)
    except (ValueError, TypeError, OverflowError):
        raise _refuse(kind, f"enthält im Eintrag {record['id']} ein ungültiges Datum") from None


def dump_member(kind: str, records: Sequence[Json]) -> bytes:
    """The bytes of `records/<kind>.json`; refused (BundleRefused) unless parse_member would
    take them, so nothing goes out that the office would refuse."""
    text = json.dumps(list(records), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise _refuse(kind, "enthält Text, der kein gültiges Unicode ist") from None
    parse_member(kind, data)
    return data


__all__ = [
    "RecordKind",
    "content_hash",
    "dump_member",
    "form_member",
    "from_record",
    "member_name",
    "parse_member",
    "to_record",
]
