"""Every bad bundle of issue 10 item 8 that the container itself catches is refused with its one
German sentence: damage, the wrong reader, forgery, a changed key, members that do not fit the
signed manifest, a newer format, the size limit, names and entries outside the rules, bad JSON.
The attacker's tools are real: pyrage with the public keys, their own Ed25519 key, tar."""

from __future__ import annotations

import hashlib
import tarfile
from collections.abc import Callable

import pytest

from outreach_desktop.exchange import bundle as b
from outreach_desktop.exchange.archive import BAD_ENTRY, BAD_NAME, DAMAGED, write_tar
from outreach_desktop.exchange.bundle import MB, SenderInfo, open_bundle, write_bundle
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.json_text import canonical_json
from outreach_desktop.exchange.keys import PublicKeys, new_identity
from outreach_desktop.exchange.manifest import INVALID, NOT_OURS, BundleKind, Role
from testkit.bundles import (
    MEMBERS,
    NOW,
    Entries,
    Party,
    entries_of,
    export,
    manifest_of,
    new_party,
    rebuild,
    replace,
    resigned,
    seal,
)
from testkit.tars import raw_tar

Trust = dict[str, PublicKeys]


def refusal(data: bytes, reader: Party, trust: Trust | None = None, **options: object) -> str:
    with pytest.raises(BundleRefused) as caught:
        open_bundle(data, reader.identity, trust or {}, **options)  # type: ignore[arg-type]
    return str(caught.value)


def known(device: Party) -> Trust:
    return {device.device_id: device.public}


# ---- damage ----------------------------------------------------------------------------


