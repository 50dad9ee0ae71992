"""Tar archives made by the stdlib, with no name or type rules: the archives we must refuse."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Callable


def raw_tar(
    entries: list[tuple[str, bytes]], extra: Callable[[tarfile.TarFile], None] | None = None
) -> bytes:
    """A ustar archive of `entries` as given; `extra` may add entries of other types (links,
    directories)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        if extra:
            extra(tar)
    return buffer.getvalue()
