"""The import's own checks: every field that names another record is a checked reference (and
documented), and records are stored after those they name, a circle refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from outreach_desktop.domain.records import Record
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.record_fields import Items, Ref, Refs
from outreach_desktop.exchange.record_kinds import SENT_KINDS, SPECS
from outreach_desktop.services.import_checks import (
    MERGE_ORDER,
    REFERENCES,
    Incoming,
    merge_order,
    references,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "exchange-format.md"


def reference_fields(kind: str) -> set[str]:
    found = set()
    for f in SPECS[kind].fields:
        if isinstance(f, Ref | Refs):
            found.add(f.name)
        elif isinstance(f, Items):
            found |= {f"{f.name}.{p.name}" for p in f.parts if isinstance(p, Ref)}
    return found


@pytest.mark.parametrize("kind", SENT_KINDS)
def test_every_field_naming_a_record_is_checked(kind: str) -> None:
    assert {path for path, _target in REFERENCES[kind]} == reference_fields(kind)


def test_the_references_are_documented() -> None:
    section = DOC.read_text("utf-8").split("## Import at the office")[1].split("\n## ")[0]
    for kind in SENT_KINDS:
        for path, _target in REFERENCES[kind]:
            spelled = path.replace(".", "[].") if "." in path else path
            assert f"`{spelled}`" in section, path
    assert set(MERGE_ORDER) == set(SENT_KINDS)


def appointment(record_id: str, *, predecessor: str | None = None) -> Incoming:
    fields: dict[str, Any] = {name: None for name in reference_fields("appointments")}
    fields |= {"staff_ids": [], "predecessor_id": predecessor}
    return Incoming("appointments", {"id": record_id, "fields": fields}, Record(id=record_id))


def test_a_record_comes_after_those_of_its_kind_it_names() -> None:
    chain = [appointment("c", predecessor="b"), appointment("b", predecessor="a"),
             appointment("a"), appointment("d", predecessor="stored-already")]  # fmt: skip
    ordered = [r.id for r in merge_order({"appointments": chain})]
    assert ordered == ["a", "b", "c", "d"]
    assert list(references("appointments", chain[0].record["fields"])) == [("appointments", "b")]


def test_a_circle_is_refused() -> None:
    circle = [appointment("a", predecessor="b"), appointment("b", predecessor="a")]
    with pytest.raises(BundleRefused, match="im Kreis"):
        merge_order({"appointments": circle})
    with pytest.raises(BundleRefused, match="im Kreis"):
        merge_order({"appointments": [appointment("a", predecessor="a")]})