def test_truncated_anywhere(device: Party, agency: Party) -> None:
    data = export(device, agency)
    for cut in [0, 1, 21, 60, 200, len(data) // 2, len(data) - 17, len(data) - 1]:
        assert refusal(data[:cut], agency) in (DAMAGED, b.NOT_DECRYPTABLE), cut


def test_one_flipped_bit_anywhere(device: Party, agency: Party) -> None:
    """Each byte of the file with one bit flipped: age header, its MAC, nonce, payload."""
    data = export(device, agency)
    for position in range(len(data)):
        damaged = bytearray(data)
        damaged[position] ^= 1 << (position % 8)
        message = refusal(bytes(damaged), agency)
        assert message in (DAMAGED, b.NOT_DECRYPTABLE, NOT_OURS), position


def test_not_an_age_file(agency: Party) -> None:
    assert refusal(b"%PDF-1.7\n", agency) == NOT_OURS
    armored = b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"
    assert refusal(armored, agency) == NOT_OURS
    assert refusal(b"", agency) == DAMAGED


# ---- the wrong reader ------------------------------------------------------------------


def test_bundle_for_another_office_cannot_be_decrypted(device: Party, agency: Party) -> None:
    other_office = new_party(Role.AGENCY)
    assert refusal(export(device, other_office), agency) == b.NOT_DECRYPTABLE


def test_bundle_re_encrypted_to_us_but_not_addressed_to_us(device: Party, agency: Party) -> None:
    """The other office (or the device) re-encrypts a genuine, signed bundle to this office:
    it decrypts, the signature holds, but this office is not among the signed recipients."""
    other_office = new_party(Role.AGENCY)
    data = rebuild(export(device, other_office), other_office.identity, lambda e: e,
                   agency.public)  # fmt: skip
    assert refusal(data, agency, known(device)) == b.NOT_FOR_US


# ---- forgery and keys ------------------------------------------------------------------


def test_forged_with_only_the_agency_public_key(device: Party, agency: Party) -> None:
    """An attacker knows the agency's public key (from any setup file) and the device id."""
    attacker = new_identity()
    claiming = SenderInfo(Role.FIELD, device.device_id)
    _, own_keys = write_bundle(BundleKind.EXPORT, attacker, claiming,
                               [agency.public, attacker.public], 99, MEMBERS, NOW)  # fmt: skip
    assert refusal(own_keys, agency, known(device)) == b.KEY_CHANGED

    genuine = entries_of(export(device, agency), device.identity)  # its layout, its keys
    manifest = manifest_of(genuine)
    manifest["sequence"] = 99
    raw = canonical_json(manifest)
    signed_by_attacker = replace(replace(genuine, "manifest.json", raw), "manifest.sig",
                                 attacker.sign(raw))  # fmt: skip
    data = seal(write_tar(signed_by_attacker), agency.public)
    assert refusal(data, agency, known(device)) == b.BAD_SIGNATURE
    assert refusal(data, agency) == b.BAD_SIGNATURE  # also when the device is not known yet

    unsigned = seal(write_tar([e for e in genuine if e[0] != "manifest.sig"]), agency.public)
    assert refusal(unsigned, agency, known(device)) == b.NO_SIGNATURE


def test_an_unknown_sender_is_reported_for_a_person_to_decide(agency: Party) -> None:
    stranger = new_party()
    opened = open_bundle(export(stranger, agency), agency.identity, {})
    assert not opened.sender_known
    assert opened.fingerprint == stranger.identity.fingerprint


@pytest.mark.parametrize("which", ["signing key", "age key", "both"])
def test_a_known_device_with_a_changed_key(device: Party, agency: Party, which: str) -> None:
    fresh = new_identity()
    old = device.public
    stored = PublicKeys(
        fresh.public.age_recipient if which in ("age key", "both") else old.age_recipient,
        fresh.public.sign_public if which in ("signing key", "both") else old.sign_public,
    )
    assert refusal(export(device, agency), agency, {device.device_id: stored}) == b.KEY_CHANGED


def test_a_receipt_from_an_agency_whose_key_changed(device: Party, agency: Party) -> None:
    impostor = Party(new_identity(), agency.device_id, Role.AGENCY)
    _, data = write_bundle(BundleKind.RECEIPT, impostor.identity, impostor.info, [device.public],
                           1, {"records/acknowledgements.json": b"[]"}, NOW,
                           for_device=device.device_id)  # fmt: skip
    assert refusal(data, device, known(agency)) == b.KEY_CHANGED


# ---- the archive against the signed manifest --------------------------------------------


def edited(device: Party, agency: Party, edit: Callable[[Entries], Entries]) -> bytes:
    return rebuild(export(device, agency), agency.identity, edit, agency.public)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda e: e, None),
        (lambda e: replace(e, "records/clients.json", b'[{"id": "c1"}]'), b.HASH_MISMATCH),
        (lambda e: replace(e, "records/clients.json", b""), b.HASH_MISMATCH),
        (lambda e: [x for x in e if x[0] != "records/clients.json"], b.MISSING),
        (lambda e: [*e, ("records/staff.json", b"[]")], b.EXTRA),
        (lambda e: [*e, ("notes.txt", b"")], b.EXTRA),
        (lambda e: [x for x in e if x[0] != "manifest.json"], b.NO_MANIFEST),
        (lambda e: [e[1], e[0], *e[2:]], b.BAD_LAYOUT),
        (lambda e: [e[0], e[2], e[1], *e[3:]], b.BAD_LAYOUT),
        (lambda e: replace(e, "manifest.sig", bytes(64)), b.BAD_SIGNATURE),
        (lambda e: replace(e, "manifest.sig", e[1][1][:63]), b.BAD_SIGNATURE),
        (lambda e: replace(e, "manifest.json", e[0][1].replace(b'"sequence":1',
                                                               b'"sequence":2')), b.BAD_SIGNATURE),
        (lambda e: replace(e, "manifest.json", e[0][1] + b" "), b.BAD_SIGNATURE),
    ],
)  # fmt: skip
def test_members_must_fit_the_signed_manifest(
    device: Party, agency: Party, edit: Callable[[Entries], Entries], message: str | None
) -> None:
    data = edited(device, agency, edit)
    if message is None:  # the unchanged archive, re-encrypted: still genuine
        assert open_bundle(data, agency.identity, known(device)).sender_known
    else:
        assert refusal(data, agency, known(device)) == message


