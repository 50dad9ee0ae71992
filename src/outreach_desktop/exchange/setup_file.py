"""The agency's setup file (docs/exchange-format.md, "The setup file"): the agency's public keys,
name, letterhead defaults and rules, signed by the agency's Ed25519 key. Bytes in, bytes out."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from outreach_desktop.domain.agency import (
    AgencyLetterhead,
    AgencySetup,
    rules_from_dict,
    rules_to_dict,
)
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.exchange.errors import SetupRefused
from outreach_desktop.exchange.json_text import InvalidJson, canonical_json, strict_json
from outreach_desktop.exchange.keys import Identity, InvalidKey, PublicKeys, fingerprint, verify

FORMAT = "outreach-desktop-setup"
VERSION = 1
MAX_BYTES = 256 * 1024
FILE_NAME = "agency-setup.json"

DAMAGED = "Die Einrichtungsdatei ist beschädigt oder keine Einrichtungsdatei der Dienststelle."
NEWER = (
    "Die Einrichtungsdatei hat ein neueres Format (Version {version}); "
    "bitte Outreach Desktop aktualisieren."
)
FORGED = (
    "Die Signatur der Einrichtungsdatei passt nicht: die Datei wurde verändert. "
    "Bitte bei der Dienststelle eine neue anfordern."
)


@dataclass(frozen=True)
class SignedSetup:
    setup: AgencySetup
    issued_at: datetime  # UTC
    data: bytes  # the file as read or written, kept in the vault


def write_setup(setup: AgencySetup, agency: Identity, now: datetime) -> SignedSetup:
    """The setup file of `agency` (its keys must be those in `setup`), signed."""
    if setup.fingerprint != agency.fingerprint:
        raise ValueError("the setup names other keys than the signing identity's")
    setup.validate()
    issued = now.astimezone(UTC).replace(microsecond=0)
    body = _body(setup, issued)
    document = {
        "format": FORMAT,
        "format_version": VERSION,
        "setup": body,
        "signature": base64.b64encode(agency.sign(canonical_json(body))).decode("ascii"),
    }
    data = canonical_json(document)
    read_setup(data)  # what is written must read back
    return SignedSetup(setup, issued, data)


def read_setup(data: bytes) -> SignedSetup:
    """Check format, signature and keys; any fault is a `SetupRefused` in one German sentence."""
    if len(data) > MAX_BYTES:
        raise SetupRefused(DAMAGED)
    try:
        document = strict_json(data)
    except InvalidJson as exc:
        raise SetupRefused(DAMAGED) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SetupRefused(DAMAGED)
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SetupRefused(DAMAGED)
    if version > VERSION:
        raise SetupRefused(NEWER.format(version=version))
    if set(document) != {"format", "format_version", "setup", "signature"}:
        raise SetupRefused(DAMAGED)
    body = document["setup"]
    setup, issued = _parse_body(body)
    public = PublicKeys(setup.age_recipient, setup.sign_public)
    if not verify(public, canonical_json(body), _signature(document["signature"])):
        raise SetupRefused(FORGED)
    return SignedSetup(setup, issued, data)


def _body(setup: AgencySetup, issued: datetime) -> dict[str, Any]:
    return {
        "name": setup.name,
        "issued_at": issued.strftime("%Y-%m-%dT%H:%M:%SZ"),
        **PublicKeys(setup.age_recipient, setup.sign_public).to_json(),
        "fingerprint": setup.fingerprint,
        "recovery_recipient": setup.recovery_recipient,
        "letterhead": {f.name: getattr(setup.letterhead, f.name) for f in fields(AgencyLetterhead)},
        "rules": rules_to_dict(setup.rules),
    }


BODY_KEYS = {
    "name", "issued_at", "age_recipient", "sign_public", "fingerprint", "recovery_recipient",
    "letterhead", "rules",
}  # fmt: skip


def _parse_body(body: object) -> tuple[AgencySetup, datetime]:
    if not isinstance(body, dict) or set(body) != BODY_KEYS:
        raise SetupRefused(DAMAGED)
    try:
        public = PublicKeys.from_json(body)
        letterhead = _letterhead(body["letterhead"])
        setup = AgencySetup(
            name=_text(body["name"]),
            age_recipient=public.age_recipient,
            sign_public=public.sign_public,
            fingerprint=_text(body["fingerprint"]),
            recovery_recipient=_text(body["recovery_recipient"]),
            letterhead=letterhead,
            rules=rules_from_dict(_mapping(body["rules"])),
        )
        setup.validate()
        issued = datetime.strptime(_text(body["issued_at"]), "%Y-%m-%dT%H:%M:%SZ")
    except (InvalidKey, ValueError, TypeError) as exc:  # ValidationError is a UserError
        raise SetupRefused(DAMAGED) from exc
    except ValidationError as exc:
        raise SetupRefused(f"{DAMAGED} ({exc})") from exc
    if setup.fingerprint != fingerprint(public):
        raise SetupRefused(FORGED)
    return setup, issued.replace(tzinfo=UTC)


def _letterhead(value: object) -> AgencyLetterhead:
    names = {f.name for f in fields(AgencyLetterhead)}
    data = _mapping(value)
    if set(data) != names:
        raise ValueError("letterhead fields")
    return AgencyLetterhead(**{k: _text(v) for k, v in data.items()})


def _mapping(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("an object was expected")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("a string was expected")
    return value


def _signature(value: object) -> bytes:
    try:
        signature = base64.b64decode(_text(value), validate=True)
    except (TypeError, binascii.Error) as exc:
        raise SetupRefused(DAMAGED) from exc
    if len(signature) != 64:
        raise SetupRefused(DAMAGED)
    return signature
