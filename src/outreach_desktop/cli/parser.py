"""The argument parser. Handlers live in the *_commands modules."""

from __future__ import annotations

from pathlib import Path

from outreach_desktop import __version__
from outreach_desktop.cli import (
    appointment_commands,
    checklist_commands,
    client_commands,
    conflict_commands,
    consent_commands,
    day_plan_command,
    demo_command,
    exchange_commands,
    gui_command,
    import_command,
    letter_commands,
    office_commands,
    office_import_commands,
    parser_conduct,
    print_command,
    protocol_commands,
    receipt_commands,
    site_commands,
    stats_command,
    vault_commands,
)
from outreach_desktop.cli.common import DAY_HELP, parse_day, parse_start
from outreach_desktop.cli.german_argparse import VERSION, GermanParser
from outreach_desktop.cli.parser_kit import Parents as _Parents
from outreach_desktop.cli.parser_kit import Subcommands
from outreach_desktop.cli.parser_kit import command as _command
from outreach_desktop.cli.parser_kit import folder as _folder
from outreach_desktop.cli.parser_kit import force as _force
from outreach_desktop.cli.parser_kit import group as _group
from outreach_desktop.cli.parser_kit import option as _option
from outreach_desktop.cli.parser_kit import parent as _parent
from outreach_desktop.cli.parser_kit import passphrase_option as _passphrase
from outreach_desktop.cli.parser_kit import vault_option as _vault
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.inbox import RECORD_KINDS


