"""Shared pieces of the command handlers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from outreach_desktop.cli.secrets import SecretSource
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault


@contextmanager
def unlocked(args: argparse.Namespace, secrets: SecretSource | None = None) -> Iterator[Session]:
    secrets = secrets or SecretSource()
    passphrase = secrets.read(args.passphrase_file, "Passphrase: ")
    session = unlock_vault(args.vault, passphrase)
    try:
        yield session
    finally:
        session.lock()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    for line in [headers, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
