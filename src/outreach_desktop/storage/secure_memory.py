"""Key material in buffers we can overwrite, and freed memory given back after a lock.

Python's `str` and `bytes` are immutable: once a key is in one, it stays in memory until the
allocator happens to reuse that block, long after the object is gone. So the data key lives in a
`bytearray`, and the raw-key string SQLCipher wants (`x'<64 hex digits>'`) is built digit by
digit into another `bytearray`, handed to `sqlite3_key` through the buffer protocol (no `str`,
no copy on the Python side) and overwritten right after. SQLCipher keeps its own copies in
memory it wipes when the connection closes.

Decrypted pages are another matter: SQLite frees its page cache without wiping it (SQLCipher's
`cipher_memory_security` would, at 15 to 50 times the cost of every statement here). After a
lock, `release_freed_memory()` collects Python's garbage and asks glibc to return free heap
pages to the kernel (`malloc_trim`), which drops the freed page cache in whole pages. What it
cannot reach stays until reused: small freed blocks of Python and Qt (a name shown in a list),
and everything on platforms without `malloc_trim`.
"""

from __future__ import annotations

import ctypes
import gc
import sys

HEX_DIGITS = b"0123456789abcdef"


def wipe(buffer: bytearray) -> None:
    """Overwrite a buffer in place (its length stays, so no reallocation leaves a copy)."""
    buffer[:] = bytes(len(buffer))


def raw_key_spec(key: bytes | bytearray) -> bytearray:
    """`x'<hex>'` for a raw SQLCipher key, in a buffer of its final size (wipe it after use).
    Only small integers pass through Python objects: no hex string is ever made."""
    spec = bytearray(2 * len(key) + 3)
    spec[0:2] = b"x'"
    for i, byte in enumerate(key):
        spec[2 + 2 * i] = HEX_DIGITS[byte >> 4]
        spec[3 + 2 * i] = HEX_DIGITS[byte & 0x0F]
    spec[-1] = ord("'")
    return spec


def release_freed_memory() -> None:
    """After a lock: free what nothing refers to any more, and give free heap pages back."""
    gc.collect()
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim  # glibc; musl has none
    except (AttributeError, OSError):
        return
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
