"""The argument parser. Handlers live in the *_commands modules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NoReturn

from outreach_desktop import __version__
from outreach_desktop.cli import client_commands, demo_command, gui_command, vault_commands


class GermanParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No prefix matching: "--passphrase SECRET" must not pass as "--passphrase-file".
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        if message.startswith("unrecognized arguments"):
            # Not echoed: a passphrase typed on the command line must not reappear in logs.
            message = "unbekannte Argumente (siehe --help)"
        self.exit(2, f"Aufruf fehlerhaft: {message}\n")


def _vault(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--vault", type=Path, required=required, metavar="DIR", help="Tresor-Ordner")


def _passphrase(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="Passphrase aus der ersten Zeile dieser Datei lesen ('-' = Standardeingabe)",
    )


def build_parser() -> GermanParser:
    parser = GermanParser(
        prog="outreach-desktop",
        description="Outreach Desktop – aufsuchende Beratung, offline und verschlüsselt.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _vault(parser, required=False)
    _passphrase(parser)
    parser.set_defaults(handler=gui_command.run, command="gui")
    sub = parser.add_subparsers(title="Befehle", dest="command", parser_class=GermanParser)

    vault = sub.add_parser("vault", help="Tresor anlegen, prüfen, Passphrase ändern")
    vsub = vault.add_subparsers(dest="action", required=True, parser_class=GermanParser)
    p = vsub.add_parser("create", help="neuen Tresor anlegen")
    _vault(p)
    _passphrase(p)
    p.add_argument("--recovery-recipient", metavar="age1…", help="age-Empfänger der Dienststelle")
    p.add_argument("--owner", metavar="NAME", default="", help="Name der Inhaberin/des Inhabers")
    p.set_defaults(handler=vault_commands.create)
    for name, handler, text in (
        ("info", vault_commands.info, "Schema, Anzahlen, Schlüssel (ohne Personendaten)"),
        ("check", vault_commands.check, "Integrität prüfen"),
    ):
        p = vsub.add_parser(name, help=text)
        _vault(p)
        _passphrase(p)
        p.set_defaults(handler=handler)
    p = vsub.add_parser("passwd", help="Passphrase ändern")
    _vault(p)
    _passphrase(p)
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.set_defaults(handler=vault_commands.passwd)
    p = vsub.add_parser("recover", help="mit dem Schlüssel der Dienststelle wiederherstellen")
    _vault(p)
    p.add_argument("--identity", type=Path, required=True, metavar="FILE")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.set_defaults(handler=vault_commands.recover)

    clients = sub.add_parser("clients", help="Kundinnen und Kunden")
    csub = clients.add_subparsers(dest="action", required=True, parser_class=GermanParser)
    p = csub.add_parser("add", help="anlegen")
    _vault(p)
    _passphrase(p)
    p.add_argument("--name", required=True)
    p.add_argument("--phone", default="")
    p.add_argument("--address", default="")
    p.add_argument("--customer-number", default="")
    p.set_defaults(handler=client_commands.add)
    p = csub.add_parser("list", help="auflisten")
    _vault(p)
    _passphrase(p)
    p.add_argument("--search", default="", metavar="TEXT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=client_commands.list_clients)

    p = sub.add_parser("demo", help="Tresor mit erfundenen Beispieldaten füllen")
    _vault(p)
    _passphrase(p)
    p.add_argument("--clients", type=int, default=30, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(handler=demo_command.run)
    return parser
