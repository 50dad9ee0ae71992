"""Reading passphrases: from a prompt or a file (`-` = stdin), never from argv or environment."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from outreach_desktop.domain.errors import UserError


class SecretSource:
    """Reads each secret once; stdin may serve one secret only."""

    def __init__(self) -> None:
        self._stdin_used = False

    def read(self, file: str | None, prompt: str, *, confirm: bool = False) -> str:
        if file == "-":
            if self._stdin_used:
                raise UserError("Nur eine Passphrase kann über die Standardeingabe kommen.")
            self._stdin_used = True
            return _strip_newline(_stdin_line())
        if file:
            return read_secret_file(Path(file))
        if not sys.stdin.isatty():
            raise UserError(
                "Keine Passphrase: bitte eingeben (Terminal) oder --passphrase-file angeben."
            )
        value = _utf8(getpass.getpass(prompt), "Die Eingabe")
        if confirm and getpass.getpass("Wiederholen: ") != value:
            raise UserError("Die Eingaben stimmen nicht überein.")
        return value


def _stdin_line() -> str:
    """The first line on stdin as UTF-8, whatever the locale made of sys.stdin (a C locale
    decodes with surrogateescape, PYTHONIOENCODING may name another codec): the same bytes give
    the same passphrase as from a file, and bytes that are no UTF-8 a clean refusal."""
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:  # a text stream without bytes underneath (tests hand in a StringIO)
        return _utf8(sys.stdin.readline(), "Die Standardeingabe")
    try:
        return raw.readline().decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(_NOT_UTF8.format(what="Die Standardeingabe")) from None


_NOT_UTF8 = "{what} ist kein UTF-8-Text; die Passphrase muss UTF-8 sein."


def _utf8(text: str, what: str) -> str:
    """`text` if it is valid Unicode (no lone surrogates: bytes that were no UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(_NOT_UTF8.format(what=what)) from None
    return text


def read_secret_file(path: Path) -> str:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise UserError(f"Die Datei {path} gibt es nicht.") from None
    except UnicodeDecodeError:
        raise UserError(f"Die Datei {path} ist keine UTF-8-Textdatei.") from None
    except OSError as exc:
        raise UserError(f"Die Datei {path} kann nicht gelesen werden ({exc.strerror}).") from None
    return _strip_newline(text.split("\n", 1)[0])


def _strip_newline(line: str) -> str:
    return line.removesuffix("\n").removesuffix("\r")


def read_text_file(path: Path, what: str) -> str:
    try:
        return path.read_text("utf-8")
    except FileNotFoundError:
        raise UserError(f"{what} {path} gibt es nicht.") from None
    except (OSError, UnicodeDecodeError):
        raise UserError(f"{what} {path} kann nicht gelesen werden.") from None
