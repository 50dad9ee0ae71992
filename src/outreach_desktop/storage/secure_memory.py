"""Key material in buffers we can overwrite, and freed memory given back after a lock.

Python's `str` and `bytes` are immutable: once a key is in one, it stays in memory until the
allocator happens to reuse that block, long after the object is gone. So the data key lives in a
`bytearray`, and the raw-key string SQLCipher wants (`x'<64 hex digits>'`) is built digit by
digit into another `bytearray`, handed to `sqlite3_key` through the buffer protocol (no `str`,
no copy on the Python side) and overwritten right after. SQLCipher keeps its own copies in
memory it wipes when the connection closes.

Decrypted pages are another matter: SQLite frees its page cache without wiping it (SQLCipher's
`cipher_memory_security` would, at 15 to 50 times the cost of every statement here). After a
lock's teardown glibc overwrites what is freed (`wipe_freed_memory`), then
`release_freed_memory()` collects Python's garbage and returns free heap pages to the kernel
(`malloc_trim`). What this cannot reach stays until reused: Python's freed small objects (a name
that was shown), the few small blocks glibc keeps per thread, and everything on platforms
without glibc.
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


def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None)
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None  # musl


M_PERTURB = -6  # malloc.h: fill freed memory with this byte (and fresh memory with its inverse)
WIPE_BYTE = 0x5A


def wipe_freed_memory() -> None:
    """From now on until `release_freed_memory()`, glibc overwrites memory as it is freed: for
    the teardown of a lock, so decrypted pages and the texts of closed views go with their
    blocks. Not the few small blocks each thread keeps for reuse (tcache), not Python's own
    small-object arenas."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_PERTURB, WIPE_BYTE)


def release_freed_memory() -> None:
    """After a lock: free what nothing refers to any more, give free heap pages back to the
    kernel (they come back as zeros) and end `wipe_freed_memory()`."""
    gc.collect()
    libc = _glibc()
    if libc is None:
        return
    libc.malloc_trim.argtypes = [ctypes.c_size_t]
    libc.malloc_trim(0)
    libc.mallopt(M_PERTURB, 0)
