"""A small JSON Schema (2020-12) checker for the keywords our schemas use, so tests can hold a
schema against the code that checks the same data without a dependency. A keyword it does not
know is an error: a schema cannot quietly use more than is checked here."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

IGNORED = {"$schema", "$id", "$comment", "$defs", "title", "description"}
# "additionalProperties" (only `false`) is handled in _valid: it needs "properties" beside it
TYPES: dict[str, Callable[[object], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: type(v) is int,
    "boolean": lambda v: isinstance(v, bool),
}


def is_valid(schema: dict[str, Any], value: object) -> bool:
    return _valid(schema, value, schema)


def _valid(schema: dict[str, Any], value: object, root: dict[str, Any]) -> bool:
    checks = {key: word for key, word in schema.items() if key not in IGNORED}
    if "if" in checks:
        branch = checks.get("then", {}) if _valid(checks["if"], value, root) else {}
        if not _valid(branch, value, root):
            return False
    if checks.get("additionalProperties", False) is not False:
        raise ValueError("mini_schema knows only additionalProperties: false")
    closed = checks.get("additionalProperties") is False and isinstance(value, dict)
    if closed and not set(value) <= set(checks.get("properties", {})):
        return False
    for key, word in checks.items():
        if key in ("if", "then", "additionalProperties"):
            continue
        if key not in KEYWORDS:
            raise ValueError(f"mini_schema does not know {key!r}")
        if not KEYWORDS[key](word, value, root):
            return False
    return True


def _ref(word: str, value: object, root: dict[str, Any]) -> bool:
    target: Any = root
    for part in word.removeprefix("#/").split("/"):
        target = target[part]
    return _valid(target, value, root)


def _pattern(word: str, value: object, root: dict[str, Any]) -> bool:
    # ECMA-262 `$` matches only at the very end; Python's also before a final newline
    return not isinstance(value, str) or re.search(word.replace("$", r"\Z"), value) is not None


def _properties(word: dict[str, Any], value: object, root: dict[str, Any]) -> bool:
    if not isinstance(value, dict):
        return True
    return all(_valid(sub, value[key], root) for key, sub in word.items() if key in value)


def _unique(word: bool, value: object, root: dict[str, Any]) -> bool:
    if not word or not isinstance(value, list):
        return True
    return all(a != b for i, a in enumerate(value) for b in value[i + 1 :])


KEYWORDS: dict[str, Callable[[Any, object, dict[str, Any]], bool]] = {
    "$ref": _ref,
    "type": lambda word, v, _: TYPES[word](v),
    "const": lambda word, v, _: type(v) is type(word) and v == word,
    "enum": lambda word, v, _: any(type(v) is type(w) and v == w for w in word),
    "pattern": _pattern,
    "required": lambda word, v, _: not isinstance(v, dict) or all(k in v for k in word),
    "properties": _properties,
    "items": lambda word, v, root: (
        not isinstance(v, list) or all(_valid(word, item, root) for item in v)
    ),
    "maxLength": lambda word, v, _: not isinstance(v, str) or len(v) <= word,
    "minItems": lambda word, v, _: not isinstance(v, list) or len(v) >= word,
    "maxItems": lambda word, v, _: not isinstance(v, list) or len(v) <= word,
    "uniqueItems": _unique,
    "minimum": lambda word, v, _: type(v) is not int or v >= word,
    "maximum": lambda word, v, _: type(v) is not int or v <= word,
    "allOf": lambda word, v, root: all(_valid(sub, v, root) for sub in word),
    "oneOf": lambda word, v, root: sum(_valid(sub, v, root) for sub in word) == 1,
}