def build_parser() -> GermanParser:
    parser = GermanParser(
        prog="outreach-desktop",
        description="Outreach Desktop – aufsuchende Beratung, offline und verschlüsselt.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help=VERSION
    )
    _vault(parser, required=False)
    _passphrase(parser)
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="Oberfläche öffnen und gleich wieder schließen (Installationsprüfung)",
    )
    parser.set_defaults(handler=gui_command.run, command="gui")
    sub = parser.add_subparsers(title="Befehle", dest="command", parser_class=GermanParser)
    parents = _Parents()
    _vault_commands(sub, parents)
    _client_commands(sub, parents)
    parser_conduct.add_third_parties(sub, parents)
    _appointment_commands(sub, parents)
    _workflow_commands(sub, parents)
    parser_conduct.add_calls(sub, parents)
    _protocol_commands(sub, parents)
    _office_commands(sub, parents)
    _export_command(sub, parents)
    _import_commands(sub, parents)
    _receipt_commands(sub, parents)
    _site_commands(sub, parents)
    day_plan_command.add(sub, parents)
    _stats_command(sub, parents)
    p = _command(sub, "demo", "Tresor mit erfundenen Beispieldaten füllen", demo_command.run,
                 parents.session)  # fmt: skip
    p.add_argument("--clients", type=int, default=30, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument(
        "--size", choices=("small", "medium", "large"), default="small",
        help="small: einige Wochen rund um heute; medium: dazu fünf Jahre mit 2.000 Kundinnen"
        " und Kunden; large: fünf Jahre mit 20.000 Kundinnen und Kunden, 100.000 Terminen",
    )  # fmt: skip
    return parser


def _vault_commands(sub: Subcommands, parents: _Parents) -> None:
    vsub = _group(sub, "vault", "Tresor anlegen, prüfen, Passphrase ändern")
    p = _command(vsub, "create", "neuen Tresor anlegen", vault_commands.create, parents.session)
    p.add_argument("--recovery-recipient", metavar="age1…", help="age-Empfänger der Dienststelle")
    p.add_argument("--owner", metavar="NAME", default="", help="Name der Inhaberin/des Inhabers")
    _command(vsub, "info", "Rolle, Schema, Anzahlen, Schlüssel (ohne Personendaten)",
             vault_commands.info, parents.session, parents.json)  # fmt: skip
    _command(vsub, "check", "Integrität prüfen", vault_commands.check, parents.session)
    _command(vsub, "passwd", "Passphrase ändern", vault_commands.passwd,
             parents.session, parents.new_passphrase)  # fmt: skip
    identity = _parent(_option("--identity", type=Path, required=True, metavar="FILE"))
    _command(vsub, "recover", "mit dem Schlüssel der Dienststelle wiederherstellen",
             vault_commands.recover, parents.vault_dir, identity,
             parents.new_passphrase)  # fmt: skip


def _office_commands(sub: Subcommands, parents: _Parents) -> None:
    osub = _group(sub, "office", "Bürotresor der Dienststelle")
    p = _command(osub, "init", "Bürotresor mit den Schlüsseln der Dienststelle anlegen",
                 office_commands.init, parents.session)  # fmt: skip
    p.add_argument("--setup-out", required=True, metavar="FILE",
                   help="wohin die Einrichtungsdatei für die Laptops geschrieben wird")  # fmt: skip
    _force(p)
    p.add_argument("--agency-name", required=True, metavar="NAME", help="Name der Dienststelle")
    p.add_argument("--retention-days", type=int, default=14, metavar="N",
                   help="Tage, die übernommene Daten nach der Quittung noch auf dem Laptop "
                   "bleiben")  # fmt: skip
    p = _command(osub, "export-identity", "Schlüssel der Dienststelle für den IT-Safe sichern",
                 office_commands.export_identity, parents.session)  # fmt: skip
    p.add_argument("--out", required=True, metavar="FILE", help="Zieldatei")
    _force(p)
    asub = _group(sub, "agency", "Dienststelle")
    p = _command(asub, "join", "der Dienststelle mit ihrer Einrichtungsdatei beitreten",
                 office_commands.join, parents.session)  # fmt: skip
    p.add_argument("file", type=Path, metavar="FILE", help="die Einrichtungsdatei")


def _export_command(sub: Subcommands, parents: _Parents) -> None:
    options = _parent(
        _option("--out", required=True, type=_folder, metavar="DIR",
                help="Ordner für die Übergabedatei (z. B. USB-Stick oder Teamlaufwerk)"),
        _option("--since", type=parse_day, metavar="TT.MM.JJJJ",
                help=f"nur Einträge dieses Tages oder später; {DAY_HELP}"),
    )  # fmt: skip
    _command(sub, "export", "Übergabe ans Büro schreiben (verschlüsselt)",
             exchange_commands.export, parents.session, options)  # fmt: skip


def _import_commands(sub: Subcommands, parents: _Parents) -> None:
    """The office station takes the laptops' exports and keeps its Posteingang."""
    by = _parent(_option("--by", metavar="NAME",
                         help="wer bestätigt oder markiert (Standard: Anmeldename)"))  # fmt: skip
    p = _command(sub, "import", "Sendungen einlesen (Büro: Übergaben der Laptops; Laptop: "
                 "Quittungen des Büros)", import_command.run, parents.session, by)  # fmt: skip
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="Paketdateien (.age)")
    p.add_argument("--trust-new-device", dest="trust", action="append", metavar="FINGERPRINT",
                   help="ein neues Gerät annehmen, nachdem sein Fingerabdruck verglichen "
                   "wurde (mehrfach möglich)")  # fmt: skip
    isub = _group(sub, "inbox", "Posteingang des Bürotresors")
    everything = _parent(_option("--all", action="store_true",
                                 help="auch Übernommenes und Abgelehntes zeigen"))  # fmt: skip
    _command(isub, "list", "was auf die Übernahme in VerBIS/e-Akte wartet",
             office_import_commands.list_inbox, parents.session, everything,
             parents.json)  # fmt: skip
    p = _command(isub, "mark", "einen Eintrag als übernommen markieren oder ablehnen",
                 office_import_commands.mark, parents.session, by)  # fmt: skip
    p.add_argument("--record", required=True, metavar="ID", help="ID des Eintrags")
    p.add_argument("--kind", choices=list(RECORD_KINDS), metavar="KIND",
                   help="Art des Eintrags, falls die ID mehrdeutig ist")  # fmt: skip
    p.add_argument("--verbis", action="store_true", help="in VerBIS übernommen")
    p.add_argument("--eakte", action="store_true", help="in der e-Akte vermerkt")
    p.add_argument("--benefits", action="store_true", help="Leistungsgewährung informiert")
    p.add_argument("--reject", metavar="GRUND", help="ablehnen, mit Grund für die Quittung")
    everything = _parent(_option("--all", action="store_true",
                                 help="auch entschiedene Konflikte zeigen"))  # fmt: skip
    _command(isub, "conflicts", "Konflikte: beide Fassungen nebeneinander, was verschieden ist",
             conflict_commands.list_conflicts, parents.session, everything,
             parents.json)  # fmt: skip
    p = _command(isub, "resolve", "einen Konflikt entscheiden (einmalig, nicht umkehrbar)",
                 conflict_commands.resolve, parents.session,
                 _parent(_option("--by", metavar="NAME",
                                 help="wer entscheidet (Standard: Anmeldename)")))  # fmt: skip
    p.add_argument("--conflict", required=True, type=int, metavar="N", help="Nummer des Konflikts")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--keep", action="store_true", help="die gespeicherte Fassung behalten")
    how.add_argument("--replace", action="store_true", help="die andere Fassung übernehmen")


