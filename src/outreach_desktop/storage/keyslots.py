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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from outreach_desktop.storage.atomic import atomic_write
from outreach_desktop.storage.errors import KeySlotsDamaged, RecoveryFailed, WrongPassphrase
from outreach_desktop.storage.kdf import KdfParams, derive_key

FORMAT = "outreach-desktop-keyslots"
VERSION = 1
SLOTS_FILE = "keyslots.json"
BACKUP_FILE = "keyslots.backup.json"
DATA_KEY_BYTES = 32


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


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
        params.require_minimum()
        salt, nonce = os.urandom(16), os.urandom(12)
        kek = derive_key(passphrase, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, bytes(data_key), _aad(vault_id, params))
        return cls(params, salt, nonce, wrapped)

    def unwrap(self, passphrase: str, vault_id: str) -> bytearray:
        self.params.require_minimum()
        kek = derive_key(passphrase, self.salt, self.params)
        try:
            key = AESGCM(kek).decrypt(self.nonce, self.wrapped_key, _aad(vault_id, self.params))
        except InvalidTag:
            raise WrongPassphrase() from None
        return bytearray(key)

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": "argon2id",
            **self.params.as_dict(),
            "salt": _b64(self.salt),
            "cipher": "AES-256-GCM",
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PassphraseSlot:
        if data.get("kdf") != "argon2id" or data.get("cipher") != "AES-256-GCM":
            raise KeySlotsDamaged("unbekanntes Verfahren")
        params = KdfParams(
            int(data["memory_kib"]), int(data["time_cost"]), int(data["parallelism"])
        )
        return cls(params, _unb64(data["salt"]), _unb64(data["nonce"]), _unb64(data["wrapped_key"]))


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
        payload = json.dumps({"vault_id": vault_id, "data_key": bytes(data_key).hex()}).encode()
        ciphertext = pyrage.encrypt(payload, [parse_recipient(recipient)])
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
        return {"recipient": self.recipient, "age": _b64(self.ciphertext)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecoverySlot:
        return cls(str(data["recipient"]), _unb64(data["age"]))


@dataclass(frozen=True)
class KeySlots:
    vault_id: str
    passphrase: PassphraseSlot
    recovery: RecoverySlot | None = None

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "database": "sqlcipher4-raw-key",
            "passphrase": self.passphrase.to_json(),
            "recovery": self.recovery.to_json() if self.recovery else None,
        }
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeySlots:
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise KeySlotsDamaged("fremdes Format")
            if doc.get("version") != VERSION:
                raise KeySlotsDamaged(f"Version {doc.get('version')}")
            recovery = doc.get("recovery")
            return cls(
                vault_id=str(doc["vault_id"]),
                passphrase=PassphraseSlot.from_json(doc["passphrase"]),
                recovery=RecoverySlot.from_json(recovery) if recovery else None,
            )
        except KeySlotsDamaged:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise KeySlotsDamaged() from None

    def save(self, directory: Path) -> None:
        """Write the copy, then the primary. Should the primary fail (disk full), the copy is
        put back, so both files keep agreeing with what the user was told."""
        data = self.to_bytes()
        backup = directory / BACKUP_FILE
        try:
            previous: bytes | None = backup.read_bytes()
        except OSError:
            previous = None
        atomic_write(backup, data)
        try:
            atomic_write(directory / SLOTS_FILE, data)
        except BaseException:
            if previous is not None:
                with contextlib.suppress(Exception):
                    atomic_write(backup, previous)
            raise

    def matches_files(self, directory: Path) -> bool:
        """Both copies exist and hold exactly these slots."""
        data = self.to_bytes()
        try:
            return all((directory / n).read_bytes() == data for n in (SLOTS_FILE, BACKUP_FILE))
        except OSError:
            return False

    @classmethod
    def exists(cls, directory: Path) -> bool:
        return (directory / SLOTS_FILE).is_file() or (directory / BACKUP_FILE).is_file()

    @classmethod
    def other_copy(cls, directory: Path, current: KeySlots) -> KeySlots | None:
        """The copy's slots when they differ from `current` (an interrupted save)."""
        try:
            other = cls.from_bytes((directory / BACKUP_FILE).read_bytes())
        except (OSError, KeySlotsDamaged):
            return None
        return None if other == current else other

    @classmethod
    def load(cls, directory: Path) -> KeySlots:
        """The primary file, or its copy when the primary is missing or damaged."""
        problem: KeySlotsDamaged | None = None
        for name in (SLOTS_FILE, BACKUP_FILE):
            try:
                raw = (directory / name).read_bytes()
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
