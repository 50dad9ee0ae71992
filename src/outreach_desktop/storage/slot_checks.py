"""What can be checked in a key slot without its secret: a checksum written with each slot,
field types and lengths, and the structure of the recovery slot's age file.

A slot that fails any of these is damaged: it is never used, and never copied over a sound one.
Slots written before the checksum existed are read as "unchecked" (their structure only).
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from outreach_desktop.storage.errors import KeySlotsDamaged

CHECKSUM = "sha256"
AGE_INTRO = b"age-encryption.org/v1\n"
AGE_MAX_STANZAS = 8
AGE_NONCE = 16
AGE_TAG = 16


def _canonical(slot: dict[str, Any]) -> bytes:
    rest = {k: v for k, v in slot.items() if k != CHECKSUM}
    return json.dumps(rest, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def with_checksum(slot: dict[str, Any]) -> dict[str, Any]:
    return {**slot, CHECKSUM: hashlib.sha256(_canonical(slot)).hexdigest()}


def checksum_ok(slot: dict[str, Any]) -> bool:
    """True when the slot carries a matching checksum, False when it carries none (an older
    file); a checksum that does not match is damage."""
    if CHECKSUM not in slot:
        return False
    if slot[CHECKSUM] != hashlib.sha256(_canonical(slot)).hexdigest():
        raise KeySlotsDamaged("Prüfsumme stimmt nicht")
    return True


def need_dict(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise KeySlotsDamaged("Schlüssel unlesbar")
    return value


def need_str(data: dict[str, Any], name: str, limit: int = 4096) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise KeySlotsDamaged(f"Feld {name} unlesbar")
    return value


def need_int(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if type(value) is not int:
        raise KeySlotsDamaged(f"Feld {name} unlesbar")
    return value


def need_bytes(data: dict[str, Any], name: str, low: int, high: int) -> bytes:
    """Strict base64 of `low`…`high` bytes."""
    text = need_str(data, name, limit=4 * high // 3 + 4)
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except ValueError:
        raise KeySlotsDamaged(f"Feld {name} unlesbar") from None
    if not low <= len(raw) <= high:
        raise KeySlotsDamaged(f"Feld {name} hat die falsche Länge")
    return raw


def _unpadded(text: bytes, size: int) -> None:
    try:
        raw = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except ValueError:
        raise KeySlotsDamaged("age-Kopf unlesbar") from None
    if len(raw) != size:
        raise KeySlotsDamaged("age-Kopf unlesbar")


def _line(data: bytes, pos: int) -> tuple[bytes, int]:
    end = data.find(b"\n", pos)
    if end < 0:
        raise KeySlotsDamaged("age-Kopf unvollständig")
    return data[pos:end], end + 1


def _stanza_body(data: bytes, pos: int) -> tuple[bytes, int]:
    body = b""
    while True:
        line, pos = _line(data, pos)
        if len(line) > 64:
            raise KeySlotsDamaged("age-Kopf unlesbar")
        body += line
        if len(line) < 64:
            return body, pos


def check_age_file(data: bytes, plaintext_length: int) -> None:
    """The header of an age file for one X25519 recipient (other stanzas, such as rage's
    grease, may stand beside it), and a payload exactly as long as our plaintext encrypts to.
    The header's MAC needs the agency's key; the checksum covers what this cannot see."""
    if not data.startswith(AGE_INTRO):
        raise KeySlotsDamaged("kein age-Format")
    pos, x25519 = len(AGE_INTRO), 0
    for _ in range(AGE_MAX_STANZAS + 1):
        line, pos = _line(data, pos)
        if line.startswith(b"--- "):
            _unpadded(line[4:], 32)
            break
        if not line.startswith(b"-> "):
            raise KeySlotsDamaged("age-Kopf unlesbar")
        args = line[3:].split(b" ")
        body, pos = _stanza_body(data, pos)
        if args[0] == b"X25519":
            if len(args) != 2:
                raise KeySlotsDamaged("age-Kopf unlesbar")
            _unpadded(args[1], 32)
            _unpadded(body, 32)
            x25519 += 1
    else:
        raise KeySlotsDamaged("age-Kopf unlesbar")
    if x25519 != 1:
        raise KeySlotsDamaged("age-Empfänger fehlt")
    if len(data) - pos != AGE_NONCE + plaintext_length + AGE_TAG:
        raise KeySlotsDamaged("age-Inhalt hat die falsche Länge")
