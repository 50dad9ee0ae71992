"""docs/schemas/manifest.schema.json and `parse_manifest` agree: on every sample both accept or
both refuse, except the rules a JSON Schema cannot say (listed, and refused by the code)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.keys import new_identity
from outreach_desktop.exchange.manifest import (
    EXPORT_RECORD_KINDS,
    BundleKind,
    Manifest,
    MemberEntry,
    Role,
    Sender,
    parse_manifest,
)


def is_valid(schema: dict[str, Any], value: object) -> bool:
    """The real JSON Schema validator (draft 2020-12), as the program uses for records."""
    return Draft202012Validator(schema).is_valid(value)


SCHEMA = json.loads(
    (Path(__file__).parents[2] / "docs" / "schemas" / "manifest.schema.json").read_text("utf-8")
)
SENDER = new_identity().public
READER = new_identity().public
FORM = "forms/5d1c7c0e-8f8a-4d8e-9a57-2f0d9a8b6c11.pdf"
DEVICE = "0b7e3f52-6c1d-4a8e-b2f4-9d0c1e2a3b4c"
HASH = "ab" * 32
Sample = Callable[[dict[str, Any]], object]


def member(path: str, kind: str) -> MemberEntry:
    return MemberEntry(path, kind, HASH, 12)


def manifest(kind: BundleKind = BundleKind.EXPORT) -> dict[str, Any]:
    export = kind is BundleKind.EXPORT
    members = [member(f"records/{k}.json", k) for k in EXPORT_RECORD_KINDS] + [member(FORM, "form")]
    return Manifest(
        kind=kind,
        bundle_id="3f0c2a6e-1b7d-4c9a-8e5f-0a1b2c3d4e5f",
        created_at=datetime(2026, 11, 28, 14, 3, 11, tzinfo=UTC),
        sender=Sender(Role.FIELD if export else Role.AGENCY, DEVICE, SENDER),
        recipients=(READER.fingerprint, SENDER.fingerprint),
        sequence=12,
        members=tuple(members if export else [member("records/acknowledgements.json",
                                                      "acknowledgements")]),
    ).to_json()  # fmt: skip


def setting(*path: str | int, value: object = None, delete: bool = False) -> Sample:
    def change(data: dict[str, Any]) -> object:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        if delete:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return data

    return change


def sender_keys_swapped(data: dict[str, Any]) -> object:
    data["sender"]["fingerprint"] = READER.fingerprint  # well formed, not the sender's
    return data


VALID: dict[str, Sample] = {
    "export with every record kind and a form": lambda d: d,
    "export without members": setting("members", value=[]),
    "receipt": lambda d: manifest(BundleKind.RECEIPT),
    "one recipient": setting("recipients", value=[READER.fingerprint]),
    "largest sequence": setting("sequence", value=2**53 - 1),
    "leap day": setting("created_at", value="2028-02-29T23:59:59Z"),
    "empty member": setting("members", 0, "size", value=0),
}
TOP = ("format", "format_version", "kind", "bundle_id", "created_at", "sender", "recipients",
       "sequence", "members")  # fmt: skip
SENDER_KEYS = ("role", "device_id", "fingerprint", "age_recipient", "sign_public")
INVALID: dict[str, Sample] = {
    **{f"no {key}": setting(key, delete=True) for key in TOP},
    **{f"no sender.{key}": setting("sender", key, delete=True) for key in SENDER_KEYS},
    **{
        f"no member {key}": setting("members", 0, key, delete=True)
        for key in ("path", "kind", "sha256", "size")
    },
    "not an object": lambda d: [d],
    "extra field": setting("comment", value="x"),
    "extra sender field": setting("sender", "name", value="Laptop 3"),
    "extra member field": setting("members", 0, "mode", value=384),
    "other format": setting("format", value="outreach-desktop-setup"),
    "future version": setting("format_version", value=2),
    "version 0": setting("format_version", value=0),
    "version as text": setting("format_version", value="1"),
    "version as boolean": setting("format_version", value=True),
    "reserved kind": setting("kind", value="package"),
    "kind in capitals": setting("kind", value="EXPORT"),
    "bundle id not a uuid": setting("bundle_id", value="bundle-1"),
    "bundle id in capitals": setting("bundle_id", value="3F0C2A6E-1B7D-4C9A-8E5F-0A1B2C3D4E5F"),
    "bundle id with newline": setting("bundle_id", value="3f0c2a6e-1b7d-4c9a-8e5f-0a1b2c3d4e5f\n"),
    "time with offset": setting("created_at", value="2026-11-28T14:03:11+00:00"),
    "time with fraction": setting("created_at", value="2026-11-28T14:03:11.5Z"),
    "month 13": setting("created_at", value="2026-13-01T00:00:00Z"),
    "time with space": setting("created_at", value="2026-11-28 14:03:11Z"),
    "time as number": setting("created_at", value=1764338591),
    "agency sends an export": setting("sender", "role", value="agency"),
    "field sends a receipt": lambda d: setting("sender", "role", value="field")(
        manifest(BundleKind.RECEIPT)
    ),
    "unknown role": setting("sender", "role", value="admin"),
    "device id not a uuid": setting("sender", "device_id", value="laptop-3"),
    "fingerprint in lower case": setting("sender", "fingerprint", value="uwfl-zkhg-i4tx-rcby-hodh"),
    "fingerprint with 8": setting("sender", "fingerprint", value="K7QF-2M9X-P4RA-ZC6T-8WJN"),
    "recipient in capitals": setting("sender", "age_recipient", value=SENDER.age_recipient.upper()),
    "ssh recipient": setting("sender", "age_recipient", value="ssh-ed25519 AAAAC3Nz"),
    "short signing key": setting("sender", "sign_public", value="AAAA"),
    "signing key as list": setting("sender", "sign_public", value=[1, 2]),
    "no recipients": setting("recipients", value=[]),
    "recipient twice": setting("recipients", value=[READER.fingerprint] * 2),
    "65 recipients": setting("recipients", value=[READER.fingerprint] * 65),
    "recipient malformed": setting("recipients", 0, value="reader"),
    "recipients not a list": setting("recipients", value=READER.fingerprint),
    "sequence 0": setting("sequence", value=0),
    "sequence negative": setting("sequence", value=-1),
    "sequence boolean": setting("sequence", value=True),
    "sequence as text": setting("sequence", value="12"),
    "sequence too large": setting("sequence", value=2**53),
    "members not a list": setting("members", value={}),
    "member not an object": setting("members", 0, value="records/clients.json"),
    "unknown record kind": setting(
        "members", 0, value={"path": "records/evil.json", "kind": "evil", "sha256": HASH, "size": 1}
    ),
    "path outside": setting("members", 0, "path", value="../clients.json"),
    "form not a uuid": setting("members", 7, "path", value="forms/x.pdf"),
    "kind does not fit path": setting("members", 0, "kind", value="staff"),
    "acknowledgements in an export": setting(
        "members",
        0,
        value={
            "path": "records/acknowledgements.json",
            "kind": "acknowledgements",
            "sha256": HASH,
            "size": 1,
        },
    ),
    "protocols in a receipt": lambda d: setting(
        "members",
        0,
        value={
            "path": "records/protocols.json",
            "kind": "protocols",
            "sha256": HASH,
            "size": 1,
        },
    )(manifest(BundleKind.RECEIPT)),
    "form in a receipt": lambda d: setting(
        "members", 0, value={"path": FORM, "kind": "form", "sha256": HASH, "size": 1}
    )(manifest(BundleKind.RECEIPT)),
    "hash in capitals": setting("members", 0, "sha256", value="AB" * 32),
    "hash short": setting("members", 0, "sha256", value="ab" * 31),
    "size negative": setting("members", 0, "size", value=-1),
    "size boolean": setting("members", 0, "size", value=False),
}
CODE_ONLY: dict[str, Sample] = {
    "member path twice": lambda d: setting("members", 1, value=d["members"][0])(d),
    "31 February": setting("created_at", value="2026-02-31T00:00:00Z"),
    "fingerprint of other keys": sender_keys_swapped,
    "recipient checksum": setting(
        "sender", "age_recipient", value=SENDER.age_recipient[:-1]
        + ("q" if SENDER.age_recipient[-1] != "q" else "p")),
    "signing key padding bits": setting(
        "sender", "sign_public", value=SENDER.to_json()["sign_public"][:-2] + "B="),
}  # fmt: skip


def code_accepts(value: object) -> bool:
    try:
        parse_manifest(value)
    except BundleRefused:
        return False
    return True


@pytest.mark.parametrize("name", VALID)
def test_valid_samples(name: str) -> None:
    sample = VALID[name](manifest())
    assert is_valid(SCHEMA, sample) and code_accepts(sample)


@pytest.mark.parametrize("name", INVALID)
def test_invalid_samples(name: str) -> None:
    sample = INVALID[name](manifest())
    assert not is_valid(SCHEMA, sample)
    assert not code_accepts(sample)


@pytest.mark.parametrize("name", CODE_ONLY)
def test_rules_only_the_code_checks(name: str) -> None:
    sample = CODE_ONLY[name](manifest())
    assert is_valid(SCHEMA, sample)
    assert not code_accepts(sample)


def test_samples_do_not_share_state() -> None:
    first = manifest()
    assert manifest() == copy.deepcopy(first)
    assert parse_manifest(first).to_json() == first