def _site_commands(sub: Subcommands, parents: _Parents) -> None:
    ssub = _group(sub, "site", "Standortkonfiguration der IT")
    folder = _parent(_option("--dir", type=Path, metavar="DIR",
                             help="dieser Ordner statt des installierten"))  # fmt: skip
    _command(ssub, "check", "jede Datei der Standortkonfiguration prüfen (verwendet, "
             "ignoriert, fehlerhaft)", site_commands.check, folder, parents.json)  # fmt: skip


def _receipt_commands(sub: Subcommands, parents: _Parents) -> None:
    p = _command(sub, "receipt", "Quittung für ein Gerät schreiben (Bürotresor)",
                 receipt_commands.receipt, parents.session)  # fmt: skip
    p.add_argument("--device", required=True, metavar="ID",
                   help="Kennung des Geräts (oder ihr Anfang, mindestens 8 Zeichen)")  # fmt: skip
    p.add_argument("--out", required=True, type=_folder, metavar="DIR",
                   help="Ordner, in den die Quittung geschrieben wird")  # fmt: skip
    _command(sub, "purge", "im Büro übernommene Daten nach der Aufbewahrungsfrist löschen",
             receipt_commands.purge, parents.session)  # fmt: skip
    ssub = _group(sub, "sync", "Übergabeprotokoll")
    _command(ssub, "log", "Exporte, Importe, Quittungen und Löschungen (ohne Personendaten)",
             receipt_commands.sync_log, parents.session, parents.json)  # fmt: skip


def _client_commands(sub: Subcommands, parents: _Parents) -> None:
    csub = _group(sub, "clients", "Kundinnen und Kunden")
    p = _command(csub, "add", "anlegen", client_commands.add, parents.session)
    p.add_argument("--name", required=True, metavar="NAME", help="Name, wie er angezeigt wird")
    p.add_argument("--phone", default="", metavar="TELEFON", help="Telefonnummer")
    p.add_argument("--address", default="", metavar="ANSCHRIFT", help="Anschrift")
    p.add_argument("--customer-number", default="", metavar="NR", help="Kundennummer")
    search = _parent(_option("--search", default="", metavar="TEXT",
                             help="nur Einträge, die alle diese Wörter enthalten"))  # fmt: skip
    _command(csub, "list", "auflisten", client_commands.list_clients,
             parents.session, search, parents.json)  # fmt: skip


def _appointment_commands(sub: Subcommands, parents: _Parents) -> None:
    asub = _group(sub, "appointments", "Termine")
    days = _parent(
        _option("--from", dest="from_day", type=parse_day, metavar="D",
                help=f"{DAY_HELP}; Standard: heute"),
        _option("--to", dest="to_day", type=parse_day, metavar="D",
                help=f"{DAY_HELP}, einschließlich; Standard: 28 Tage nach --from"),
    )  # fmt: skip
    _command(asub, "list", "Termine eines Zeitraums mit Checklisten-Stand",
             appointment_commands.list_appointments,
             parents.session, days, parents.json)  # fmt: skip
    p = _command(asub, "add", "Termin planen", appointment_commands.add, parents.session)
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
    p.add_argument(
        "--third-party",
        metavar="ID",
        help="ID der dritten Stelle (Begleitung; siehe „third-parties list“)",
    )
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
    parser_conduct.add_conduct(asub, parents)


