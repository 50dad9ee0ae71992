"""The manifest of a bundle as a typed value, and its check in code.

`parse_manifest` implements exactly docs/schemas/manifest.schema.json (tests hold the two
together) plus the rules JSON Schema cannot say: member paths unique, a real calendar time, the
fingerprint matching the keys, the age recipient's checksum.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.keys import FINGERPRINT_PATTERN, InvalidKey, PublicKeys

FORMAT = "outreach-desktop-bundle"
FORMAT_VERSION = 1
MAX_RECIPIENTS = 64
MAX_INTEGER = 2**53 - 1  # what every JSON reader holds exactly
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
UUID_PATTERN = re.compile(UUID)
FORM_PATH = re.compile(rf"forms/{UUID}\.pdf")
SHA256_PATTERN = re.compile(r"[0-9a-f]{64}")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
TIME_PATTERN = re.compile(
    r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z"
)
FORM_KIND = "form"
EXPORT_RECORD_KINDS = (
    "clients",
    "staff",
    "third_parties",
    "appointments",
    "protocols",
    "consents",
    "anonymous_counselling",
)
RECEIPT_RECORD_KINDS = ("acknowledgements",)

INVALID = "Das Inhaltsverzeichnis des Pakets ist ungültig."
NOT_OURS = "Die Datei ist kein Paket von Outreach Desktop."
INCONSISTENT = "Der Fingerabdruck im Paket passt nicht zu den Schlüsseln des Absenders."


class BundleKind(StrEnum):
    EXPORT = "export"  # laptop → office
    RECEIPT = "receipt"  # office → laptop


class Role(StrEnum):
    FIELD = "field"
    AGENCY = "agency"


SENDER_ROLE = {BundleKind.EXPORT: Role.FIELD, BundleKind.RECEIPT: Role.AGENCY}
RECORD_KINDS = {BundleKind.EXPORT: EXPORT_RECORD_KINDS, BundleKind.RECEIPT: RECEIPT_RECORD_KINDS}


@dataclass(frozen=True)
class Sender:
    role: Role
    device_id: str
    keys: PublicKeys

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint


@dataclass(frozen=True)
class MemberEntry:
    path: str
    kind: str  # the record kind, or "form"
    sha256: str  # lower-case hex
    size: int


@dataclass(frozen=True)
class Manifest:
    kind: BundleKind
    bundle_id: str
    created_at: datetime  # UTC, whole seconds
    sender: Sender
    recipients: tuple[str, ...]  # fingerprints
    sequence: int
    members: tuple[MemberEntry, ...]
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "kind": self.kind.value,
            "bundle_id": self.bundle_id,
            "created_at": self.created_at.astimezone(UTC).strftime(TIME_FORMAT),
            "sender": {
                "role": self.sender.role.value,
                "device_id": self.sender.device_id,
                "fingerprint": self.sender.fingerprint,
                **self.sender.keys.to_json(),
            },
            "recipients": list(self.recipients),
            "sequence": self.sequence,
            "members": [
                {"path": m.path, "kind": m.kind, "sha256": m.sha256, "size": m.size}
                for m in self.members
            ],
        }


def member_kind(bundle_kind: BundleKind, path: str) -> str | None:
    """The kind a member at `path` has in a bundle of `bundle_kind`; None if not allowed there."""
    if bundle_kind is BundleKind.EXPORT and FORM_PATH.fullmatch(path):
        return FORM_KIND
    for kind in RECORD_KINDS[bundle_kind]:
        if path == f"records/{kind}.json":
            return kind
    return None


def parse_manifest(value: object) -> Manifest:
    """The manifest in `value` (parsed JSON), or `BundleRefused`: another format, a newer
    version, or anything against the schema."""
    # format and version first: a newer version may have other fields
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise BundleRefused(NOT_OURS)
    version = _integer(value.get("format_version"), 1)
    if version > FORMAT_VERSION:
        raise BundleRefused(
            f"Das Paket hat ein neueres Format (Version {version}); "
            "bitte Outreach Desktop aktualisieren."
        )
    data = _object(value, {"format", "format_version", "kind", "bundle_id", "created_at",
                           "sender", "recipients", "sequence", "members"})  # fmt: skip
    kind = BundleKind(_choice(data["kind"], [k.value for k in BundleKind]))
    return Manifest(
        kind=kind,
        bundle_id=_text(data["bundle_id"], UUID_PATTERN),
        created_at=_time(data["created_at"]),
        sender=_sender(data["sender"], kind),
        recipients=_recipients(data["recipients"]),
        sequence=_integer(data["sequence"], 1),
        members=_members(data["members"], kind),
        format_version=version,
    )


def _sender(value: object, kind: BundleKind) -> Sender:
    data = _object(value, {"role", "device_id", "fingerprint", "age_recipient", "sign_public"})
    role = Role(_choice(data["role"], [SENDER_ROLE[kind].value]))
    device_id = _text(data["device_id"], UUID_PATTERN)
    claimed = _text(data["fingerprint"], FINGERPRINT_PATTERN)
    try:
        keys = PublicKeys.from_json(data)
    except InvalidKey:
        raise BundleRefused(INVALID) from None
    if keys.fingerprint != claimed:
        raise BundleRefused(INCONSISTENT)
    return Sender(role, device_id, keys)


def _recipients(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_RECIPIENTS:
        raise BundleRefused(INVALID)
    found = tuple(_text(item, FINGERPRINT_PATTERN) for item in value)
    if len(set(found)) != len(found):
        raise BundleRefused(INVALID)
    return found


def _members(value: object, bundle_kind: BundleKind) -> tuple[MemberEntry, ...]:
    if not isinstance(value, list):
        raise BundleRefused(INVALID)
    entries = []
    for item in value:
        data = _object(item, {"path", "kind", "sha256", "size"})
        path = data["path"]
        if not isinstance(path, str):
            raise BundleRefused(INVALID)
        expected = member_kind(bundle_kind, path)
        if expected is None or data["kind"] != expected:
            raise BundleRefused(INVALID)
        sha = _text(data["sha256"], SHA256_PATTERN)
        entries.append(MemberEntry(path, expected, sha, _integer(data["size"], 0)))
    if len({e.path for e in entries}) != len(entries):
        raise BundleRefused(INVALID)
    return tuple(entries)


def _object(value: object, keys: set[str]) -> Mapping[str, object]:
    if not isinstance(value, dict) or set(value) != keys:
        raise BundleRefused(INVALID)
    return value


def _text(value: object, pattern: re.Pattern[str]) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise BundleRefused(INVALID)
    return value


def _choice(value: object, allowed: list[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise BundleRefused(INVALID)
    return value


def _integer(value: object, minimum: int) -> int:
    # bool is an int in Python, not in JSON
    if type(value) is not int or not minimum <= value <= MAX_INTEGER:
        raise BundleRefused(INVALID)
    return value


def _time(value: object) -> datetime:
    text = _text(value, TIME_PATTERN)
    try:
        return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:  # 31 February and the like
        raise BundleRefused(INVALID) from None
