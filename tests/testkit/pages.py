"""The decrypted pages of a vault file, read byte by byte: what an attacker holding the data key
would see, free pages and the slack inside pages included, which no SQL query shows.

SQLCipher 4 with a raw 256-bit key: every 4096-byte page is AES-256-CBC over all but its last
80 bytes (16 bytes IV, then a 64-byte HMAC-SHA512); page 1 starts with the 16-byte salt, which
is not encrypted.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from outreach_desktop.storage.keyslots import KeySlots
from testkit import PASSPHRASE

PAGE_SIZE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
SALT = 16


def data_key(vault: Path, passphrase: str = PASSPHRASE) -> bytes:
    """The vault's data key, from its passphrase slot."""
    slots = KeySlots.load(vault)
    return bytes(slots.passphrase.unwrap(passphrase, slots.vault_id))


def decrypted_pages(db_file: Path, key: bytes) -> list[bytes]:
    data = db_file.read_bytes()
    assert len(data) % PAGE_SIZE == 0, "a vault file is whole pages"
    pages = []
    for number in range(len(data) // PAGE_SIZE):
        page = data[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        start = SALT if number == 0 else 0
        iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        pages.append(decryptor.update(page[start : PAGE_SIZE - RESERVE]) + decryptor.finalize())
    assert pages and pages[0][:2] == PAGE_SIZE.to_bytes(2, "big"), "not decrypted: wrong key?"
    return pages


def page_holding(db_file: Path, key: bytes, needle: bytes) -> int:
    """The 1-based number of the first page whose plaintext holds `needle`."""
    for number, page in enumerate(decrypted_pages(db_file, key), start=1):
        if needle in page:
            return number
    raise AssertionError("no page holds it")


def plaintext_holds(db_file: Path, key: bytes, needles: list[bytes]) -> list[bytes]:
    """Those of `needles` found anywhere in the decrypted file."""
    plain = b"".join(decrypted_pages(db_file, key))
    return [n for n in needles if n in plain]
