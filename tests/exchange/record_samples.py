"""Hypothesis strategies for stored domain records of every exchange kind (imported by the tests
as `exchange.record_samples`; tests/ is on the path), and what a record reads back as."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st

from outreach_desktop.domain.records import Record
from outreach_desktop.exchange.record_fields import (
    Choice,
    Day,
    Digest,
    Field,
    Flag,
    Items,
    LocalTime,
    Ref,
    Refs,
    Shaped,
    Text,
    Whole,
)
from outreach_desktop.exchange.record_kinds import SPECS

# any text the format carries: no NUL, no lone surrogates
TEXT_CHARS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
IDS = st.uuids().map(str)
LOCAL_TIMES = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)
UTC_TIMES = LOCAL_TIMES.map(lambda d: d.replace(tzinfo=UTC))
HEX = st.binary(min_size=32, max_size=32).map(bytes.hex)


def texts(field: Text, longest: int = 40) -> st.SearchStrategy[str]:
    return st.text(TEXT_CHARS, min_size=field.min_len, max_size=min(field.max_len, longest))


def shaped(field: Shaped) -> st.SearchStrategy[str]:
    shape = field.shape
    if "enum" in shape:
        return st.sampled_from(shape["enum"])
    if shape.get("$ref") == "#/$defs/sha256":
        return HEX
    if field.name == "customer_number":
        return st.just("") | st.from_regex(r"[0-9]{3}[A-Z][0-9]{6}", fullmatch=True)
    if field.name == "phone":
        blank = st.sampled_from(["", " ", "\t", " \n"])
        core = st.from_regex(re.compile(r"[0-9+()/ .\-]{3,40}", re.ASCII), fullmatch=True)
        return blank | st.tuples(blank, core, blank).map("".join)
    raise AssertionError(f"no strategy for {field.name}")


def values(field: Field) -> st.SearchStrategy[Any]:
    """Domain values of one field, as the domain holds them."""
    strategy = _plain(field)
    return st.none() | strategy if field.nullable else strategy


def _plain(field: Field) -> st.SearchStrategy[Any]:
    if isinstance(field, Shaped):
        return shaped(field)
    if isinstance(field, Text):
        return texts(field)
    if isinstance(field, Refs):
        return st.lists(IDS, min_size=field.min_items, max_size=4, unique=field.unique)
    if isinstance(field, Ref):
        return IDS
    if isinstance(field, Flag):
        return st.booleans()
    if isinstance(field, Whole):
        return st.integers(field.minimum, field.maximum)
    if isinstance(field, Choice):
        return st.sampled_from(list(field.enum))
    if isinstance(field, LocalTime):
        return LOCAL_TIMES
    if isinstance(field, Day):
        return st.dates()
    if isinstance(field, Items):
        parts = st.tuples(*(values(p) for p in field.parts))
        if field.make is not tuple:
            names = [p.attr for p in field.parts]
            parts = parts.map(lambda v: field.make(**dict(zip(names, v, strict=True))))
        return st.lists(parts, max_size=3)
    if isinstance(field, Digest):
        return st.binary(min_size=1, max_size=64)
    raise AssertionError(f"no strategy for {type(field).__name__}")


DROPPED = {"is_owner": st.booleans(), "signature_png": st.none() | st.binary(max_size=32)}


def stored(kind: str) -> st.SearchStrategy[Record]:
    """A domain record of `kind` as a vault holds it after saving: every field drawn, also
    those that do not travel."""
    spec = SPECS[kind]
    drawn = {f.attr: values(f) for f in spec.fields}
    drawn.update({name: DROPPED[name] for name in spec.dropped})
    return st.builds(
        spec.make,
        id=IDS,
        revision=st.integers(1, 2**31 - 1),
        origin_device=IDS,
        created_at=UTC_TIMES,
        updated_at=UTC_TIMES,
        **drawn,
    )


STORED = {kind: stored(kind) for kind in sorted(SPECS)}


def records_of_any_kind() -> st.SearchStrategy[tuple[str, Record]]:
    return st.one_of(
        [strategy.map(lambda obj, kind=kind: (kind, obj)) for kind, strategy in STORED.items()]
    )


def read_back(kind: str, obj: Record) -> Record:
    """What `obj` reads back as at the other end: the attributes that do not travel at their
    defaults (the signed form travels beside the record)."""
    defaults = {"is_owner": False, "signature_png": None}
    return replace(obj, **{name: defaults[name] for name in SPECS[kind].dropped})


def form_of(obj: Record) -> bytes | None:
    return getattr(obj, "signed_pdf", None)
