"""Reading a member records/<kind>.json: whatever the bytes, the result is the checked records
or BundleRefused with one German sentence that names the member and none of its values."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exchange.record_samples import STORED, records_of_any_kind
from outreach_desktop.domain.records import Record
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.record_kinds import SPECS
from outreach_desktop.exchange.records import content_hash, dump_member, parse_member, to_record

KINDS = sorted(SPECS)
SECRET = "Geheimname"  # stands for personal data: never part of a refusal
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def refusal(kind: str, data: bytes) -> str:
    with pytest.raises(BundleRefused) as caught:
        parse_member(kind, data)
    message = str(caught.value)
    assert message.startswith(f"Die Datei records/{kind}.json im Paket ") and message.endswith(".")
    assert "\n" not in message and SECRET not in message
    return message


def member(kind: str, records: list[dict[str, Any]], rehash: bool = True) -> bytes:
    if rehash:
        for r in records:
            r["content_hash"] = content_hash(kind, r["id"], r["fields"])
    return json.dumps(records, ensure_ascii=False).encode("utf-8")


def only_refusals(kind: str, data: bytes) -> None:
    try:
        records = parse_member(kind, data)
    except BundleRefused as refused:
        assert str(refused).startswith(f"Die Datei records/{kind}.json im Paket ")
    else:
        assert isinstance(records, list)


@given(st.sampled_from(KINDS), st.binary(max_size=300))
def test_arbitrary_bytes_are_refused_cleanly(kind: str, data: bytes) -> None:
    only_refusals(kind, data)


@given(st.sampled_from(KINDS), json_values)
def test_arbitrary_json_is_refused_cleanly(kind: str, value: object) -> None:
    only_refusals(kind, json.dumps(value).encode())


@given(records_of_any_kind(), st.data())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_a_damaged_member_is_refused_cleanly(pair: tuple[str, Record], data: st.DataObject) -> None:
    kind, obj = pair
    good = dump_member(kind, [to_record(kind, obj)])
    position = data.draw(st.integers(0, len(good) - 1))
    damage = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    if damage == "flip":
        bad = good[:position] + bytes([good[position] ^ data.draw(st.integers(1, 255))])
        bad += good[position + 1 :]
    elif damage == "cut":
        bad = good[:position]
    else:
        bad = good[:position] + data.draw(st.binary(min_size=1, max_size=4)) + good[position:]
    only_refusals(kind, bad)


@given(records_of_any_kind(), json_values, st.data())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_a_field_of_another_value_is_taken_only_if_valid(
    pair: tuple[str, Record], value: object, data: st.DataObject
) -> None:
    """Any JSON in place of any field, the hash made to match: refused, or read as valid."""
    kind, obj = pair
    record = to_record(kind, obj)
    name = data.draw(st.sampled_from(sorted(record["fields"])))
    record["fields"][name] = value
    only_refusals(kind, member(kind, [record]))


@given(records_of_any_kind())
def test_every_record_written_validates(pair: tuple[str, Record]) -> None:
    kind, obj = pair
    [record] = parse_member(kind, dump_member(kind, [to_record(kind, obj)]))
    assert record == to_record(kind, obj)


@given(records_of_any_kind(), st.sampled_from(["envelope", "fields"]))
def test_an_extra_field_is_refused(pair: tuple[str, Record], where: str) -> None:
    kind, obj = pair
    record = to_record(kind, obj)
    (record if where == "envelope" else record["fields"])["search_text"] = SECRET
    message = refusal(kind, member(kind, [record]))
    assert "ein Feld, das das Format nicht kennt" in message


WRONG_TYPES: list[object] = [1, "1", True, None, [], {}, 1.5]


@given(records_of_any_kind(), st.data())
def test_a_field_of_the_wrong_type_is_refused(
    pair: tuple[str, Record], data: st.DataObject
) -> None:
    kind, obj = pair
    record = to_record(kind, obj)
    name = data.draw(st.sampled_from(sorted(record["fields"])))
    current = record["fields"][name]
    wrong = data.draw(st.sampled_from([w for w in WRONG_TYPES if type(w) is not type(current)]))
    if wrong is None and any(f.nullable for f in SPECS[kind].fields if f.name == name):
        return
    record["fields"][name] = wrong
    message = refusal(kind, member(kind, [record]))
    if wrong != 1.5:
        assert f"„fields.{name}" in message, message


@given(records_of_any_kind())
@settings(max_examples=30)
def test_each_member_problem_has_its_sentence(pair: tuple[str, Record]) -> None:
    kind, obj = pair
    good = to_record(kind, obj)
    assert parse_member(kind, member(kind, [good])) == [good]
    assert "kein gültiges UTF-8" in refusal(kind, b"[\xff]")
    assert "doppelt" in refusal(kind, b'[{"id": 1, "id": 2}]')
    assert "NUL" in refusal(kind, b'["\\u0000"]')
    assert "ganze Zahl" in refusal(kind, b"[1.0]")
    assert "kein gültiges JSON" in refusal(kind, b"[NaN]")
    assert "kein gültiges Unicode" in refusal(kind, b'["\\ud800"]')
    assert "keine Liste" in refusal(kind, json.dumps(good).encode())
    assert "mehrfach" in refusal(kind, member(kind, [good, dict(good)]))
    tampered = json.loads(member(kind, [good]))
    tampered[0]["content_hash"] = "0" * 64
    assert "falscher Prüfsumme" in refusal(kind, member(kind, tampered, rehash=False))
    newline = json.loads(member(kind, [good]))
    newline[0]["id"] += "\n"
    assert "„id“ ist zu lang" in refusal(kind, member(kind, newline))


@given(STORED["anonymous_counselling"], st.sampled_from(["day", "created_at", "updated_at"]))
@settings(max_examples=10)
def test_a_date_that_does_not_exist_is_refused(obj: Record, name: str) -> None:
    kind = "anonymous_counselling"
    record = to_record(kind, obj)
    if name == "day":
        record["fields"]["day"] = "2026-02-31"
    else:
        record[name] = "2026-11-28T25:00:00Z"
    assert "ungültiges Datum" in refusal(kind, member(kind, [record]))


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(BundleRefused, match="unbekannten Art"):
        parse_member("secrets", b"[]")
