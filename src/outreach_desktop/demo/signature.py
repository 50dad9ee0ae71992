"""A scribbled signature for the consent the demo signs on screen, as a PNG made without Qt
(the demo runs headless): a minimal 8-bit greyscale encoder, zlib and struct only."""

from __future__ import annotations

import math
import struct
import zlib

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
WHITE, INK = 0xFF, 0x00


def _chunk(tag: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(tag + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)


def grey_png(rows: list[bytes]) -> bytes:
    """An 8-bit greyscale PNG of `rows` (one byte a pixel, all rows of one width)."""
    width, height = len(rows[0]), len(rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # depth 8, greyscale
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return (
        PNG_MAGIC + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw))
        + _chunk(b"IEND", b"")
    )  # fmt: skip


def demo_signature_png(width: int = 240, height: int = 70) -> bytes:
    """A wavy line on white."""
    rows = []
    for y in range(height):
        row = bytearray([WHITE]) * width
        for x in range(10, width - 10):
            wave = height / 2 + (height / 3) * math.sin(x / 11) * math.cos(x / 37)
            if abs(y - wave) < 1.6:
                row[x] = INK
        rows.append(bytes(row))
    return grey_png(rows)
