"""Key slots: the vault's random data key, wrapped by the passphrase and by the agency.

`keyslots.json` holds a passphrase slot (Argon2id → AES-256-GCM) and optionally a recovery
slot (the data key encrypted with age to the agency's X25519 recipient). A second copy,
`keyslots.backup.json`, is written the same way: losing both loses the vault.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from outreach_desktop.storage.atomic import atomic_write
from outreach_desktop.storage.errors import (
    KeySlotsDamaged,
    RecoveryFailed,
    WeakKeyParameters,
    WrongPassphrase,
)
from outreach_desktop.storage.kdf import KdfParams, derive_key
from outreach_desktop.storage.slot_checks import (
    check_age_file,
    checksum_ok,
    need_bytes,
    need_dict,
    need_int,
    need_str,
    with_checksum,
)

FORMAT = "outreach-desktop-keyslots"
VERSION = 1
SLOTS_FILE = "keyslots.json"
BACKUP_FILE = "keyslots.backup.json"
DATA_KEY_BYTES = 32
SALT_BYTES = (16, 64)
NONCE_BYTES = 12
WRAPPED_BYTES = DATA_KEY_BYTES + 16  # AES-GCM adds its tag
MAX_AGE_BYTES = 4096


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _aad(vault_id: str, params: KdfParams) -> bytes:
    # Binding the parameters means an attacker cannot lower them without breaking the tag.
    p = params
    fields = (FORMAT, VERSION, vault_id, "argon2id", p.memory_kib, p.time_cost, p.parallelism)
    return "|".join(str(f) for f in fields).encode()


@dataclass(frozen=True)
class PassphraseSlot:
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    @classmethod
    def wrap(
        cls, data_key: bytes | bytearray, passphrase: str, vault_id: str, params: KdfParams
    ) -> PassphraseSlot:
        params.require_bounds()
        salt, nonce = os.urandom(SALT_BYTES[0]), os.urandom(NONCE_BYTES)
        kek = derive_key(passphrase, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, bytes(data_key), _aad(vault_id, params))
        return cls(params, salt, nonce, wrapped)

    def unwrap(self, passphrase: str, vault_id: str) -> bytearray:
        self.params.require_bounds()
        kek = derive_key(passphrase, self.salt, self.params)
        try:
            key = AESGCM(kek).decrypt(self.nonce, self.wrapped_key, _aad(vault_id, self.params))
        except InvalidTag:
            raise WrongPassphrase() from None
        return bytearray(key)

    def to_json(self) -> dict[str, Any]:
        return with_checksum({
            "kdf": "argon2id",
            **self.params.as_dict(),
            "salt": _b64(self.salt),
            "cipher": "AES-256-GCM",
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        })  # fmt: skip

    @classmethod
    def from_json(cls, value: object) -> tuple[PassphraseSlot, bool]:
        """The slot and whether a checksum vouched for it. Parameters above what this program
        writes are damage (refused before Argon2 could run); below the minimum, unwrapping
        refuses them with their own message."""
        data = need_dict(value)
        checked = checksum_ok(data)
        if data.get("kdf") != "argon2id" or data.get("cipher") != "AES-256-GCM":
            raise KeySlotsDamaged("unbekanntes Verfahren")
        params = KdfParams(*(need_int(data, n) for n in ("memory_kib", "time_cost", "parallelism")))
        with contextlib.suppress(WeakKeyParameters):
            params.require_bounds()
        slot = cls(
            params,
            need_bytes(data, "salt", *SALT_BYTES),
            need_bytes(data, "nonce", NONCE_BYTES, NONCE_BYTES),
            need_bytes(data, "wrapped_key", WRAPPED_BYTES, WRAPPED_BYTES),
        )
        return slot, checked


def parse_recipient(recipient: str) -> pyrage.x25519.Recipient:
    try:
        return pyrage.x25519.Recipient.from_str(recipient.strip())
    except Exception:
        raise RecoveryFailed(
            "Der Wiederherstellungsschlüssel der Dienststelle ist kein gültiger age-Empfänger "
            "(er beginnt mit »age1«)."
        ) from None


def parse_identities(identity_file_text: str) -> list[pyrage.x25519.Identity]:
    """Identities from a file as `age-keygen` writes it (comments and blank lines allowed)."""
    identities = []
    for line in identity_file_text.splitlines():
        line = line.strip()
        if line.startswith("AGE-SECRET-KEY-1"):
            try:
                identities.append(pyrage.x25519.Identity.from_str(line))
            except Exception:
                raise RecoveryFailed(
                    "Die Schlüsseldatei enthält einen ungültigen Schlüssel."
                ) from None
    if not identities:
        raise RecoveryFailed("In der Datei wurde kein age-Schlüssel (AGE-SECRET-KEY-1…) gefunden.")
    return identities


@dataclass(frozen=True)
class RecoverySlot:
    recipient: str
    ciphertext: bytes

    @classmethod
    def wrap(cls, data_key: bytes | bytearray, vault_id: str, recipient: str) -> RecoverySlot:
        ciphertext = pyrage.encrypt(_payload(vault_id, data_key), [parse_recipient(recipient)])
        return cls(recipient.strip(), ciphertext)

    def unwrap(self, identity_file_text: str, vault_id: str) -> bytearray:
        identities = parse_identities(identity_file_text)
        try:
            payload = json.loads(pyrage.decrypt(self.ciphertext, identities))
        except Exception:
            raise RecoveryFailed(
                "Der Wiederherstellungsschlüssel passt nicht zu diesem Tresor."
            ) from None
        if payload.get("vault_id") != vault_id:
            raise RecoveryFailed("Der Wiederherstellungsschlüssel gehört zu einem anderen Tresor.")
        return bytearray.fromhex(payload["data_key"])

    def to_json(self) -> dict[str, Any]:
        return with_checksum({"recipient": self.recipient, "age": _b64(self.ciphertext)})

    @classmethod
    def from_json(cls, value: object, vault_id: str) -> tuple[RecoverySlot, bool]:
        """The slot and whether a checksum vouched for it; its recipient must be one and its
        age file must be shaped as ours are (see `check_age_file`)."""
        data = need_dict(value)
        checked = checksum_ok(data)
        recipient = need_str(data, "recipient", limit=200)
        try:
            parse_recipient(recipient)
        except RecoveryFailed:
            raise KeySlotsDamaged("Empfänger unlesbar") from None
        ciphertext = need_bytes(data, "age", 1, MAX_AGE_BYTES)
        check_age_file(ciphertext, len(_payload(vault_id, bytes(DATA_KEY_BYTES))))
        return cls(recipient, ciphertext), checked


def _payload(vault_id: str, data_key: bytes | bytearray) -> bytes:
    return json.dumps({"vault_id": vault_id, "data_key": bytes(data_key).hex()}).encode()


MAX_FILE_BYTES = 64 * 1024  # ours are about 1 KiB; a huge file is damage, not read whole


def document(vault_id: str, passphrase: object, recovery: object) -> bytes:
    """A key file holding these slots (their JSON as given)."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": vault_id,
        "database": "sqlcipher4-raw-key",
        "passphrase": passphrase,
        "recovery": recovery,
    }
    return (json.dumps(doc, indent=2) + "\n").encode("utf-8")


