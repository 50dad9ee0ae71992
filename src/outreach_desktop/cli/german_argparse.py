"""argparse in German: every text argparse itself shows (usage line, section titles, the help
option, error messages) comes out German. The command's own help texts are German in code."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

USAGE = "Aufruf: "
HELP = "diese Hilfe zeigen und beenden"
VERSION = "Programmversion zeigen und beenden"
ERROR = "Aufruf fehlerhaft: "
TITLES = {
    "positional arguments": "Argumente",
    "options": "Optionen",
    "optional arguments": "Optionen",
}


class GermanHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class GermanParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No prefix matching: "--passphrase SECRET" must not pass as "--passphrase-file".
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", GermanHelpFormatter)
        super().__init__(*args, **kwargs)
        for action in self._actions:
            if action.option_strings == ["-h", "--help"]:
                action.help = HELP

    def add_argument_group(self, *args: Any, **kwargs: Any) -> Any:
        """argparse's own sections under German titles (before parents add theirs, so a
        parent's section joins the child's of the same title)."""
        group = super().add_argument_group(*args, **kwargs)
        group.title = TITLES.get(group.title or "", group.title)
        return group

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        if message.startswith("unrecognized arguments"):
            # Not echoed: a passphrase typed on the command line must not reappear in logs.
            message = "unbekannte Argumente (siehe --help)"
        self.exit(2, f"{ERROR}{german(message)}\n")


_MESSAGES = (
    (
        r"^the following arguments are required: (action|command)$",
        "Unterbefehl fehlt (siehe --help)",
    ),
    (r"^the following arguments are required: (.*)$", r"Folgende Angaben fehlen: \1"),
    (r"^one of the arguments (.*) is required$", r"Eine dieser Angaben ist nötig: \1"),
    (r"^argument (\S+): not allowed with argument (\S+)$", r"\1 und \2 schließen sich aus"),
    (r"^argument (\S+): expected one argument$", r"\1 braucht einen Wert"),
    (r"^argument (\S+): expected at least one argument$", r"\1 braucht mindestens einen Wert"),
    (r"^argument (\S+): expected at most one argument$", r"\1 nimmt höchstens einen Wert"),
    (r"^argument (\S+): expected (\d+) arguments?$", r"\1 braucht \2 Werte"),
    (r"^argument (\S+): ignored explicit argument (.*)$", r"\1 nimmt keinen Wert (\2)"),
    (
        r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$",
        r"\1: \2 ist nicht möglich (möglich: \3)",
    ),
    (r"^argument (\S+): invalid int value: (.*)$", r"\1: \2 ist keine ganze Zahl"),
    (r"^argument (\S+): invalid (\S+) value: (.*)$", r"\1: \3 ist kein gültiger Wert"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"\1 ist mehrdeutig (\2)"),
    (r"^argument (\S+): (.*)$", r"\1: \2"),
)


def german(message: str) -> str:
    """argparse's messages in German; one it does not know stays as argparse wrote it."""
    for pattern, replacement in _MESSAGES:
        translated, n = re.subn(pattern, replacement, message)
        if n:
            return translated
    return message
