"""Bundles written and opened whole, with real keys; Debian's age opens them without us
(docs/exchange-format.md, "The file")."""

from __future__ import annotations

import io
import subprocess
import tarfile
import time
from pathlib import Path

import pytest

from outreach_desktop.exchange.bundle import (
    DEFAULT_SIZE_LIMIT,
    SenderInfo,
    open_bundle,
    write_bundle,
)
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.json_text import canonical_json, strict_json
from outreach_desktop.exchange.keys import PublicKeys, age_identity_file, new_identity, verify
from outreach_desktop.exchange.manifest import BundleKind, Role
from testkit import AgeIdentity
from testkit.bundles import FORM_ID, MEMBERS, NOW, Party, entries_of, export, manifest_of

IN_ORDER = ["records/clients.json", "records/protocols.json", f"forms/{FORM_ID}.pdf"]
ACKS = b'[{"record_kind": "protocols", "record_id": "p1", "revision": 3}]'


def test_export_round_trip_at_the_office(device: Party, agency: Party) -> None:
    name, data = write_bundle(
        BundleKind.EXPORT, device.identity, device.info, [agency.public, device.public], 7,
        MEMBERS, NOW,
    )  # fmt: skip
    assert name == f"OD-{device.device_id[:8]}-000007.age"
    opened = open_bundle(data, agency.identity, {}, kind=BundleKind.EXPORT)
    assert dict(opened.members) == MEMBERS
    assert list(opened.members) == IN_ORDER
    with pytest.raises(TypeError):
        opened.members["records/clients.json"] = b"[]"  # type: ignore[index]
    assert (opened.kind, opened.sequence, opened.sender_known) == (BundleKind.EXPORT, 7, False)
    assert opened.fingerprint == device.identity.fingerprint
    assert opened.sender_keys == device.public
    assert opened.sender.device_id == device.device_id and opened.sender.role is Role.FIELD
    assert opened.manifest.created_at == NOW
    assert set(opened.manifest.recipients) == {agency.identity.fingerprint,
                                               device.identity.fingerprint}  # fmt: skip
    assert [m.kind for m in opened.manifest.members] == ["clients", "protocols", "form"]


def test_known_sender_by_mapping_or_lookup(device: Party, agency: Party) -> None:
    data = export(device, agency)
    assert open_bundle(data, agency.identity, {device.device_id: device.public}).sender_known
    looked_up: list[str] = []

    def lookup(device_id: str) -> PublicKeys | None:
        looked_up.append(device_id)
        return device.public

    assert open_bundle(data, agency.identity, lookup).sender_known
    assert looked_up == [device.device_id]


def test_the_device_reads_back_what_it_wrote(device: Party, agency: Party) -> None:
    opened = open_bundle(export(device, agency), device.identity, {device.device_id: device.public})
    assert opened.sender_known and dict(opened.members) == MEMBERS


def test_receipt_round_trip(device: Party, agency: Party) -> None:
    name, data = write_bundle(
        BundleKind.RECEIPT, agency.identity, agency.info, [device.public], 3,
        {"records/acknowledgements.json": ACKS}, NOW, for_device=device.device_id,
    )  # fmt: skip
    assert name == f"OD-receipt-{device.device_id[:8]}-000003.age"
    trust = {agency.device_id: agency.public}
    opened = open_bundle(data, device.identity, trust, kind=BundleKind.RECEIPT)
    assert opened.sender_known and opened.sender.role is Role.AGENCY
    assert dict(opened.members) == {"records/acknowledgements.json": ACKS}
    with pytest.raises(BundleRefused, match=r"^Die Datei ist eine Quittung, erwartet wurde ein"):
        open_bundle(data, device.identity, trust, kind=BundleKind.EXPORT)


