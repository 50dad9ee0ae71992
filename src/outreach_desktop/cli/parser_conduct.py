"""The commands that record what happened, as the GUI does: third parties, call attempts,
letters sent, conducting an appointment, consents given, protocols written and finalized."""

from __future__ import annotations

from outreach_desktop.cli import (
    call_commands,
    checklist_answer_command,
    conduct_commands,
    consent_give_command,
    letter_commands,
    protocol_write_commands,
    talk_commands,
    third_party_commands,
)
from outreach_desktop.cli.common import DAY_HELP, parse_day, parse_start
from outreach_desktop.cli.parser_kit import Parents, Subcommands, command, group, option, parent
from outreach_desktop.domain.home_visit import LetterKind
from outreach_desktop.domain.vocabulary import ThirdPartyKind

MOMENT_HELP = "Zeitpunkt als „25.11.2026 10:00“ oder 2026-11-25T10:00; Standard: jetzt"


def add_third_parties(sub: Subcommands, parents: Parents) -> None:
    tsub = group(sub, "third-parties", "Dritte Stellen (Behörden, Schulen, Träger, …)")
    search = parent(option("--search", default="", metavar="TEXT",
                           help="nur Einträge, die alle diese Wörter enthalten"))  # fmt: skip
    command(tsub, "list", "auflisten, mit der ID für „appointments add --third-party“",
            third_party_commands.list_third_parties, parents.session, search,
            parents.json)  # fmt: skip
    p = command(tsub, "add", "anlegen", third_party_commands.add, parents.session)
    p.add_argument("--name", required=True, metavar="NAME", help="Name der Stelle")
    p.add_argument("--kind", choices=third_party_commands.KINDS, default="other", metavar="ART",
                   help="; ".join(f"{k.value} = {k.label_de}" for k in ThirdPartyKind))  # fmt: skip
    p.add_argument("--address", default="", metavar="ANSCHRIFT", help="Anschrift")
    p.add_argument("--contact", default="", metavar="KONTAKT", help="Ansprechperson, Telefon")


def add_calls(sub: Subcommands, parents: Parents) -> None:
    csub = group(sub, "calls", "Anrufversuche vor einem Hausbesuch")
    details = parent(
        option("--outcome", required=True, choices=call_commands.OUTCOMES, metavar="ERGEBNIS",
               help=call_commands.OUTCOMES_HELP),
        option("--at", type=parse_start, metavar="ZEIT", help=MOMENT_HELP),
        option("--note", default="", metavar="TEXT", help="kurze Notiz, ohne Personendaten"),
        option("--agreed", action="store_true", help="Termin telefonisch vereinbart (nur mit "
               "--outcome reached); Ankündigung und Erinnerung sind dann freiwillig"),
    )  # fmt: skip
    command(csub, "add", "einen Anrufversuch erfassen", call_commands.add,
            parents.session, parents.appointment, details)  # fmt: skip
    command(csub, "list", "Anrufversuche eines Termins", call_commands.list_calls,
            parents.session, parents.appointment, parents.json)  # fmt: skip


def add_letter_sent(lsub: Subcommands, parents: Parents) -> None:
    kinds = "; ".join(f"{k.value} = {k.label_de}" for k in LetterKind)
    letter = parent(
        option("kind", choices=[k.value for k in LetterKind], metavar="BRIEF", help=kinds),
        option("--on", type=parse_day, metavar="D", help=f"Versanddatum; {DAY_HELP}; "
               "Standard: heute"),
    )  # fmt: skip
    command(lsub, "sent", "einen Brief als versendet erfassen", letter_commands.sent,
            parents.session, parents.appointment, letter)  # fmt: skip


def add_conduct(asub: Subcommands, parents: Parents) -> None:
    """`appointments begin|step|finish|map|close`."""
    command(asub, "begin", "Termin beginnen (Vor Ort)", conduct_commands.begin,
            parents.session, parents.appointment)  # fmt: skip
    which = parent(option("step", choices=list(conduct_commands.STEPS), metavar="SCHRITT",
                          help=conduct_commands.STEPS_HELP))  # fmt: skip
    command(asub, "step", "einen Schritt vor Ort erfassen", conduct_commands.step,
            parents.session, parents.appointment, which)  # fmt: skip
    outcome = parent(
        option("--outcome", required=True, choices=conduct_commands.OUTCOME_CHOICES,
               metavar="ERGEBNIS", help=conduct_commands.OUTCOMES_HELP),
        option("--by", choices=list(conduct_commands.BY), metavar="WER",
               help="wer abgebrochen hat: client = Kundin/Kunde, staff = Mitarbeitende"),
        option("--reason", default="", metavar="TEXT", help="Grund"),
    )  # fmt: skip
    command(asub, "finish", "Ergebnis erfassen (der Termin endet)", conduct_commands.finish,
            parents.session, parents.appointment, outcome)  # fmt: skip
    by = parent(option("--by", metavar="NAME", help="wer dokumentiert hat (Standard: "
                       "Inhaberin/Inhaber des Tresors)"))  # fmt: skip
    command(asub, "map", "direkt am mobilen Arbeitsplatz (MAP) in VerBIS dokumentiert: ersetzt "
            "das Gedächtnisprotokoll", conduct_commands.document_at_map, parents.session,
            parents.appointment, by)  # fmt: skip
    command(asub, "close", "Nachbereitung abschließen (nur wenn alle nötigen Punkte erledigt "
            "sind)", conduct_commands.close, parents.session, parents.appointment)  # fmt: skip


