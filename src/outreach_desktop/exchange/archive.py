"""The tar inside a bundle: POSIX ustar, written deterministically and read strictly, in memory.

Only regular files with names after the format's rules (docs/exchange-format.md, "Inside: a tar
archive"); never a link, directory or device, never extracted to disk. The stdlib's `tarfile`
is not used for reading on purpose: it follows GNU and pax extensions (long names, name
overrides) that this format forbids, and a reader here should accept exactly one shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from outreach_desktop.exchange.errors import BundleRefused

BLOCK = 512
NAME_MAX = 100
SIZE_FIELD_MAX = 8**11 - 1  # eleven octal digits
NAME_PATTERN = re.compile(r"[a-z0-9._-]+(/[a-z0-9._-]+)*")
MAGIC = b"ustar\x0000"  # magic "ustar\0" and version "00" (POSIX, not GNU's "ustar  \0")
REGULAR = (b"0", b"\x00")

DAMAGED = "Die Datei ist beschädigt oder unvollständig."
BAD_ENTRY = "Das Paket enthält einen unzulässigen Eintrag (nur einfache Dateien sind erlaubt)."
BAD_NAME = "Das Paket enthält einen unzulässigen Dateinamen."
DUPLICATE = "Das Paket enthält eine Datei doppelt."


def valid_member_name(name: str) -> bool:
    """Relative, `[a-z0-9._/-]` only, no `..`, no empty or `.` segment, at most 100 bytes."""
    return (
        len(name) <= NAME_MAX
        and NAME_PATTERN.fullmatch(name) is not None
        and ".." not in name
        and "." not in name.split("/")
    )


def too_large(limit: int) -> BundleRefused:
    """The refusal for anything over `limit` bytes, the limit shown in MB."""
    megabytes = limit / (1024 * 1024)
    shown = f"{megabytes:.0f}" if megabytes >= 10 else f"{megabytes:.1f}".replace(".", ",")
    return BundleRefused(f"Die Datei ist größer als erlaubt ({shown.removesuffix(',0')} MB).")


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes


def write_tar(members: list[tuple[str, bytes]]) -> bytes:
    """A ustar archive of `members` in the given order: mode 0600, owner 0, time 0, two zero
    blocks at the end, nothing else. Names must pass `valid_member_name` (ValueError)."""
    parts: list[bytes] = []
    seen: set[str] = set()
    for name, data in members:
        if not valid_member_name(name) or name in seen:
            raise ValueError(f"member name not allowed or repeated: {name!r}")
        seen.add(name)
        parts.append(_header(name, len(data)))
        parts.append(data)
        parts.append(bytes(-len(data) % BLOCK))
    parts.append(bytes(2 * BLOCK))
    return b"".join(parts)


def _header(name: str, size: int) -> bytes:
    if size > SIZE_FIELD_MAX:
        raise ValueError("member too large for a ustar header")
    fields = [
        name.encode("ascii").ljust(100, b"\x00"),
        b"0000600\x00",  # mode
        b"0000000\x00",  # uid
        b"0000000\x00",  # gid
        b"%011o\x00" % size,
        b"00000000000\x00",  # mtime
        b" " * 8,  # checksum, filled in below
        b"0",  # regular file
        bytes(100),  # linkname
        MAGIC,
        bytes(32 + 32),  # uname, gname
        b"0000000\x00" * 2,  # devmajor, devminor
        bytes(155 + 12),  # prefix, padding
    ]
    header = bytearray(b"".join(fields))
    header[148:156] = b"%06o\x00 " % sum(header)
    return bytes(header)


def read_tar(data: bytes, *, max_member: int, max_total: int) -> list[Member]:
    """The members of a ustar archive, in order, or `BundleRefused` for anything outside the
    format: a bad header or checksum, a non-regular entry, a name against the rules, a repeated
    name, a member over `max_member` or all together over `max_total` bytes, a missing end or
    anything but zeros after it."""
    view = memoryview(data)
    members: list[Member] = []
    seen: set[str] = set()
    offset = total = 0
    while True:
        header = view[offset : offset + BLOCK]
        if len(header) < BLOCK:
            raise BundleRefused(DAMAGED)
        if not any(header):
            _check_end(view[offset:])
            return members
        name, size = _parse_header(bytes(header))
        if name in seen:
            raise BundleRefused(DUPLICATE)
        total += size
        if size > max_member or total > max_total:
            raise too_large(max_total)
        start = offset + BLOCK
        end = start + size
        if end > len(view):
            raise BundleRefused(DAMAGED)
        seen.add(name)
        members.append(Member(name, bytes(view[start:end])))
        offset = end + (-size % BLOCK)


def _check_end(rest: memoryview) -> None:
    """The end: two zero blocks, then only zeros (tar tools pad to a 10 KiB record)."""
    if len(rest) < 2 * BLOCK or rest != bytes(len(rest)):  # not any(): byte by byte is slow
        raise BundleRefused(DAMAGED)


def _parse_header(header: bytes) -> tuple[str, int]:
    if header[257:265] != MAGIC or _octal(header[148:156]) != _checksum(header):
        raise BundleRefused(DAMAGED)
    if header[156:157] not in REGULAR:
        raise BundleRefused(BAD_ENTRY)
    raw_name = header[0:100].split(b"\x00", 1)[0]
    if any(header[345:500]):  # prefix: names are at most 100 characters, so it stays empty
        raise BundleRefused(BAD_NAME)
    try:
        name = raw_name.decode("ascii")
    except UnicodeDecodeError:
        raise BundleRefused(BAD_NAME) from None
    if not valid_member_name(name):
        raise BundleRefused(BAD_NAME)
    return name, _octal(header[124:136])


def _checksum(header: bytes) -> int:
    return sum(header[:148]) + 8 * ord(" ") + sum(header[156:])


def _octal(field: bytes) -> int:
    """An octal number field: digits, then NUL or space padding; nothing else (no base-256)."""
    digits = field.rstrip(b"\x00 ").lstrip(b" ")
    if not digits or any(c not in b"01234567" for c in digits):
        raise BundleRefused(DAMAGED)
    return int(digits, 8)
