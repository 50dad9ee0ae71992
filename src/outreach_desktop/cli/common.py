"""Shared pieces of the command handlers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from outreach_desktop.cli.secrets import SecretSource
from outreach_desktop.domain.home_visit import format_day
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault


@contextmanager
def unlocked(args: argparse.Namespace, secrets: SecretSource | None = None) -> Iterator[Session]:
    secrets = secrets or SecretSource()
    passphrase = secrets.read(args.passphrase_file, "Passphrase: ")
    session = unlock_vault(args.vault, passphrase)
    for line in session.notices:  # read-only, a damaged WAL: on stderr, beside the output
        print(line, file=sys.stderr)
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


# ---- dates ---------------------------------------------------------------------------------
DAY_HELP = "Datum als TT.MM.JJJJ oder JJJJ-MM-TT"


def parse_day(text: str) -> date:
    """An argparse type: a calendar day as ISO (2026-11-25) or German (25.11.2026)."""
    value = text.strip()
    try:
        if "." in value:
            return datetime.strptime(value, "%d.%m.%Y").date()
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"„{text}“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT, "
            "z. B. 25.11.2026 oder 2026-11-25)"
        ) from None


def parse_start(text: str) -> datetime:
    """An argparse type: a local date and time as ISO (2026-11-25T10:00 or "2026-11-25 10:00")
    or German ("25.11.2026 10:00"). A time zone is passed on for the domain to refuse."""
    value = text.strip()
    try:
        if "." in value.split(" ")[0]:
            return datetime.strptime(value, "%d.%m.%Y %H:%M")
        if "T" not in value and " " not in value:
            raise ValueError("date without time")
        return datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"„{text}“ ist kein gültiger Beginn (Datum und Uhrzeit, z. B. 2026-11-25T10:00 "
            "oder „25.11.2026 10:00“)"
        ) from None


def german_day(value: date | datetime) -> str:
    """TT.MM.JJJJ."""
    return format_day(value.date() if isinstance(value, datetime) else value)


def german_time(value: datetime) -> str:
    return value.strftime("%H:%M")


def german_moment(value: datetime) -> str:
    """TT.MM.JJJJ HH:MM."""
    return f"{german_day(value)} {german_time(value)}"
