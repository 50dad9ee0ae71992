"""A damaged write-ahead log after a crash, found before SQLite reads it.

SQLite replays `vault.db-wal` up to the first frame whose checksum fails and silently ignores
the rest, committed transactions included. The vault checkpoints after every write transaction
(database.py), so after a commit the log is empty; a log with content at open means a crash in
the short window before the checkpoint or a reader that held it up. This module reads such a log
as SQLite does and counts the commits that lie behind a damaged frame (or a damaged header):
those are the changes SQLite would drop. Frames are encrypted pages; nothing here decrypts.

Format (sqlite.org/fileformat2.html#walformat): a 32-byte header (magic, version, page size,
checkpoint sequence, two salts, two checksums), then frames of a 24-byte header (page number,
database size for a commit frame else 0, the two salts, two cumulative checksums) and one page.
"""

from __future__ import annotations

import struct
from pathlib import Path

HEADER = 32
FRAME_HEADER = 24
MAGIC = {0x377F0682: "<", 0x377F0683: ">"}  # checksum words little- or big-endian


def checksum(data: bytes, order: str, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    """SQLite's WAL checksum: Fibonacci-weighted sums of 32-bit words, continued from s0, s1."""
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def lost_commits(wal: Path) -> int:
    """How many committed transactions in `wal` SQLite would not replay (0 for a missing or
    sound log, and for a torn tail that holds no commit: that one never reported success)."""
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return 0
    if len(data) < HEADER + FRAME_HEADER:
        return 0
    magic, _version, page_size = struct.unpack(">III", data[:12])
    salts = data[16:24]
    order = MAGIC.get(magic)
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        page_size = 4096
    frame = FRAME_HEADER + page_size
    sums = checksum(data[:24], order) if order else None
    if order is None or sums != struct.unpack(">II", data[24:32]):
        return _commits_after(data, HEADER, frame, None)
    s0, s1 = sums
    offset = HEADER
    while offset + frame <= len(data):
        head = data[offset : offset + FRAME_HEADER]
        if head[8:16] != salts:
            return 0  # a frame of an earlier generation: the log ends here, as it should
        s0, s1 = checksum(head[:8], order, s0, s1)
        s0, s1 = checksum(data[offset + FRAME_HEADER : offset + frame], order, s0, s1)
        if (s0, s1) != struct.unpack(">II", head[16:24]):
            return _commits_after(data, offset, frame, salts)
        offset += frame
    return 0


def _commits_after(data: bytes, offset: int, frame: int, salts: bytes | None) -> int:
    """Commit frames from `offset` on (of this generation when its salts are known)."""
    count = 0
    while offset + frame <= len(data):
        head = data[offset : offset + FRAME_HEADER]
        if struct.unpack(">I", head[4:8])[0] and (salts is None or head[8:16] == salts):
            count += 1
        offset += frame
    return count
