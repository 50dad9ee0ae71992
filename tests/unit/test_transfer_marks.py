"""Which transfer marks make a record *übernommen* at the office (domain/transfer.py): the one
rule the office's inbox and its receipt share. Nothing the laptop purges is übernommen without
a person's mark; a protocol's routing flags decide its marks; more marks never undo it."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.domain.transfer import (
    PURGED_KINDS,
    TransferMark,
    required_marks,
    taken_over,
)
from outreach_desktop.domain.vocabulary import Approach

KINDS = ("clients", "staff", "third_parties", "appointments", "protocols", "consents",
         "anonymous_counselling")  # fmt: skip
ALL = frozenset(TransferMark)
mark_sets = st.frozensets(st.sampled_from(list(TransferMark)))


@st.composite
def kinds_and_records(draw: st.DrawFn) -> tuple[str, Protocol | None]:
    kind = draw(st.sampled_from(KINDS))
    if kind != "protocols":
        return kind, None
    protocol = Protocol(
        approach=draw(st.sampled_from(list(Approach))),
        met_at=datetime(2026, 11, 20, 10),
        client_id="c-1",
        to_verbis=draw(st.booleans()),
        benefit_relevant=draw(st.booleans()),
        inform_network=draw(st.booleans()),
        to_main_caseworker=draw(st.booleans()),
    )
    return kind, protocol


def test_the_kinds_are_the_exchanges() -> None:
    from outreach_desktop.exchange.record_kinds import SENT_KINDS

    assert set(KINDS) == set(SENT_KINDS)
    assert set(KINDS) > PURGED_KINDS


@given(kinds_and_records())
def test_nothing_the_laptop_purges_goes_without_a_mark(kr: tuple[str, Protocol | None]) -> None:
    kind, record = kr
    required = required_marks(kind, record)
    assert required <= ALL
    if kind in PURGED_KINDS:
        assert required
        assert not taken_over(kind, record, [])
    assert taken_over(kind, record, [m.value for m in ALL])


@given(kinds_and_records(), mark_sets, mark_sets)
def test_more_marks_never_undo_it(
    kr: tuple[str, Protocol | None], some: frozenset[TransferMark], more: frozenset[TransferMark]
) -> None:
    kind, record = kr
    if taken_over(kind, record, some):
        assert taken_over(kind, record, some | more)
    assert taken_over(kind, record, some) == (required_marks(kind, record) <= some)


@given(kinds_and_records())
def test_a_protocol_follows_its_routing_flags(kr: tuple[str, Protocol | None]) -> None:
    kind, record = kr
    if record is None:
        return
    required = required_marks(kind, record)
    assert (TransferMark.VERBIS in required) == (record.to_verbis or not record.benefit_relevant)
    assert (TransferMark.EAKTE in required) == record.benefit_relevant
    assert (TransferMark.BENEFITS in required) == record.benefit_relevant


def test_the_rule_per_kind() -> None:
    assert required_marks("consents") == {TransferMark.EAKTE}
    assert required_marks("clients") == {TransferMark.VERBIS}
    assert required_marks("staff") == set() and taken_over("staff", None, [])
    with pytest.raises(ValueError, match="unknown record kind"):
        required_marks("acknowledgements")
    with pytest.raises(ValueError, match="routing flags"):
        required_marks("protocols")
