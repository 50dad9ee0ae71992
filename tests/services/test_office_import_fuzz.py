"""Whatever a file holds, the import answers with a result line and never a traceback: arbitrary
bytes, arbitrary bytes behind the age header, and arbitrary members signed by the trusted laptop
(valid ones are taken, everything else refused)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_desktop.exchange.bundle import AGE_MAGIC
from outreach_desktop.exchange.records import content_hash, member_name
from outreach_desktop.services.office_import import ImportResult
from outreach_desktop.services.session import Session
from testkit.bundles import agency_party, export, laptop_forms, laptop_party, laptop_records
from testkit.stations import IMPORTED, Stations

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
KINDS = ["clients", "staff", "appointments", "protocols", "consents", "anonymous_counselling"]
counter = itertools.count()


def import_bytes(office: Session, folder: Path, data: bytes, trust: set[str]) -> ImportResult:
    path = folder / f"OD-fuzz-{next(counter)}.age"
    path.write_bytes(data)
    [result] = office.inbox.import_files([path], IMPORTED, trust, trusted_by="Fuzz")
    return result


@FUZZ
@given(data=st.binary(max_size=4096))
def test_any_bytes_are_a_clean_refusal(stations: Stations, tmp_path: Path, data: bytes) -> None:
    result = import_bytes(stations.office, tmp_path, data, set())
    assert result.status == "refused" and result.message


@FUZZ
@given(data=st.binary(max_size=4096))
def test_any_bytes_behind_the_age_header(stations: Stations, tmp_path: Path, data: bytes) -> None:
    result = import_bytes(stations.office, tmp_path, AGE_MAGIC + data, set())
    assert result.status == "refused" and result.message


@FUZZ
@given(
    kind=st.sampled_from(KINDS),
    content=st.one_of(
        st.binary(max_size=512),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.text(max_size=12), inner, max_size=6)
            ),
            max_leaves=20,
        ).map(lambda value: json.dumps(value).encode()),
    ),
)
def test_any_member_signed_by_the_trusted_laptop(
    stations: Stations, tmp_path: Path, kind: str, content: bytes
) -> None:
    laptop, agency = laptop_party(stations.laptop), agency_party(stations.office)
    sequence = next(counter) + 1
    data = export(laptop, agency, {member_name(kind): content}, sequence)
    result = import_bytes(stations.office, tmp_path, data, {laptop.public.fingerprint})
    assert result.status in ("accepted", "refused"), result.message
    assert result.message


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


@FUZZ
@given(pick=st.data())
def test_a_real_record_with_one_field_changed(
    stations: Stations, tmp_path: Path, pick: st.DataObject
) -> None:
    """A demo record whose field takes any JSON value, its content hash made to fit: the
    schema, the dates or the references refuse it, or it is a record like any other."""
    records = laptop_records(stations.laptop)
    kind = pick.draw(st.sampled_from([k for k in KINDS if records[k]]))
    record = pick.draw(st.sampled_from(records[kind]))
    name = pick.draw(st.sampled_from(sorted(record["fields"])))
    record["fields"][name] = pick.draw(JSON_VALUES)
    record["content_hash"] = content_hash(kind, record["id"], record["fields"])
    laptop, agency = laptop_party(stations.laptop), agency_party(stations.office)
    members = {
        member_name(k): json.dumps(found, ensure_ascii=False).encode("utf-8", "surrogatepass")
        for k, found in records.items()
        if found
    }
    data = export(laptop, agency, {**members, **laptop_forms(stations.laptop)}, next(counter) + 1)
    result = import_bytes(stations.office, tmp_path, data, {laptop.public.fingerprint})
    assert result.status in ("accepted", "refused"), result.message
