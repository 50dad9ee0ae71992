"""How one field of a domain record goes into a record's JSON `fields` and back, and what its
JSON Schema says. Each kind of record is a list of these (record_kinds.py); to_record,
from_record and the published schemas are all derived from that one list."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

Json = Any
Schema = dict[str, Any]

# `$` would also match before a final newline (Python's re): fixed forms also fix the length.
NO_NUL = "^[^\\u0000]*$"
ID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
LOCAL_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$"
UTC_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SHA256_PATTERN = "^[0-9a-f]{64}$"
DEFS: dict[str, Schema] = {
    "id": {"type": "string", "pattern": ID_PATTERN, "minLength": 36, "maxLength": 36},
    "local_time": {"type": "string", "pattern": LOCAL_PATTERN, "minLength": 19, "maxLength": 19},
    "utc_time": {"type": "string", "pattern": UTC_PATTERN, "minLength": 20, "maxLength": 20},
    "date": {"type": "string", "pattern": DATE_PATTERN, "minLength": 10, "maxLength": 10},
    "sha256": {"type": "string", "pattern": SHA256_PATTERN, "minLength": 64, "maxLength": 64},
}
MAX_REVISION = 2**31 - 1


def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def local_text(value: datetime) -> str:
    """A local wall-clock time as the domain keeps it: naive, whole seconds."""
    if value.tzinfo is not None or value.microsecond:
        raise ValueError("Ortszeiten reisen ohne Zeitzone und in ganzen Sekunden.")
    return value.isoformat(timespec="seconds")


def utc_text(value: datetime) -> str:
    if value.tzinfo is None or value.microsecond:
        raise ValueError("UTC-Zeiten brauchen eine Zeitzone und ganze Sekunden.")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_from(text: str) -> datetime:
    return datetime.fromisoformat(text.removesuffix("Z")).replace(tzinfo=UTC)


@dataclass(frozen=True)
class Field:
    """A field whose JSON value is the domain value itself (base for the others)."""

    name: str  # key in `fields` and attribute of the domain object
    doc: str = ""
    nullable: bool = False  # None travels as null
    source: str = ""  # the domain attribute, where it is not named `name`

    @property
    def attr(self) -> str:
        return self.source or self.name

    @property
    def restores(self) -> bool:
        """False for a field the domain object cannot be rebuilt from (a digest)."""
        return True

    def to_json(self, value: Any) -> Json:
        return None if value is None and self.nullable else self.dump(value)

    def from_json(self, data: Json) -> Any:
        return None if data is None and self.nullable else self.load(data)

    def full_schema(self) -> Schema:
        shape = self.schema()
        if self.nullable:
            shape = {"anyOf": [shape, {"type": "null"}]}
        return {**shape, "description": self.doc} if self.doc else shape

    def dump(self, value: Any) -> Json:
        return value

    def load(self, data: Json) -> Any:
        return data

    def schema(self) -> Schema:
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Field):
    max_len: int = 2000
    min_len: int = 0

    def dump(self, value: Any) -> Json:
        if not isinstance(value, str):
            raise TypeError(f"{self.name}: Text erwartet")
        return value

    def schema(self) -> Schema:
        shape: Schema = {"type": "string", "pattern": NO_NUL, "maxLength": self.max_len}
        return {**shape, "minLength": self.min_len} if self.min_len else shape


@dataclass(frozen=True)
class Shaped(Text):
    """Text of a fixed shape, its schema given whole."""

    shape: Schema = field(default_factory=dict)

    def schema(self) -> Schema:
        return dict(self.shape)


@dataclass(frozen=True)
class Ref(Field):
    """The id of another record."""

    def schema(self) -> Schema:
        return ref("id")


@dataclass(frozen=True)
class Refs(Field):
    min_items: int = 0
    max_items: int = 100
    unique: bool = False

    def dump(self, value: Any) -> Json:
        return list(value)

    def load(self, data: Json) -> Any:
        return list(data)

    def schema(self) -> Schema:
        shape: Schema = {"type": "array", "items": ref("id"), "maxItems": self.max_items}
        if self.min_items:
            shape["minItems"] = self.min_items
        return {**shape, "uniqueItems": True} if self.unique else shape


@dataclass(frozen=True)
class Flag(Field):
    def dump(self, value: Any) -> Json:
        if not isinstance(value, bool):
            raise TypeError(f"{self.name}: Wahrheitswert erwartet")
        return value

    def schema(self) -> Schema:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Whole(Field):
    minimum: int = 0
    maximum: int = MAX_REVISION

    def dump(self, value: Any) -> Json:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{self.name}: ganze Zahl erwartet")
        return value

    def schema(self) -> Schema:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class Choice(Field):
    """An enum, by its stored value."""

    enum: type[StrEnum] = StrEnum

    def dump(self, value: Any) -> Json:
        return self.enum(value).value

    def load(self, data: Json) -> Any:
        return self.enum(data)

    def schema(self) -> Schema:
        return {"type": "string", "enum": [member.value for member in self.enum]}


@dataclass(frozen=True)
class LocalTime(Field):
    def dump(self, value: Any) -> Json:
        return local_text(value)

    def load(self, data: Json) -> Any:
        return datetime.fromisoformat(data)

    def schema(self) -> Schema:
        return ref("local_time")


@dataclass(frozen=True)
class Day(Field):
    def dump(self, value: Any) -> Json:
        if isinstance(value, datetime) or not isinstance(value, date):
            raise TypeError(f"{self.name}: Datum erwartet")
        return value.isoformat()

    def load(self, data: Json) -> Any:
        return date.fromisoformat(data)

    def schema(self) -> Schema:
        return ref("date")


@dataclass(frozen=True)
class Items(Field):
    """A list of small values (addenda, events, persons present): each an object of `parts`,
    made back by `make` (a dataclass, or `tuple` for plain pairs)."""

    parts: tuple[Field, ...] = ()
    make: Callable[..., Any] = tuple
    max_items: int = 1000

    def dump(self, value: Any) -> Json:
        if self.make is tuple:
            return [{p.name: p.to_json(v) for p, v in zip(self.parts, item, strict=True)}
                    for item in value]  # fmt: skip
        return [{p.name: p.to_json(getattr(item, p.attr)) for p in self.parts} for item in value]

    def load(self, data: Json) -> Any:
        if self.make is tuple:
            return [tuple(p.from_json(item[p.name]) for p in self.parts) for item in data]
        return [self.make(**{p.attr: p.from_json(item[p.name]) for p in self.parts})
                for item in data]  # fmt: skip

    def schema(self) -> Schema:
        item = {
            "type": "object",
            "additionalProperties": False,
            "required": [p.name for p in self.parts],
            "properties": {p.name: p.full_schema() for p in self.parts},
        }
        return {"type": "array", "items": item, "maxItems": self.max_items}


@dataclass(frozen=True)
class Digest(Field):
    """SHA-256 (hex) of bytes the record does not carry (they travel as their own member)."""

    @property
    def restores(self) -> bool:
        return False

    def dump(self, value: Any) -> Json:
        return hashlib.sha256(value).hexdigest()

    def schema(self) -> Schema:
        return ref("sha256")
