"""JSON as the exchange format writes and reads it: canonical on the way out, strict on the way
in (valid UTF-8, no duplicate keys, no NUL, no lone surrogates, integers only)."""

from __future__ import annotations

import json
from typing import Any


class InvalidJson(ValueError):
    """The bytes are not JSON of the exchange format (the message says why, in English)."""


def canonical_json(value: object) -> bytes:
    """UTF-8, keys sorted, no insignificant whitespace, non-ASCII as itself."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def strict_json(data: bytes) -> Any:
    """Parse `data`, refusing anything the format does not allow (`InvalidJson`)."""
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_float=_no_float,
            parse_constant=_no_constant,
        )
    except UnicodeDecodeError:
        raise InvalidJson("not valid UTF-8") from None
    except RecursionError:
        raise InvalidJson("nested too deeply") from None
    except ValueError as error:  # JSONDecodeError, our hooks, int digits limit
        raise InvalidJson(str(error)) from None
    _check_strings(value)
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError("duplicate key")
        result[key] = value
    return result


def _no_float(text: str) -> Any:
    raise ValueError("numbers must be integers")


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not JSON")


def _check_strings(value: object) -> None:
    """Every key and string is NUL-free text that encodes as UTF-8 (no lone surrogates from
    `\\ud800` escapes). Iterative: depth is already bounded by the parser."""
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_text(key)
                todo.append(child)
        elif isinstance(item, list):
            todo.extend(item)


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise InvalidJson("NUL character in a string")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidJson("a string is not valid Unicode (lone surrogate)") from None
