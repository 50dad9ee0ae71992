"""Pieces the argument parser is built from: the shared options (declared once, as argparse
parent parsers) and the helpers that add a command group or a command."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from outreach_desktop.cli.german_argparse import GermanParser


def vault_option(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--vault", type=Path, required=required, metavar="DIR", help="Tresor-Ordner")


def passphrase_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="Passphrase aus der ersten Zeile dieser Datei lesen ('-' = Standardeingabe)",
    )


def option(*flags: str, **settings: Any) -> Callable[[GermanParser], object]:
    """One option, added when called with a parser."""
    return lambda p: p.add_argument(*flags, **settings)


# every command that writes a file the user names: an existing one only with --force
force = option("--force", action="store_true", help="eine vorhandene Zieldatei ersetzen")


def folder(text: str) -> Path:
    """An argparse type: a folder to write into; "" is none (Path("") would be the current)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("bitte einen Ordner angeben")
    return Path(text)


def parent(*options: Callable[[GermanParser], object]) -> GermanParser:
    made = GermanParser(add_help=False)
    for add in options:
        add(made)
    return made


class Parents:
    """The options several commands share, each declared once (argparse parent parsers)."""

    def __init__(self) -> None:
        self.vault_dir = parent(vault_option)
        self.session = parent(vault_option, passphrase_option)  # every command that opens a vault
        self.json = parent(option("--json", action="store_true"))
        self.appointment = parent(
            option(
                "--appointment",
                required=True,
                metavar="ID",
                help="ID des Termins (appointments list)",
            )
        )
        self.protocol = parent(
            option("--id", required=True, metavar="ID", help="ID des Protokolls (protocols list)")
        )
        self.new_passphrase = parent(option("--new-passphrase-file", metavar="FILE"))
        self.out = parent(
            option("--out", required=True, metavar="FILE.pdf",
                   help="Zieldatei (.pdf wird angehängt, wo es fehlt)"),
            force,
        )  # fmt: skip


Subcommands = Any  # argparse._SubParsersAction[GermanParser]


def group(sub: Subcommands, name: str, text: str) -> Subcommands:
    """A command with actions (`vault create`, `clients list`, …)."""
    actions = sub.add_parser(name, help=text)
    return actions.add_subparsers(dest="action", required=True, parser_class=GermanParser)


def command(
    sub: Subcommands,
    name: str,
    text: str,
    handler: Callable[[argparse.Namespace], int],
    *parents: GermanParser,
) -> GermanParser:
    """A command with the options of `parents`, in their order. Where a command has options of
    its own before the shared --json, they come in as a parent too, so help lists --json last."""
    p: GermanParser = sub.add_parser(name, help=text, parents=list(parents))
    p.set_defaults(handler=handler)
    return p