def test_a_member_changed_and_the_manifest_re_signed_by_someone_else(
    device: Party, agency: Party
) -> None:
    attacker = new_identity()

    def tamper(entries: Entries) -> Entries:
        entries = replace(entries, "records/clients.json", b"[]")
        manifest = manifest_of(entries)
        manifest["members"][0] |= {"sha256": hashlib.sha256(b"[]").hexdigest(), "size": 2}
        manifest["sender"] |= attacker.public.to_json() | {"fingerprint": attacker.fingerprint}
        return resigned(entries, manifest, attacker)

    data = edited(device, agency, tamper)
    assert refusal(data, agency, known(device)) == b.KEY_CHANGED
    stranger = open_bundle(data, agency.identity, {})  # unknown: a person compares this
    assert stranger.fingerprint == attacker.fingerprint != device.identity.fingerprint


def test_a_future_format_version(device: Party, agency: Party) -> None:
    def newer(entries: Entries) -> Entries:
        manifest = manifest_of(entries) | {"format_version": 2, "compression": "zstd"}
        return resigned(entries, manifest, device.identity)

    assert refusal(edited(device, agency, newer), agency, known(device)) == (
        "Das Paket hat ein neueres Format (Version 2); bitte Outreach Desktop aktualisieren."
    )


@pytest.mark.parametrize(
    "raw",
    [
        b'"device_id":"\xff\xfe',  # not UTF-8
        b'"device_id":"\\u0000',  # NUL
        b'"device_id":"\\udcff',  # lone surrogate
        b'"kind":"export","kind":"export","device_id":"',  # duplicate key
    ],
)
def test_bad_json_in_a_manifest_signed_by_the_device(
    device: Party, agency: Party, raw: bytes
) -> None:
    def spoil(entries: Entries) -> Entries:
        text = entries[0][1].replace(b'"device_id":"', raw, 1)
        return resigned(entries, text, device.identity)

    assert refusal(edited(device, agency, spoil), agency, known(device)) == INVALID


def test_a_manifest_that_is_no_json_at_all(device: Party, agency: Party) -> None:
    data = edited(device, agency, lambda e: resigned(e, b"\x00" * 10, device.identity))
    assert refusal(data, agency) == INVALID


# ---- size, names, entries --------------------------------------------------------------


def test_over_the_size_limit(device: Party, agency: Party) -> None:
    data = export(device, agency)
    too_big = refusal(data, agency, size_limit=len(data) - 1)
    assert too_big.startswith("Die Datei ist größer als erlaubt (")
    assert open_bundle(data, agency.identity, {}, len(data)).members
    big = export(device, agency, {"records/protocols.json": b"[" + b"1," * MB + b"1]"})
    assert refusal(big, agency, size_limit=2 * MB) == "Die Datei ist größer als erlaubt (2 MB)."
    assert refusal(big, agency, size_limit=MB) == "Die Datei ist größer als erlaubt (1 MB)."
    assert refusal(big, agency, size_limit=MB + MB // 2) == (
        "Die Datei ist größer als erlaubt (1,5 MB)."
    )
    assert str(b.too_large(b.DEFAULT_SIZE_LIMIT)) == "Die Datei ist größer als erlaubt (200 MB)."


def _with_entry(device: Party, agency: Party, name: str, kind: bytes = tarfile.REGTYPE) -> bytes:
    genuine = entries_of(export(device, agency), agency.identity)

    def add(tar: tarfile.TarFile) -> None:
        info = tarfile.TarInfo(name)
        info.type, info.linkname = kind, "/etc/passwd" if kind != tarfile.REGTYPE else ""
        tar.addfile(info)

    return seal(raw_tar(genuine, add), agency.public)


@pytest.mark.parametrize(
    "name", ["../records/clients.json", "/etc/passwd", "records/../../x", "RECORDS/x.json"]
)
def test_member_names_outside_the_rules(device: Party, agency: Party, name: str) -> None:
    assert refusal(_with_entry(device, agency, name), agency, known(device)) == BAD_NAME


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.DIRTYPE])
def test_links_and_directories(device: Party, agency: Party, kind: bytes) -> None:
    data = _with_entry(device, agency, "records/staff.json", kind)
    assert refusal(data, agency, known(device)) == BAD_ENTRY
