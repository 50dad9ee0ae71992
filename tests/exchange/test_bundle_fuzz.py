"""Whatever arrives, opening a bundle ends in a `BundleRefused` or in the genuine content: never
another exception, never a hang. Bounded examples over real age and Ed25519."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_desktop.exchange.archive import write_tar
from outreach_desktop.exchange.bundle import AGE_MAGIC, OpenedBundle, open_bundle
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.json_text import canonical_json
from outreach_desktop.exchange.manifest import Role
from testkit.bundles import MEMBERS, Entries, Party, entries_of, export, new_party, resigned, seal

AGENCY = new_party(Role.AGENCY)
DEVICE = new_party()
TRUST = {DEVICE.device_id: DEVICE.public}
GENUINE = entries_of(export(DEVICE, AGENCY), AGENCY.identity)
TAR = write_tar(GENUINE)
MANIFEST = GENUINE[0][1]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                  max_size=5),
    max_leaves=20,
)  # fmt: skip


def outcome(data: bytes, reader: Party = AGENCY) -> OpenedBundle | None:
    """The opened bundle, or None for a refusal; anything else fails the test."""
    try:
        return open_bundle(data, reader.identity, TRUST, 64 * 1024)
    except BundleRefused as refused:
        assert str(refused).endswith(".") and "\n" not in str(refused)
        return None


def mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    changed = bytearray(data)
    for position, value in edits:
        changed[position % len(changed)] = value
    return bytes(changed[:cut] if cut is not None else changed)


@FUZZ
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    assert outcome(data) is None
    assert outcome(AGE_MAGIC + data) is None


@FUZZ
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_encrypted_to_the_reader(data: bytes) -> None:
    assert outcome(seal(data, AGENCY.public)) is None


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, len(TAR)), st.integers(0, 255)), min_size=1, max_size=8),
    st.none() | st.integers(0, len(TAR)),
)
def test_mutated_inner_archive(edits: list[tuple[int, int]], cut: int | None) -> None:
    """A changed archive opens only where the change did not touch what counts (a header field
    without meaning, say): then the content is exactly the genuine one."""
    opened = outcome(seal(mutate(TAR, edits, cut), AGENCY.public))
    if opened is not None:
        assert dict(opened.members) == MEMBERS
        assert opened.manifest.sequence == 1 and opened.sender_known


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, len(MANIFEST)), st.integers(0, 255)), min_size=1,
             max_size=6),
    st.none() | st.integers(0, len(MANIFEST)),
    st.booleans(),
)  # fmt: skip
def test_mutated_manifest(edits: list[tuple[int, int]], cut: int | None, sign: bool) -> None:
    """Changed manifest bytes: refused unless the device itself signed them, and then only if
    they still describe the members."""
    raw = mutate(MANIFEST, edits, cut)
    entries: Entries = resigned(GENUINE, raw, DEVICE.identity) if sign else [
        ("manifest.json", raw), *GENUINE[1:]]  # fmt: skip
    opened = outcome(seal(write_tar(entries), AGENCY.public))
    if raw != MANIFEST and not sign:
        assert opened is None
    if opened is not None:
        assert dict(opened.members) == MEMBERS


@FUZZ
@given(json_values, st.sampled_from(["manifest", "sender", "members", "member"]))
def test_arbitrary_json_in_a_signed_manifest(value: object, where: str) -> None:
    manifest = json.loads(MANIFEST)
    if where == "manifest":
        manifest = value
    elif where == "members":
        manifest["members"] = value
    elif where == "member":
        manifest["members"][0] = value
    else:
        manifest["sender"] = value
    try:
        raw = canonical_json(manifest)
    except ValueError:
        return
    entries = resigned(GENUINE, raw, DEVICE.identity)
    assert outcome(seal(write_tar(entries), AGENCY.public)) is None


@pytest.mark.parametrize("reader", ["agency", "device"])
def test_the_genuine_bundle_opens_for_both_readers(reader: str) -> None:
    party = AGENCY if reader == "agency" else DEVICE
    opened = outcome(export(DEVICE, AGENCY), party)
    assert opened is not None and dict(opened.members) == MEMBERS
