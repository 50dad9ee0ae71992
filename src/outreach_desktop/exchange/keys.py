"""Who holds which keys: an identity is an age X25519 key (encryption) plus an Ed25519 key
(signing), one per job; its public halves and their fingerprint travel (docs/exchange-format.md).

Private material is plain text and bytes so the services can keep it inside the encrypted vault;
nothing here writes a file.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FINGERPRINT_DOMAIN = b"outreach-desktop-key-v1\n"
IDENTITY_TEXT_TAG = "outreach-desktop-identity-v1"
SIGN_KEY_BYTES = 32
SIGNATURE_BYTES = 64
AGE_SECRET_PREFIX = "AGE-SECRET-KEY-1"
# bech32 of a 32-byte key: "age1", 52 data characters, 6 checksum characters
AGE_RECIPIENT_PATTERN = re.compile(r"age1[02-9ac-hj-np-z]{58}")
SIGN_PUBLIC_PATTERN = re.compile(r"[A-Za-z0-9+/]{43}=")
FINGERPRINT_PATTERN = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){4}")


class InvalidKey(ValueError):
    """A key in a stored text or a received document is malformed (callers say where, to whom)."""


@dataclass(frozen=True)
class PublicKeys:
    """The public halves of an identity: what others encrypt to and verify with."""

    age_recipient: str  # "age1…", canonical (lower case) bech32
    sign_public: bytes  # Ed25519 public key, 32 bytes

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint(self)

    def to_json(self) -> dict[str, str]:
        return {
            "age_recipient": self.age_recipient,
            "sign_public": base64.b64encode(self.sign_public).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> PublicKeys:
        """Keys from `to_json`'s form; `InvalidKey` if either is malformed or not canonical."""
        recipient, sign = data.get("age_recipient"), data.get("sign_public")
        if not isinstance(recipient, str) or not isinstance(sign, str):
            raise InvalidKey("age_recipient and sign_public must be strings")
        return cls(parse_recipient(recipient), parse_sign_public(sign))


def parse_recipient(text: str) -> str:
    """`text` if it is an age X25519 recipient in canonical form, else `InvalidKey`."""
    if not AGE_RECIPIENT_PATTERN.fullmatch(text):
        raise InvalidKey("not an age X25519 recipient")
    try:
        canonical = str(pyrage.x25519.Recipient.from_str(text))
    except Exception:  # pyrage raises its own RecipientError; any failure means "not a key"
        raise InvalidKey("not an age X25519 recipient") from None
    if canonical != text:
        raise InvalidKey("age recipient not in canonical form")
    return text


def parse_sign_public(text: str) -> bytes:
    """The 32 bytes of a base64 Ed25519 public key in canonical form, else `InvalidKey`."""
    if not SIGN_PUBLIC_PATTERN.fullmatch(text):
        raise InvalidKey("not a base64 Ed25519 public key")
    raw = base64.b64decode(text, validate=True)
    if base64.b64encode(raw).decode("ascii") != text:
        raise InvalidKey("Ed25519 public key not in canonical base64")
    return raw


def fingerprint(public: PublicKeys) -> str:
    """SHA-256 over a domain tag, the Ed25519 key and the age recipient; the first 100 bits in
    base32 (RFC 4648), as five groups of four: what people read aloud to compare."""
    digest = hashlib.sha256(
        FINGERPRINT_DOMAIN + public.sign_public + public.age_recipient.encode("ascii")
    ).digest()
    text = base64.b32encode(digest).decode("ascii")[:20]
    return "-".join(text[i : i + 4] for i in range(0, 20, 4))


@dataclass(frozen=True)
class Identity:
    """A holder's private keys. Never shown in a repr or log."""

    age_secret: str = field(repr=False)  # "AGE-SECRET-KEY-1…"
    sign_secret: bytes = field(repr=False)  # Ed25519 private key (seed), 32 bytes

    def __post_init__(self) -> None:
        _age_identity(self.age_secret)
        if len(self.sign_secret) != SIGN_KEY_BYTES:
            raise InvalidKey("an Ed25519 private key has 32 bytes")

    @cached_property
    def public(self) -> PublicKeys:
        recipient = str(_age_identity(self.age_secret).to_public())
        sign_public = self._signer().public_key().public_bytes_raw()
        return PublicKeys(recipient, sign_public)

    @property
    def fingerprint(self) -> str:
        return self.public.fingerprint

    def sign(self, data: bytes) -> bytes:
        """Ed25519 signature (64 bytes) over exactly `data`."""
        return self._signer().sign(data)

    def age(self) -> Any:  # pyrage has no type hints
        """The pyrage identity object, for decrypting."""
        return _age_identity(self.age_secret)

    def to_text(self) -> str:
        """One line for the vault: tag, age secret key, base64 Ed25519 seed."""
        seed = base64.b64encode(self.sign_secret).decode("ascii")
        return f"{IDENTITY_TEXT_TAG} {self.age_secret} {seed}"

    @classmethod
    def from_text(cls, text: str) -> Identity:
        parts = text.strip().split(" ")
        if len(parts) != 3 or parts[0] != IDENTITY_TEXT_TAG:
            raise InvalidKey("not a stored Outreach Desktop identity")
        try:
            seed = base64.b64decode(parts[2], validate=True)
        except ValueError:
            raise InvalidKey("the signing key is not base64") from None
        return cls(parts[1], seed)

    def _signer(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.sign_secret)


def new_identity(age_identity_text: str | None = None) -> Identity:
    """A fresh identity. With `age_identity_text` (a file as `age-keygen` writes it), its first
    `AGE-SECRET-KEY-1…` line is the encryption key and only the signing key is new."""
    if age_identity_text is None:
        age_secret = str(pyrage.x25519.Identity.generate())
    else:
        lines = [line.strip() for line in age_identity_text.splitlines()]
        found = [line for line in lines if line.startswith(AGE_SECRET_PREFIX)]
        if not found:
            raise InvalidKey("no AGE-SECRET-KEY-1 line in the identity file")
        age_secret = found[0]
    return Identity(age_secret, Ed25519PrivateKey.generate().private_bytes_raw())


def age_identity_file(identity: Identity, comment: str = "") -> str:
    """The identity file Debian's `age -d -i FILE` and `rage` read, like `age-keygen` writes."""
    header = "".join(f"# {line}\n" for line in comment.splitlines() if line.strip())
    return f"{header}# public key: {identity.public.age_recipient}\n{identity.age_secret}\n"


def verify(public: PublicKeys, data: bytes, signature: bytes) -> bool:
    """Whether `signature` is `public`'s Ed25519 signature over exactly `data`."""
    if len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public.sign_public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def _age_identity(age_secret: str) -> Any:
    if not age_secret.startswith(AGE_SECRET_PREFIX):
        raise InvalidKey("not an age secret key (AGE-SECRET-KEY-1…)")
    try:
        return pyrage.x25519.Identity.from_str(age_secret)
    except Exception:  # pyrage's IdentityError; any failure means "not a key"
        raise InvalidKey("not an age secret key (AGE-SECRET-KEY-1…)") from None