def parse_document(raw: bytes) -> tuple[str, dict[str, Any]]:
    """The vault id and the whole document of a key file; its slots are read one by one."""
    if len(raw) > MAX_FILE_BYTES:
        raise KeySlotsDamaged("Datei zu groß")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError included
        raise KeySlotsDamaged() from None
    doc = need_dict(doc)
    if doc.get("format") != FORMAT:
        raise KeySlotsDamaged("fremdes Format")
    if doc.get("version") != VERSION:
        raise KeySlotsDamaged("unbekannte Version")
    return need_str(doc, "vault_id", limit=100), doc


def read_limited(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(MAX_FILE_BYTES + 1)


def write_files(directory: Path, files: Mapping[str, bytes]) -> None:
    """Write the copy, then the primary. Should the primary fail (disk full), the copy is put
    back, so both files keep agreeing with what the user was told."""
    previous: bytes | None = None
    if BACKUP_FILE in files:
        try:
            previous = (directory / BACKUP_FILE).read_bytes()
        except OSError:
            previous = None
        atomic_write(directory / BACKUP_FILE, files[BACKUP_FILE])
    if SLOTS_FILE not in files:
        return
    try:
        atomic_write(directory / SLOTS_FILE, files[SLOTS_FILE])
    except BaseException:
        if previous is not None:
            with contextlib.suppress(Exception):
                atomic_write(directory / BACKUP_FILE, previous)
        raise


@dataclass(frozen=True)
class KeySlots:
    """The slots in use. `recovery_damaged`: no usable recovery slot was found, but a damaged
    one was (the vault shows it, and a joined laptop writes the agency's anew)."""

    vault_id: str
    passphrase: PassphraseSlot
    recovery: RecoverySlot | None = None
    recovery_damaged: bool = field(default=False, compare=False)

    def to_bytes(self) -> bytes:
        recovery = self.recovery.to_json() if self.recovery else None
        return document(self.vault_id, self.passphrase.to_json(), recovery)

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeySlots:
        """All slots of one file, each of them readable (else KeySlotsDamaged)."""
        vault_id, doc = parse_document(raw)
        recovery = doc.get("recovery")
        return cls(
            vault_id=vault_id,
            passphrase=PassphraseSlot.from_json(doc.get("passphrase"))[0],
            recovery=None if recovery is None else RecoverySlot.from_json(recovery, vault_id)[0],
        )

    def save(self, directory: Path) -> None:
        data = self.to_bytes()
        write_files(directory, {BACKUP_FILE: data, SLOTS_FILE: data})

    @classmethod
    def exists(cls, directory: Path) -> bool:
        return (directory / SLOTS_FILE).is_file() or (directory / BACKUP_FILE).is_file()

    @classmethod
    def load(cls, directory: Path) -> KeySlots:
        """The primary file, or its copy when the primary is missing or damaged."""
        problem: KeySlotsDamaged | None = None
        for name in (SLOTS_FILE, BACKUP_FILE):
            try:
                raw = read_limited(directory / name)
            except FileNotFoundError:
                continue
            except OSError as exc:
                problem = KeySlotsDamaged(exc.strerror or "")
                continue
            try:
                return cls.from_bytes(raw)
            except KeySlotsDamaged as exc:
                problem = exc
        raise problem or KeySlotsDamaged()