def add_consent_give(cosub: Subcommands, parents: Parents) -> None:
    given = parent(
        option("--id", metavar="ID", help="ID der Einwilligung (consents list)"),
        option("--how", required=True, choices=list(consent_give_command.HOW), metavar="FORM",
               help=consent_give_command.HOW_HELP + " (auf dem Bildschirm: nur in der "
               "Oberfläche)"),
        option("--at", type=parse_start, metavar="ZEIT", help=MOMENT_HELP),
        option("--documented-by", metavar="ID", help="mündlich: wer dokumentiert (Standard: "
               "Inhaberin/Inhaber des Tresors)"),
        option("--witness", default="", metavar="NAME", help="mündlich: Zeugin/Zeuge"),
    )  # fmt: skip
    release = parent(
        option("--third-party", metavar="ID", help="statt --id: eine neue "
               "Schweigepflichtentbindung gegenüber dieser dritten Stelle (third-parties list), "
               "bei jedem Handlungsansatz, auch nach dem Termin"),
        option("--appointment", metavar="ID", help="mit --third-party: für die Kundin/den "
               "Kunden dieses Termins"),
        option("--client", metavar="ID", help="mit --third-party: für diese Kundin/diesen Kunden"),
        option("--purpose", default="", metavar="TEXT", help="mit --third-party: Zweck"),
        option("--topics", default="", metavar="TEXT", help="mit --third-party: Themen"),
        option("--valid-until", type=parse_day, metavar="D", help=f"mit --third-party: gültig "
               f"bis; {DAY_HELP}"),
    )  # fmt: skip
    command(cosub, "give", "eine Einwilligung als erteilt erfassen", consent_give_command.give,
            parents.session, given, release)  # fmt: skip


def add_talks(sub: Subcommands, parents: Parents) -> None:
    """`talks add|list`: talks with a third party in the client's absence."""
    tsub = group(sub, "talks", "Gespräche mit Dritten in Abwesenheit der Kundin/des Kunden")
    talk = parent(
        option("--release", required=True, metavar="ID", help="ID der "
               "Schweigepflichtentbindung, auf der das Gespräch beruht (consents list)"),
        option("--third-party", metavar="ID", help="die dritte Stelle (Standard: die in der "
               "Schweigepflichtentbindung genannte)"),
        option("--appointment", metavar="ID", help="der Termin, zu dem das Gespräch gehört"),
        option("--at", type=parse_start, metavar="ZEIT", help=MOMENT_HELP),
        option("--note", default="", metavar="TEXT", help="kurze Notiz (höchstens "
               f"{talk_commands.MAX_NOTE} Zeichen), ohne Gesprächsinhalt"),
    )  # fmt: skip
    command(tsub, "add", "ein Gespräch mit Dritten erfassen (nur mit gültiger "
            "Schweigepflichtentbindung)", talk_commands.add, parents.session, talk)  # fmt: skip
    whose = parent(
        option("--client", metavar="ID", help="nur die Gespräche zu dieser Kundin/diesem Kunden"),
        option("--appointment", metavar="ID", help="nur die Gespräche zur Kundin/zum Kunden "
               "dieses Termins"),
    )  # fmt: skip
    command(tsub, "list", "erfasste Gespräche mit Dritten auflisten", talk_commands.list_talks,
            parents.session, whose, parents.json)  # fmt: skip


def add_protocol_writing(psub: Subcommands, parents: Parents) -> None:
    w = protocol_write_commands
    content = parent(
        option("--text", metavar="FILE", help="Text aus dieser Datei ('-' = Standardeingabe, "
               "so liegt kein unverschlüsselter Text auf der Festplatte); vor der ersten "
               "Überschrift der Gesprächsverlauf, „# Themen“ usw. beginnt ein Feld: "
               f"{w.FIELDS_HELP}"),
        option("--duration", type=int, metavar="MIN", help="Dauer in Minuten"),
        option("--success", choices=list(w.SUCCESS), metavar="ERFOLG", help=w.SUCCESS_HELP),
        option("--to-verbis", action="store_true", help="Eintrag in VerBIS nötig"),
        option("--benefit-relevant", action="store_true",
               help="leistungsrelevant: e-Akte, Leistungsgewährung informieren"),
        option("--inform-network", action="store_true", help="Netzwerkpartner informieren"),
        option("--to-main-caseworker", action="store_true",
               help="Information an die Hauptbetreuung (nur mit Einverständnis)"),
    )  # fmt: skip
    command(psub, "new", "Protokoll zu einem Termin beginnen", w.new,
            parents.session, parents.appointment, content)  # fmt: skip
    command(psub, "write", "den Entwurf eines Protokolls ändern", w.write,
            parents.session, parents.protocol, content)  # fmt: skip
    command(psub, "finalize", "Protokoll abschließen (danach nur noch Nachträge)", w.finalize,
            parents.session, parents.protocol)  # fmt: skip


def add_checklist_answer(clsub: Subcommands, parents: Parents) -> None:
    """`checklist answer`."""
    what = parent(
        option("--item", required=True, metavar="PUNKT",
               help="ID des Punkts, wie „checklist show“ sie zeigt, z. B. dp.results_communicated"),
        option("--value", metavar="WERT", help="ja/nein bei Haken und Ja/Nein-Fragen, ein Datum "
               "(TT.MM.JJJJ), die ID einer Person oder einer Auswahl, sonst Text"),
        option("--clear", action="store_true", help="die Antwort entfernen"),
    )  # fmt: skip
    command(clsub, "answer", "einen Punkt der Checkliste beantworten",
            checklist_answer_command.answer, parents.session, parents.appointment,
            what)  # fmt: skip
