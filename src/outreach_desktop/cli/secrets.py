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
            return _strip_newline(sys.stdin.readline())
        if file:
            return read_secret_file(Path(file))
        if not sys.stdin.isatty():
            raise UserError(
                "Keine Passphrase: bitte eingeben (Terminal) oder --passphrase-file angeben."
            )
        value = getpass.getpass(prompt)
        if confirm and getpass.getpass("Wiederholen: ") != value:
            raise UserError("Die Eingaben stimmen nicht überein.")
        return value


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
