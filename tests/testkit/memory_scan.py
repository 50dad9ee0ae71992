"""Search another process's memory for secrets, as someone reading a memory dump would.

The test process (which knows the secrets) reads `/proc/<pid>/mem` of a child (which must not
hold them in any other way than through the vault): every readable private mapping — heaps,
thread arenas, Python's arenas, stacks, writable data of libraries. The child itself never
sees the needles, so finding one means the child kept a copy.
"""

from __future__ import annotations

import struct
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from testkit.app_process import expect_line, start_app

Needles = dict[str, bytes]


class Hit(NamedTuple):
    mapping: str  # "[heap]", "[anon]", a library's file, ...
    address: int

    def __repr__(self) -> str:
        return f"{self.mapping}@{self.address:#x}"


def key_needles(key: bytes | bytearray) -> Needles:
    """A data key as SQLCipher's raw-key string spells it (either case) and as bytes."""
    return {
        "key hex": bytes(key).hex().encode(),
        "key HEX": bytes(key).hex().upper().encode(),
        "key bytes": bytes(key),
    }


def text_needles(label: str, text: str) -> Needles:
    """A text as Python and SQLite hold it (UTF-8 or Latin-1 for ASCII) and as Qt does (UTF-16)."""
    return {f"{label} UTF-8": text.encode(), f"{label} UTF-16": text.encode("utf-16-le")}


def _private_mappings(pid: int) -> Iterator[tuple[int, int, str]]:
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        fields = line.split(maxsplit=5)
        perms = fields[1]
        if perms[0] != "r" or perms[3] != "p":
            continue
        start, end = (int(x, 16) for x in fields[0].split("-"))
        yield start, end, fields[5].strip() if len(fields) > 5 else "[anon]"


def find_in_memory(pid: int, needles: Needles) -> dict[str, list[Hit]]:
    """For each needle found: where (mapping name and address); needles not found are absent."""
    found: dict[str, list[Hit]] = {}
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for start, end, name in _private_mappings(pid):
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except OSError:  # [vvar] and other mappings the kernel does not let us read
                continue
            for label, needle in needles.items():
                at = data.find(needle)
                while at >= 0:
                    found.setdefault(label, []).append(Hit(name, start + at))
                    at = data.find(needle, at + 1)
    return found


@contextmanager
def paused_child(script: str, *args: str) -> Iterator[subprocess.Popen[str]]:
    """Run `script` (it reads the passphrase from stdin, prints a line at each point to be
    inspected and then waits for a line on stdin); the child is ended afterwards."""
    child = start_app(script, *args)
    try:
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)


def next_line(child: subprocess.Popen[str]) -> str:
    assert child.stdout is not None
    return child.stdout.readline().strip()


def inspect_at(child: subprocess.Popen[str], line: str, needles: Needles) -> dict[str, list[Hit]]:
    """Wait until the child prints `line` and search its memory (it waits for `resume`)."""
    expect_line(child, line)
    return find_in_memory(child.pid, needles)


def resume(child: subprocess.Popen[str]) -> None:
    assert child.stdin is not None
    child.stdin.write("\n")
    child.stdin.flush()


def read_memory(pid: int, address: int, size: int) -> bytes:
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        mem.seek(address)
        return mem.read(size)


# CPython 3.11, 64 bit: a compact ASCII str is refcount, type, length, hash, state, wstr (48
# bytes), then its characters. A freed block keeps all but the first 8 bytes (the allocator's
# free-list link), so a dead string is still recognisable by its type and length.
ASCII_HEADER = 48


def in_python_string(pid: int, hit: Hit, length: int, str_type: int) -> bool:
    """Whether `hit` is the whole text of a Python str object (live or freed) of `length`
    ASCII characters; `str_type` is the child's `id(str)`."""
    header = read_memory(pid, hit.address - ASCII_HEADER, ASCII_HEADER)
    _link, kind, size = struct.unpack_from("<QQq", header)
    return kind == str_type and size == length