def _workflow_commands(sub: Subcommands, parents: _Parents) -> None:
    clsub = _group(sub, "checklist", "Checklisten eines Termins")
    _command(clsub, "show", "Checkliste nach Phasen, Sperren und Zeitplan zeigen",
             checklist_commands.show,
             parents.session, parents.appointment, parents.json)  # fmt: skip
    parser_conduct.add_checklist_answer(clsub, parents)
    lsub = _group(sub, "letters", "Briefe zu Hausbesuchen")
    day = _parent(
        _option("--date", type=parse_day, metavar="D", help=f"{DAY_HELP}; Standard: heute")
    )
    _command(lsub, "due", "fällige Ankündigungen und Erinnerungen", letter_commands.due,
             parents.session, day, parents.json)  # fmt: skip
    parser_conduct.add_letter_sent(lsub, parents)
    cosub = _group(sub, "consents", "Einwilligungen")
    of_appointment = _parent(_option("--appointment", metavar="ID"))
    _command(cosub, "list", "Einwilligungen mit Stand auflisten", consent_commands.list_consents,
             parents.session, of_appointment, parents.json)  # fmt: skip
    parser_conduct.add_consent_give(cosub, parents)
    parser_conduct.add_talks(sub, parents)
    languages = print_command.LANGUAGES
    document = _parent(
        _option("kind", choices=print_command.KINDS, metavar="KIND",
                help="; ".join(print_command.KINDS)),
        _option("--lang", choices=languages, metavar="LANG",
                help="zweite Sprache: " + ", ".join(languages)),
        _option("--review", action="store_true",
                help="Prüfexemplar für die Dienststelle (mit Hinweis auf ungeprüfte "
                     "Übersetzung), nicht zur Unterschrift"),
    )  # fmt: skip
    _command(sub, "print", "Formular oder Brief eines Termins als PDF-Datei", print_command.run,
             parents.session, parents.appointment, document, parents.out)  # fmt: skip


def _protocol_commands(sub: Subcommands, parents: _Parents) -> None:
    psub = _group(sub, "protocols", "Gedächtnisprotokolle")
    _command(psub, "list", "Protokolle auflisten", protocol_commands.list_protocols,
             parents.session, parents.json)  # fmt: skip
    _command(psub, "show", "ein Protokoll mit Nachträgen zeigen", protocol_commands.show,
             parents.session, parents.protocol, parents.json)  # fmt: skip
    _command(psub, "pdf", "ein Protokoll als PDF-Datei", protocol_commands.pdf,
             parents.session, parents.protocol, parents.out)  # fmt: skip
    parser_conduct.add_protocol_writing(psub, parents)
    p = _command(sub, "search", "Volltextsuche in Kundinnen/Kunden, Terminen, Protokollen",
                 protocol_commands.search, parents.session, parents.json)  # fmt: skip
    p.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help="Suchwörter, auch ohne Anführungszeichen; alle müssen vorkommen",
    )


def _stats_command(sub: Subcommands, parents: _Parents) -> None:
    day = f"{DAY_HELP}"
    options = _parent(
        _option("what", nargs="?", choices=["report"], metavar="WAS",
                help="leer: Kennzahlen ausgeben; report: Bericht als PDF (mit --out)"),
        _option("--from", dest="first", type=parse_day, metavar="TT.MM.JJJJ",
                help=f"erster Tag (Standard: 1. Januar); {day}"),
        _option("--to", dest="last", type=parse_day, metavar="TT.MM.JJJJ",
                help=f"letzter Tag (Standard: heute); {day}"),
        _option("--month", metavar="MM.JJJJ", help="ein Monat, z. B. 03.2026"),
        _option("--quarter", metavar="Q.JJJJ", help="ein Quartal, z. B. 1.2026"),
        _option("--year", metavar="JJJJ", help="ein Jahr, z. B. 2026"),
        _option("--by", choices=stats_command.GROUPINGS, metavar="GRUPPE",
                help="Spalten je approach (Handlungsansatz), month (Monat) oder staff "
                     "(Mitarbeitende)"),
        _option("--csv", action="store_true",
                help="als CSV (Semikolon; Zellen, die wie Formeln beginnen, als Text)"),
        _option("--out", metavar="FILE.pdf", help="mit report: Zieldatei des Berichts"),
        _force,
    )  # fmt: skip
    _command(sub, "stats", "Auswertung: Anzahlen je Zeitraum, ohne Namen (report: als PDF)",
             stats_command.run, parents.session, options, parents.json)  # fmt: skip
