"""Records to JSON and back: exact for every field that travels, for generated records of
every kind and for every record of a real demo vault read through the services."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exchange.record_samples import STORED, form_of, read_back, records_of_any_kind, values
from outreach_desktop.demo import fill_demo
from outreach_desktop.domain.consents import Consent, ConsentKind
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.records import Record
from outreach_desktop.exchange.acknowledgements import Acknowledgement, AckState
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.record_kinds import SPECS
from outreach_desktop.exchange.records import (
    content_hash,
    dump_member,
    from_record,
    parse_member,
    to_record,
)
from outreach_desktop.services.session import Session

NOW = datetime(2026, 11, 28, 13, 55, 2, tzinfo=UTC)


def travel(kind: str, objs: list[Record]) -> list[Record]:
    """Out through a member's bytes and back in, as a bundle carries them."""
    records = parse_member(kind, dump_member(kind, [to_record(kind, o) for o in objs]))
    return [
        from_record(kind, r, signed_form=form_of(o)) for r, o in zip(records, objs, strict=True)
    ]


@given(records_of_any_kind())
def test_a_record_comes_back_as_it_went(kind_and_obj: tuple[str, Record]) -> None:
    kind, obj = kind_and_obj
    assert travel(kind, [obj]) == [read_back(kind, obj)]


@given(records_of_any_kind())
def test_the_envelope_carries_the_record_bookkeeping(kind_and_obj: tuple[str, Record]) -> None:
    kind, obj = kind_and_obj
    record = to_record(kind, obj)
    assert list(record) == ["id", "revision", "origin_device", "created_at", "updated_at",
                            "content_hash", "fields"]  # fmt: skip
    assert record["updated_at"].endswith("Z") and len(record["updated_at"]) == 20
    assert record["content_hash"] == content_hash(kind, obj.id, record["fields"])
    assert "search_text" not in record["fields"]


@given(st.data())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_any_change_of_a_field_changes_the_content_hash(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(sorted(SPECS)))
    obj = data.draw(STORED[kind])
    field = data.draw(st.sampled_from(SPECS[kind].fields))
    other = data.draw(values(field).filter(lambda v: v != getattr(obj, field.attr)))
    before = to_record(kind, obj)["content_hash"]
    setattr(obj, field.attr, other)
    assert to_record(kind, obj)["content_hash"] != before


@given(records_of_any_kind(), st.integers(1, 1000))
def test_a_new_revision_of_the_same_content_has_the_same_hash(
    kind_and_obj: tuple[str, Record], more: int
) -> None:
    kind, obj = kind_and_obj
    before = to_record(kind, obj)
    obj.revision += more
    obj.updated_at = NOW
    after = to_record(kind, obj)
    assert after["content_hash"] == before["content_hash"]
    assert (
        content_hash(kind, "00000000-0000-4000-8000-000000000000", after["fields"])
        != (after["content_hash"])
    )


def test_the_hash_is_sha256_of_the_canonical_json() -> None:
    fields = {"b": "Jürgen\n", "a": [1, None, True]}
    canonical = '{"fields":{"a":[1,null,true],"b":"Jürgen\\n"},"id":"x","kind":"staff"}'
    assert content_hash("staff", "x", fields) == hashlib.sha256(canonical.encode()).hexdigest()


def test_only_stored_records_with_whole_seconds_go() -> None:
    client = Client(display_name="Erika Muster")
    with pytest.raises(ValueError):
        to_record("clients", client)  # never stored
    client.stamp("00000000-0000-4000-8000-000000000001", NOW)
    assert to_record("clients", client)["revision"] == 1
    with pytest.raises(TypeError):
        to_record("staff", client)
    with pytest.raises(ValueError):
        to_record("unknown", client)
    client.updated_at = NOW.replace(microsecond=5)
    with pytest.raises(ValueError):
        to_record("clients", client)


def test_a_consent_takes_exactly_its_form() -> None:
    consent = Consent(client_id="00000000-0000-4000-8000-000000000002", kind=ConsentKind.HANDOVER)
    consent.stamp("00000000-0000-4000-8000-000000000001", NOW)
    consent.signed_pdf = b"%PDF-1.4 signed"
    [record] = parse_member("consents", dump_member("consents", [to_record("consents", consent)]))
    assert record["fields"]["signed_form_sha256"] == hashlib.sha256(b"%PDF-1.4 signed").hexdigest()
    assert from_record("consents", record, signed_form=b"%PDF-1.4 signed") == consent
    for wrong in (None, b"%PDF-1.4 other"):
        with pytest.raises(BundleRefused, match=f"forms/{consent.id}.pdf"):
            from_record("consents", record, signed_form=wrong)
    consent.signed_pdf = None
    without = to_record("consents", consent)
    assert without["fields"]["signed_form_sha256"] is None
    with pytest.raises(BundleRefused, match="liegt bei"):
        from_record("consents", without, signed_form=b"%PDF-1.4 signed")


def every_record(session: Session) -> dict[str, list[Record]]:
    return {
        "clients": list(session.clients.all()),
        "staff": list(session.staff.all()),
        "third_parties": list(session.third_parties.all()),
        "appointments": list(session.appointments.search("", limit=-1)),
        "protocols": list(session.protocols.all()),
        "consents": list(session.consents.all()),
        "anonymous_counselling": list(session.protocols.anonymous_counselling()),
    }


def test_every_record_of_a_demo_vault_travels_exactly(session: Session) -> None:
    fill_demo(session, clients=12, seed=7)
    kinds = every_record(session)
    assert all(kinds.values()), {k: len(v) for k, v in kinds.items()}
    assert any(p.addenda for p in kinds["protocols"]) or any(p.is_final for p in kinds["protocols"])
    assert any(c.signed_pdf for c in kinds["consents"]) and any(c.events for c in kinds["consents"])
    for kind, objs in kinds.items():
        assert travel(kind, objs) == [read_back(kind, o) for o in objs], kind


def test_acknowledgements_of_demo_records_travel(session: Session) -> None:
    fill_demo(session, clients=4, seed=3)
    acks = []
    for kind, objs in every_record(session).items():
        for obj in objs:
            record = to_record(kind, obj)
            ack = Acknowledgement(
                record_kind=kind, record_id=obj.id, record_revision=obj.revision,
                content_hash=record["content_hash"], state=AckState.ENTERED,
            )  # fmt: skip
            ack.stamp("00000000-0000-4000-8000-0000000000ac", NOW)
            acks.append(ack)
    assert travel("acknowledgements", acks) == acks
