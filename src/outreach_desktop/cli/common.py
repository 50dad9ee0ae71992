"""Shared pieces of the command handlers."""

from __future__ import annotations

import argparse
import io
import json
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, TextIO

from outreach_desktop.cli.secrets import SecretSource
from outreach_desktop.domain import date_window
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


# Categories a terminal must not get raw: controls (ESC starts colour, cursor and title
# sequences; BEL, NUL, C1 CSI), format characters (bidi overrides and isolates, which reorder
# the rest of the line), line/paragraph separators, surrogates, private use and unassigned.
_NOT_PRINTABLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def _escaped(char: str) -> str:
    code = ord(char)
    if char in "\n\t\r":
        return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str, keep_newlines: bool = False) -> str:
    """`text` safe for a terminal: every non-printable character shown as an escape ("\\x1b",
    "\\u202e"), so stored data (also data from before the text rule, domain/text_safety.py)
    can neither steer the terminal nor reorder the line. Newlines and tabs are kept when
    `keep_newlines` (multi-line text), else escaped too (a table cell is one line)."""
    return "".join(
        c if (keep_newlines and c in "\n\t") or unicodedata.category(c) not in _NOT_PRINTABLE
        else _escaped(c)
        for c in text
    )  # fmt: skip


class _Escaping(io.TextIOBase):
    """A text stream that passes everything written to it through `printable`."""

    def __init__(self, stream: TextIO) -> None:
        self.unescaped = stream

    def write(self, text: str) -> int:
        self.unescaped.write(printable(text, keep_newlines=True))
        return len(text)

    def flush(self) -> None:
        self.unescaped.flush()

    def fileno(self) -> int:
        return self.unescaped.fileno()

    def isatty(self) -> bool:
        return self.unescaped.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.unescaped.encoding


@contextmanager
def terminal_safe() -> Iterator[None]:
    """Every text the CLI prints (stdout and stderr: tables, lines, messages, argparse's
    errors) goes through `printable` — one place, so no command can forget it. JSON output
    goes around it (`print_json`), escaped by json itself."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Escaping(out), _Escaping(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout, sys.stderr = out, err


def print_json(data: Any) -> None:
    out = getattr(sys.stdout, "unescaped", sys.stdout)
    json.dump(data, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    rows = [[printable(cell) for cell in row] for row in rows]
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    for line in [headers, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


# ---- dates ---------------------------------------------------------------------------------
DAY_HELP = "Datum als TT.MM.JJJJ oder JJJJ-MM-TT"


def _in_window(text: str, value: date | datetime) -> None:
    if not date_window.in_window(value):
        raise argparse.ArgumentTypeError(f"„{text}“: {date_window.MESSAGE}")


def parse_day(text: str) -> date:
    """An argparse type: a calendar day as ISO (2026-11-25) or German (25.11.2026), inside
    the accepted window of dates."""
    value = text.strip()
    try:
        if "." in value:
            day = datetime.strptime(value, "%d.%m.%Y").date()
        else:
            day = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"„{text}“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT, "
            "z. B. 25.11.2026 oder 2026-11-25)"
        ) from None
    _in_window(text, day)
    return day


def parse_start(text: str) -> datetime:
    """An argparse type: a local date and time as ISO (2026-11-25T10:00 or "2026-11-25 10:00")
    or German ("25.11.2026 10:00"). A time zone is passed on for the domain to refuse."""
    value = text.strip()
    try:
        if "." in value.split(" ")[0]:
            start = datetime.strptime(value, "%d.%m.%Y %H:%M")
        elif "T" not in value and " " not in value:
            raise ValueError("date without time")
        else:
            start = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"„{text}“ ist kein gültiger Beginn (Datum und Uhrzeit, z. B. 2026-11-25T10:00 "
            "oder „25.11.2026 10:00“)"
        ) from None
    _in_window(text, start)
    return start


def german_day(value: date | datetime) -> str:
    """TT.MM.JJJJ."""
    return format_day(value.date() if isinstance(value, datetime) else value)


def german_time(value: datetime) -> str:
    return value.strftime("%H:%M")


def german_moment(value: datetime) -> str:
    """TT.MM.JJJJ HH:MM."""
    return f"{german_day(value)} {german_time(value)}"
