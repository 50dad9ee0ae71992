"""Identities, public keys and fingerprints (docs/exchange-format.md, "Who holds which keys"),
with Debian's age tools as the independent reader."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pyrage
import pytest

from outreach_desktop.exchange.keys import (
    Identity,
    InvalidKey,
    PublicKeys,
    age_identity_file,
    fingerprint,
    new_identity,
    verify,
)
from testkit import AgeIdentity

# A published test vector (docs/exchange-format.md): never a real key.
VECTOR_AGE_SECRET = "AGE-SECRET-KEY-1S09AM6AY3E3YNCHKM3PUKAMFFUHDY0S03TXSJR480P73S75TZTFQFKEQJA"
VECTOR_SIGN_SEED = bytes(range(32))
VECTOR_RECIPIENT = "age1csyqr6l3dg0cw2p4yn52m4wqxce8vuq5csy9htndmzfrs2m7adhsvp03my"
VECTOR_SIGN_PUBLIC = "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8"
VECTOR_FINGERPRINT = "UWFL-ZKHG-I4TX-RCBY-HODH"


def test_fingerprint_test_vector() -> None:
    identity = Identity(VECTOR_AGE_SECRET, VECTOR_SIGN_SEED)
    assert identity.public == PublicKeys(VECTOR_RECIPIENT, bytes.fromhex(VECTOR_SIGN_PUBLIC))
    assert fingerprint(identity.public) == VECTOR_FINGERPRINT == identity.fingerprint


def test_fingerprint_shape_and_both_keys_count() -> None:
    a, b = new_identity().public, new_identity().public
    groups = fingerprint(a).split("-")
    assert [len(g) for g in groups] == [4] * 5
    assert set("".join(groups)) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert fingerprint(PublicKeys(a.age_recipient, b.sign_public)) != fingerprint(a)
    assert fingerprint(PublicKeys(b.age_recipient, a.sign_public)) != fingerprint(a)


def test_identity_text_round_trip_and_repr_hides_secrets() -> None:
    identity = new_identity()
    text = identity.to_text()
    assert "\n" not in text and text.startswith("outreach-desktop-identity-v1 AGE-SECRET-KEY-1")
    assert Identity.from_text(text) == identity
    assert Identity.from_text(text).public == identity.public
    assert identity.age_secret not in repr(identity)
    assert base64.b64encode(identity.sign_secret).decode() not in repr(identity)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "outreach-desktop-identity-v1",
        "outreach-desktop-identity-v2 AGE-SECRET-KEY-1X AAAA",
        f"outreach-desktop-identity-v1 {VECTOR_AGE_SECRET} not-base64!",
        f"outreach-desktop-identity-v1 {VECTOR_AGE_SECRET} AAAA",  # 3 bytes, not 32
        f"outreach-desktop-identity-v1 AGE-SECRET-KEY-1QQQQ {base64.b64encode(bytes(32)).decode()}",
    ],
)
def test_damaged_identity_text_is_refused(text: str) -> None:
    with pytest.raises(InvalidKey):
        Identity.from_text(text)


def test_public_keys_json_round_trip() -> None:
    public = new_identity().public
    data = public.to_json()
    assert set(data) == {"age_recipient", "sign_public"}
    assert PublicKeys.from_json(data) == public


@pytest.mark.parametrize(
    "change",
    [
        {"age_recipient": VECTOR_RECIPIENT.upper()},  # not canonical
        {"age_recipient": VECTOR_RECIPIENT[:-1] + "q"},  # bech32 checksum
        {"age_recipient": "ssh-ed25519 AAAA"},
        {"age_recipient": 5},
        {"sign_public": base64.b64encode(bytes(31)).decode()},
        {"sign_public": "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbh="},  # non-zero pad bits
        {"sign_public": None},
    ],
)
def test_malformed_public_keys_are_refused(change: dict[str, object]) -> None:
    data: dict[str, object] = {
        "age_recipient": VECTOR_RECIPIENT,
        "sign_public": "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=",
    }
    assert PublicKeys.from_json(data).sign_public.hex() == VECTOR_SIGN_PUBLIC
    with pytest.raises(InvalidKey):
        PublicKeys.from_json(data | change)


def test_signatures_verify_only_over_the_exact_bytes_and_key() -> None:
    identity, other = new_identity(), new_identity()
    signature = identity.sign(b"manifest")
    assert verify(identity.public, b"manifest", signature)
    assert not verify(identity.public, b"manifest ", signature)
    assert not verify(other.public, b"manifest", signature)
    assert not verify(identity.public, b"manifest", signature[:-1])
    assert not verify(identity.public, b"manifest", bytes(64))


def test_debian_age_reads_the_identity_file(tmp_path: Path) -> None:
    identity = new_identity()
    path = tmp_path / "agency.txt"
    path.write_text(age_identity_file(identity, "Outreach Desktop\nDienststelle"), "ascii")
    derived = subprocess.run(["age-keygen", "-y", str(path)], capture_output=True, check=True)
    assert derived.stdout.decode().strip() == identity.public.age_recipient
    secret = pyrage.encrypt(b"Quittung", [pyrage.x25519.Recipient.from_str(
        identity.public.age_recipient)])  # fmt: skip
    plain = subprocess.run(["age", "-d", "-i", str(path)], input=secret, capture_output=True)
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout == b"Quittung"


def test_identity_around_an_age_keygen_key(age_keygen_identity: AgeIdentity) -> None:
    identity = new_identity(age_keygen_identity.path.read_text("ascii"))
    assert identity.public.age_recipient == age_keygen_identity.recipient
    assert Identity.from_text(identity.to_text()) == identity
    with pytest.raises(InvalidKey):
        new_identity("# public key: age1…\n")
