"""The published schemas: made from the field lists, valid draft 2020-12, as strict as the
domain's limits, and covering every attribute of every domain record (or saying why not)."""

from __future__ import annotations

import json
from dataclasses import fields as dataclass_fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from exchange.record_samples import STORED
from outreach_desktop.domain.records import Record
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.record_fields import Text
from outreach_desktop.exchange.record_kinds import SPECS
from outreach_desktop.exchange.records import content_hash, parse_member, to_record
from outreach_desktop.exchange.schemas import schema_dir, schema_path, schema_text
from unit.test_layers import check_tree

KINDS = sorted(SPECS)
BOOKKEEPING = {f.name for f in dataclass_fields(Record)}


@pytest.mark.parametrize("kind", KINDS)
def test_the_published_file_is_the_one_the_field_list_makes(kind: str) -> None:
    assert schema_path(kind).read_text("utf-8") == schema_text(kind), (
        "run: python tools/write_exchange_schemas.py"
    )


def test_there_is_no_other_schema_file() -> None:
    assert sorted(p.name for p in schema_dir().glob("*.json")) == sorted(
        f"{kind}.schema.json" for kind in KINDS
    )


@pytest.mark.parametrize("kind", KINDS)
def test_the_schema_is_valid_draft_2020_12(kind: str) -> None:
    schema = json.loads(schema_path(kind).read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    record = schema["$defs"]["record"]
    assert record["additionalProperties"] is False
    assert record["properties"]["fields"]["additionalProperties"] is False
    assert record["properties"]["revision"]["minimum"] == 1


@pytest.mark.parametrize("kind", KINDS)
def test_every_attribute_travels_or_says_why_not(kind: str) -> None:
    spec = SPECS[kind]
    attributes = {f.name for f in dataclass_fields(spec.make)} - BOOKKEEPING
    travelling = {f.attr for f in spec.fields}
    assert travelling | set(spec.dropped) == attributes
    assert not travelling & set(spec.dropped)
    assert all(len(why) > 20 for why in spec.dropped.values())


LIMITS = {  # the domain's limits, as its validation states them
    ("clients", "display_name"): 200, ("clients", "address"): 500,
    ("clients", "reachability_notes"): 2000, ("staff", "name"): 200,
    ("third_parties", "name"): 200, ("third_parties", "address"): 500,
    ("third_parties", "contact"): 500, ("appointments", "place"): 300,
    ("consents", "purpose"): 500, ("consents", "topics"): 2000,
    **{("protocols", n): 20_000 for n in ("place", "topics", "course", "agreements",
       "next_steps", "new_need", "strategy_change", "non_appearance_reasons", "reachability",
       "reflection", "success_notes")},
}  # fmt: skip


def test_limits_are_the_domains() -> None:
    for (kind, name), limit in LIMITS.items():
        [field] = [f for f in SPECS[kind].fields if f.name == name]
        assert isinstance(field, Text) and field.max_len == limit, (kind, name)


TEXTS = [(kind, f) for kind in KINDS for f in SPECS[kind].fields if type(f) is Text]


@given(st.sampled_from(TEXTS), st.data())
@settings(max_examples=60)
def test_a_text_at_its_limit_goes_and_one_more_is_refused(
    kind_and_field: tuple[str, Text], data: st.DataObject
) -> None:
    kind, field = kind_and_field
    obj = data.draw(STORED[kind])
    setattr(obj, field.attr, "ä" * field.max_len)
    record = to_record(kind, obj)
    assert parse_member(kind, json.dumps([record]).encode()) == [record]
    record["fields"][field.name] += "ä"
    record["content_hash"] = content_hash(kind, record["id"], record["fields"])
    with pytest.raises(BundleRefused, match=f"„fields.{field.name}“ ist zu lang"):
        parse_member(kind, json.dumps([record]).encode())


def test_the_exchange_reaches_only_the_domain_and_itself() -> None:
    layers = ("storage", "services", "ui", "cli", "documents", "demo")
    forbidden = ("PySide6", "sqlcipher3", "sqlite3", *(f"outreach_desktop.{x}" for x in layers))
    assert check_tree("exchange", forbidden) == {}