def test_inside_manifest_is_canonical_and_signed_over_its_bytes(
    device: Party, agency: Party
) -> None:
    entries = entries_of(export(device, agency, sequence=2), agency.identity)
    assert [n for n, _ in entries][:2] == ["manifest.json", "manifest.sig"]
    raw, signature = entries[0][1], entries[1][1]
    assert canonical_json(strict_json(raw)) == raw
    assert verify(device.public, raw, signature)
    manifest = manifest_of(entries)
    assert manifest["format"] == "outreach-desktop-bundle" and manifest["format_version"] == 1
    assert manifest["created_at"] == "2026-11-28T14:03:11Z" and manifest["sequence"] == 2
    assert manifest["sender"]["fingerprint"] == device.identity.fingerprint


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"kind": BundleKind.RECEIPT}, "names the device"),
        ({"recipients": "agency only"}, "to its sender too"),
        ({"now": NOW.replace(tzinfo=None)}, "time zone"),
        ({"members": {"records/evil.json": b"[]"}}, "no member"),
        ({"members": {"notes.txt": b""}}, "no member"),
        ({"members": {"records/acknowledgements.json": b"[]"}}, "no member"),
        ({"info": SenderInfo(Role.AGENCY, "0b7e3f52-6c1d-4a8e-b2f4-9d0c1e2a3b4c")}, "refused"),
        ({"info": SenderInfo(Role.FIELD, "laptop-3")}, "refused"),
        ({"sequence": 0}, "refused"),
    ],
)
def test_writer_refuses_what_a_reader_would_refuse(
    device: Party, agency: Party, change: dict[str, object], problem: str
) -> None:
    args: dict[str, object] = {
        "kind": BundleKind.EXPORT, "sender": device.identity, "sender_info": device.info,
        "recipients": [agency.public, device.public], "sequence": 1, "members": MEMBERS,
        "now": NOW,
    }  # fmt: skip
    if change.get("recipients") == "agency only":
        change = {"recipients": [agency.public]}
    if "info" in change:
        change = {"sender_info": change["info"]}
    with pytest.raises(ValueError, match=problem):
        write_bundle(**(args | change))  # type: ignore[arg-type]


def _names_in_tar(tar: bytes) -> list[str]:
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        return archive.getnames()


def test_debian_age_decrypts_an_export_with_the_agency_identity_file(
    tmp_path: Path, device: Party, agency: Party
) -> None:
    identity_file = tmp_path / "agency-identity.txt"
    identity_file.write_text(age_identity_file(agency.identity), "ascii")
    bundle = tmp_path / "OD-export.age"
    bundle.write_bytes(export(device, agency))
    result = subprocess.run(
        ["age", "-d", "-i", str(identity_file), str(bundle)], capture_output=True
    )
    assert result.returncode == 0, result.stderr
    assert _names_in_tar(result.stdout) == ["manifest.json", "manifest.sig", *IN_ORDER]
    plain = subprocess.run(["tar", "-xOf", "-", "records/clients.json"], input=result.stdout,
                           capture_output=True, check=True)  # fmt: skip
    assert plain.stdout == MEMBERS["records/clients.json"]


def test_agency_identity_from_age_keygen(age_keygen_identity: AgeIdentity, device: Party) -> None:
    office = Party(new_identity(age_keygen_identity.path.read_text("ascii")),
                   "7c1e0f2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", Role.AGENCY)  # fmt: skip
    data = export(device, office)
    result = subprocess.run(
        ["age", "-d", "-i", str(age_keygen_identity.path)], input=data, capture_output=True
    )
    assert result.returncode == 0, result.stderr
    assert _names_in_tar(result.stdout)[:2] == ["manifest.json", "manifest.sig"]
    assert dict(open_bundle(data, office.identity, {}).members) == MEMBERS


def test_a_large_bundle_opens_in_linear_time(device: Party, agency: Party) -> None:
    """About what 400 clients' records and their forms make: a few MB in thousands of members."""
    forms = {f"forms/{i:08x}-0000-4000-8000-000000000000.pdf": bytes([i % 251]) * 1500
             for i in range(3000)}  # fmt: skip
    members = {"records/protocols.json": b"[" + b'"x",' * 1_000_000 + b'"x"]', **forms}
    data = export(device, agency, members)
    started = time.perf_counter()
    opened = open_bundle(data, agency.identity, {}, DEFAULT_SIZE_LIMIT)
    assert time.perf_counter() - started < 5
    assert len(opened.members) == 3001 and dict(opened.members) == members
