"""A bundle: one age-encrypted file holding a ustar archive with a signed manifest and the
members it lists (docs/exchange-format.md). Written whole, opened only when all of it checks out.

Trust stays with the caller: `open_bundle` looks the sender's device id up in what the caller
knows, refuses a known id with other keys, and otherwise reports the sender's fingerprint so a
person can decide. Sequence gaps and replays are the caller's too (it keeps the history).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType

import pyrage

from outreach_desktop.exchange.archive import DAMAGED, Member, read_tar, too_large, write_tar
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.json_text import InvalidJson, canonical_json, strict_json
from outreach_desktop.exchange.keys import Identity, PublicKeys, verify
from outreach_desktop.exchange.manifest import (
    INVALID,
    NOT_OURS,
    BundleKind,
    Manifest,
    MemberEntry,
    Role,
    Sender,
    member_kind,
    parse_manifest,
)

MB = 1024 * 1024
DEFAULT_SIZE_LIMIT = 200 * MB
AGE_MAGIC = b"age-encryption.org/v1\n"  # binary age v1; the armored form is not a bundle
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"

Trust = Mapping[str, PublicKeys] | Callable[[str], PublicKeys | None]

NOT_DECRYPTABLE = (
    "Die Datei lässt sich mit dem Schlüssel dieses Tresors nicht öffnen: "
    "sie ist für einen anderen Empfänger bestimmt oder beschädigt."
)
NOT_FOR_US = "Das Paket ist nicht für diesen Tresor bestimmt."
NO_MANIFEST = "Dem Paket fehlt sein Inhaltsverzeichnis."
NO_SIGNATURE = "Das Paket ist nicht signiert."
BAD_LAYOUT = "Das Paket ist nicht wie vorgeschrieben aufgebaut."
BAD_SIGNATURE = (
    "Die Signatur passt nicht: die Datei wurde verändert oder stammt nicht vom angegebenen Gerät."
)
KEY_CHANGED = (
    "Der Absender ist bekannt, aber das Paket trägt andere Schlüssel als die hinterlegten: "
    "es wird abgelehnt."
)
MISSING = "Im Paket fehlt eine Datei, die sein Inhaltsverzeichnis nennt."
EXTRA = "Das Paket enthält eine Datei, die sein Inhaltsverzeichnis nicht nennt."
HASH_MISMATCH = "Eine Datei im Paket passt nicht zu ihrer Prüfsumme: sie wurde verändert."
KIND_NAMES = {BundleKind.EXPORT: "ein Export", BundleKind.RECEIPT: "eine Quittung"}


@dataclass(frozen=True)
class SenderInfo:
    role: Role
    device_id: str


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle that passed every check. `sender_known` False: the keys are consistent and
    signed, but nobody has confirmed `fingerprint` yet."""

    manifest: Manifest
    members: Mapping[str, bytes]  # by path, in manifest order; without manifest.json and .sig
    sender_known: bool

    @property
    def kind(self) -> BundleKind:
        return self.manifest.kind

    @property
    def bundle_id(self) -> str:
        return self.manifest.bundle_id

    @property
    def sequence(self) -> int:
        return self.manifest.sequence

    @property
    def sender(self) -> Sender:
        return self.manifest.sender

    @property
    def sender_keys(self) -> PublicKeys:
        return self.manifest.sender.keys

    @property
    def fingerprint(self) -> str:
        return self.manifest.sender.fingerprint


def bundle_file_name(kind: BundleKind, device_id: str, sequence: int) -> str:
    """`OD-<8>-<seq>.age` for exports, `OD-receipt-<8>-<seq>.age` for receipts: no person."""
    prefix = "OD-receipt" if kind is BundleKind.RECEIPT else "OD"
    return f"{prefix}-{device_id[:8]}-{sequence:06d}.age"


def write_bundle(
    kind: BundleKind,
    sender: Identity,
    sender_info: SenderInfo,
    recipients: list[PublicKeys],
    sequence: int,
    members: Mapping[str, bytes],
    now: datetime,
    *,
    bundle_id: str | None = None,
    for_device: str | None = None,
) -> tuple[str, bytes]:
    """The file name and the encrypted bytes of a new bundle. `for_device` (receipts only) is
    the device the receipt is for; its id names the file. ValueError for anything a reader
    would refuse (a programming error, not the user's)."""
    kind = BundleKind(kind)
    if (kind is BundleKind.RECEIPT) != (for_device is not None):
        raise ValueError("a receipt, and only a receipt, names the device it is for")
    if kind is BundleKind.EXPORT and sender.public not in recipients:
        raise ValueError("an export is encrypted to its sender too, to read it back")
    if now.tzinfo is None:
        raise ValueError("now must carry a time zone")
    ordered = sorted(members.items(), key=lambda m: (not m[0].startswith("records/"), m[0]))
    manifest = Manifest(
        kind=kind,
        bundle_id=bundle_id or str(uuid.uuid4()),
        created_at=now.astimezone(UTC).replace(microsecond=0),
        sender=Sender(Role(sender_info.role), sender_info.device_id, sender.public),
        recipients=tuple(dict.fromkeys(r.fingerprint for r in recipients)),
        sequence=sequence,
        members=tuple(_entry(kind, path, data) for path, data in ordered),
    )
    manifest_bytes = canonical_json(manifest.to_json())
    try:
        parse_manifest(strict_json(manifest_bytes))
    except (BundleRefused, InvalidJson) as error:
        raise ValueError(f"this manifest would be refused: {error}") from None
    signature = sender.sign(manifest_bytes)
    tar = write_tar([(MANIFEST, manifest_bytes), (SIGNATURE, signature), *ordered])
    age_recipients = [pyrage.x25519.Recipient.from_str(r.age_recipient) for r in recipients]
    encrypted = bytes(pyrage.encrypt(tar, age_recipients))
    return bundle_file_name(kind, for_device or sender_info.device_id, sequence), encrypted


