"""JSON as the exchange writes (canonical) and reads it (strict)."""

from __future__ import annotations

import pytest

from outreach_desktop.exchange.json_text import InvalidJson, canonical_json, strict_json


def test_canonical_form() -> None:
    value = {"b": [1, {"z": None, "a": True}], "a": "Müller\n"}
    assert canonical_json(value) == '{"a":"Müller\\n","b":[1,{"a":true,"z":null}]}'.encode()
    assert strict_json(canonical_json(value)) == value


@pytest.mark.parametrize(
    "data",
    [
        b'{"a": 1, "a": 2}',
        b'{"a": {"b": 1, "b": 1}}',
        b'{"a": "x\\u0000y"}',
        b'{"a\\u0000": 1}',
        b'["\\ud800"]',
        b'{"a": "\xff"}',
        b'{"a": "\xc3"}',
        b'{"a": 1.0}',
        b'{"a": 1e3}',
        b'{"a": NaN}',
        b"[Infinity]",
        b"\xef\xbb\xbf{}",
        b"[" * 100_000 + b"]" * 100_000,
        b"[" + b"9" * 5000 + b"]",
        b"",
        b'{"a": 1} x',
    ],
)
def test_refused(data: bytes) -> None:
    with pytest.raises(InvalidJson):
        strict_json(data)


def test_accepted_edge_cases() -> None:
    assert strict_json(b' {"a": -0, "b": "\\u00fc\\ud83d\\ude00", "c": []} ') == {
        "a": 0,
        "b": "ü😀",
        "c": [],
    }
