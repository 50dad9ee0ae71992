"""The argument parser. Handlers live in the *_commands modules."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any, NoReturn

from outreach_desktop import __version__
from outreach_desktop.cli import (
    appointment_commands,
    checklist_commands,
    client_commands,
    consent_commands,
    demo_command,
    gui_command,
    letter_commands,
    print_command,
    protocol_commands,
    vault_commands,
)
from outreach_desktop.cli.common import DAY_HELP, parse_day, parse_start
from outreach_desktop.domain.vocabulary import Approach


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
        self.exit(2, f"Aufruf fehlerhaft: {_german(message)}\n")


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
    (
        r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$",
        r"\1: \2 ist nicht möglich (\3)",
    ),
    (r"^argument (\S+): invalid int value: (.*)$", r"\1: \2 ist keine ganze Zahl"),
    (r"^argument (\S+): (.*)$", r"\1: \2"),
)


def _german(message: str) -> str:
    """The usual argparse messages in German; anything else as argparse wrote it."""
    for pattern, replacement in _MESSAGES:
        translated, n = re.subn(pattern, replacement, message)
        if n:
            return translated
    return message


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

    appointments = sub.add_parser("appointments", help="Termine")
    asub = appointments.add_subparsers(dest="action", required=True, parser_class=GermanParser)
    p = asub.add_parser("list", help="Termine eines Zeitraums mit Checklisten-Stand")
    _vault(p)
    _passphrase(p)
    p.add_argument(
        "--from", dest="from_day", type=parse_day, metavar="D", help=f"{DAY_HELP}; Standard: heute"
    )
    p.add_argument(
        "--to",
        dest="to_day",
        type=parse_day,
        metavar="D",
        help=f"{DAY_HELP}, einschließlich; Standard: 28 Tage nach --from",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=appointment_commands.list_appointments)
    p = asub.add_parser("add", help="Termin planen")
    _vault(p)
    _passphrase(p)
    p.add_argument("--approach", required=True, choices=[a.value for a in Approach])
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--client", metavar="ID", help="ID der Kundin/des Kunden")
    who.add_argument("--anonymous", action="store_true", help="anonym (nur Walk and Talk)")
    p.add_argument(
        "--start",
        required=True,
        type=parse_start,
        metavar="ISO",
        help="Beginn als Ortszeit, z. B. 2026-11-25T10:00 oder „25.11.2026 10:00“",
    )
    p.add_argument("--place", default="", metavar="P", help="Treffpunkt bzw. Ort")
    p.add_argument("--third-party", metavar="ID", help="ID der dritten Stelle (Begleitung)")
    p.add_argument("--duration", type=int, metavar="MIN", help="geplante Dauer in Minuten")
    p.add_argument("--buffer", type=int, metavar="MIN", help="Zeitpuffer in Minuten")
    p.add_argument(
        "--staff",
        nargs="+",
        action="extend",
        metavar="ID",
        help="teilnehmende Mitarbeitende (Standard: Inhaberin/Inhaber des Tresors)",
    )
    p.add_argument("--first-meeting", action="store_true", help="erstes Kennenlernen")
    p.add_argument("--spontaneous", action="store_true", help="spontan (nur Walk and Talk)")
    p.set_defaults(handler=appointment_commands.add)

    checklist = sub.add_parser("checklist", help="Checklisten eines Termins")
    clsub = checklist.add_subparsers(dest="action", required=True, parser_class=GermanParser)
    p = clsub.add_parser("show", help="Checkliste nach Phasen, Sperren und Zeitplan zeigen")
    _vault(p)
    _passphrase(p)
    p.add_argument("--appointment", required=True, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=checklist_commands.show)

    letters = sub.add_parser("letters", help="Briefe zu Hausbesuchen")
    lsub = letters.add_subparsers(dest="action", required=True, parser_class=GermanParser)
    p = lsub.add_parser("due", help="fällige Ankündigungen und Erinnerungen")
    _vault(p)
    _passphrase(p)
    p.add_argument("--date", type=parse_day, metavar="D", help=f"{DAY_HELP}; Standard: heute")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=letter_commands.due)

    consents = sub.add_parser("consents", help="Einwilligungen")
    cosub = consents.add_subparsers(dest="action", required=True, parser_class=GermanParser)
    p = cosub.add_parser("list", help="Einwilligungen mit Stand auflisten")
    _vault(p)
    _passphrase(p)
    p.add_argument("--appointment", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=consent_commands.list_consents)

    p = sub.add_parser("print", help="Formular oder Brief eines Termins als PDF-Datei")
    p.add_argument(
        "kind", choices=print_command.KINDS, metavar="KIND", help="; ".join(print_command.KINDS)
    )
    _vault(p)
    _passphrase(p)
    p.add_argument("--appointment", required=True, metavar="ID")
    p.add_argument(
        "--lang",
        choices=print_command.LANGUAGES,
        metavar="LANG",
        help="zweite Sprache: " + ", ".join(print_command.LANGUAGES),
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(handler=print_command.run)

    protocols = sub.add_parser("protocols", help="Gedächtnisprotokolle")
    psub = protocols.add_subparsers(dest="action", required=True, parser_class=GermanParser)
    p = psub.add_parser("list", help="Protokolle auflisten")
    _vault(p)
    _passphrase(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=protocol_commands.list_protocols)
    p = psub.add_parser("show", help="ein Protokoll mit Nachträgen zeigen")
    _vault(p)
    _passphrase(p)
    p.add_argument("--id", required=True, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=protocol_commands.show)
    p = psub.add_parser("pdf", help="ein Protokoll als PDF-Datei")
    _vault(p)
    _passphrase(p)
    p.add_argument("--id", required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(handler=protocol_commands.pdf)

    p = sub.add_parser("search", help="Volltextsuche in Kundinnen/Kunden, Terminen, Protokollen")
    _vault(p)
    _passphrase(p)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=protocol_commands.search)

    p = sub.add_parser("demo", help="Tresor mit erfundenen Beispieldaten füllen")
    _vault(p)
    _passphrase(p)
    p.add_argument("--clients", type=int, default=30, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(handler=demo_command.run)
    return parser