def _entry(kind: BundleKind, path: str, data: bytes) -> MemberEntry:
    found = member_kind(kind, path)
    if found is None:
        raise ValueError(f"no member {path!r} in a bundle of kind {kind.value}")
    return MemberEntry(path, found, hashlib.sha256(data).hexdigest(), len(data))


def open_bundle(
    data: bytes,
    reader: Identity,
    trusted: Trust,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    *,
    kind: BundleKind | None = None,
) -> OpenedBundle:
    """Decrypt and verify everything, or raise `BundleRefused` saying why in German: size, age
    decryption, the archive's rules, manifest and signature, `kind` (if given), the sender's
    keys against `trusted` (by device id), the reader among the recipients, each member's
    presence, size and SHA-256."""
    if len(data) > size_limit:
        raise too_large(size_limit)
    entries = read_tar(_decrypt(data, reader), max_member=size_limit, max_total=size_limit)
    manifest_bytes, signature, rest = _split(entries)
    try:
        manifest = parse_manifest(strict_json(manifest_bytes))
    except InvalidJson:
        raise BundleRefused(INVALID) from None
    if kind is not None and manifest.kind is not kind:
        got, wanted = KIND_NAMES[manifest.kind], KIND_NAMES[kind]
        raise BundleRefused(f"Die Datei ist {got}, erwartet wurde {wanted}.")
    if not verify(manifest.sender.keys, manifest_bytes, signature):
        raise BundleRefused(BAD_SIGNATURE)
    known = _sender_known(trusted, manifest.sender)
    if reader.fingerprint not in manifest.recipients:
        raise BundleRefused(NOT_FOR_US)
    return OpenedBundle(manifest, MappingProxyType(_checked_members(manifest, rest)), known)


def _decrypt(data: bytes, reader: Identity) -> bytes:
    if not data.startswith(AGE_MAGIC):
        raise BundleRefused(DAMAGED if AGE_MAGIC.startswith(data) else NOT_OURS)
    try:
        return bytes(pyrage.decrypt(data, [reader.age()]))
    except pyrage.DecryptError as error:
        if "no matching keys" in str(error).lower():
            raise BundleRefused(NOT_DECRYPTABLE) from None
        raise BundleRefused(DAMAGED) from None
    except Exception:  # whatever else the age parser may raise on hostile input
        raise BundleRefused(DAMAGED) from None


def _split(entries: list[Member]) -> tuple[bytes, bytes, list[Member]]:
    """manifest.json first, manifest.sig (64 bytes) second, then the members."""
    names = [e.name for e in entries]
    if MANIFEST not in names:
        raise BundleRefused(NO_MANIFEST)
    if SIGNATURE not in names:
        raise BundleRefused(NO_SIGNATURE)
    if names[:2] != [MANIFEST, SIGNATURE]:
        raise BundleRefused(BAD_LAYOUT)
    if len(entries[1].data) != 64:
        raise BundleRefused(BAD_SIGNATURE)
    return entries[0].data, entries[1].data, entries[2:]


def _sender_known(trusted: Trust, sender: Sender) -> bool:
    if isinstance(trusted, Mapping):
        known = trusted.get(sender.device_id)
    else:
        known = trusted(sender.device_id)
    if known is None:
        return False
    if known != sender.keys:
        raise BundleRefused(KEY_CHANGED)
    return True


def _checked_members(manifest: Manifest, found: list[Member]) -> dict[str, bytes]:
    by_path = {m.name: m.data for m in found}
    listed = {e.path for e in manifest.members}
    if listed - by_path.keys():
        raise BundleRefused(MISSING)
    if by_path.keys() - listed:
        raise BundleRefused(EXTRA)
    for entry in manifest.members:
        data = by_path[entry.path]
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise BundleRefused(HASH_MISMATCH)
    return {e.path: by_path[e.path] for e in manifest.members}
