"""`outreach-desktop office …` (the office station) and `agency join` (a laptop joins)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from outreach_desktop.cli.common import unlocked
from outreach_desktop.cli.secrets import SecretSource
from outreach_desktop.domain.agency import AgencyRules
from outreach_desktop.services.files import read_file, save_file
from outreach_desktop.services.vaults import create_office_vault

SETUP_LIMIT = 256 * 1024


def init(args: argparse.Namespace) -> int:
    passphrase = SecretSource().read(args.passphrase_file, "Neue Passphrase: ", confirm=True)
    rules = AgencyRules(retention_days=args.retention_days)
    rules.validate()
    session, signed = create_office_vault(
        args.vault, passphrase, agency_name=args.agency_name, rules=rules
    )
    try:
        written = save_file(Path(args.setup_out), signed.data, mode=0o644)
        print(f"Bürotresor angelegt: {args.vault}")
        print(f"Dienststelle: {signed.setup.name}")
        print(f"Fingerabdruck: {signed.setup.fingerprint}")
        print(f"Einrichtungsdatei: {written}")
        print(
            "Hinweis: Den Fingerabdruck den Mitarbeitenden auf anderem Weg mitteilen; "
            "mit „office export-identity“ eine Sicherung des Schlüssels für den IT-Safe anlegen.",
            file=sys.stderr,
        )
    finally:
        session.lock()
    return 0


def export_identity(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        text = session.identity.agency_identity_file()
    written = save_file(Path(args.out), text.encode("ascii"), mode=0o600)
    print(f"Gespeichert: {written}")
    print(
        "Achtung: Diese Datei öffnet alle Übergaben und Tresore der Dienststelle. Nur im IT-Safe "
        "aufbewahren (z. B. ausgedruckt oder auf einem verschlüsselten Datenträger) und hier "
        "löschen.",
        file=sys.stderr,
    )
    return 0


def join(args: argparse.Namespace) -> int:
    data = read_file(Path(args.file), SETUP_LIMIT)
    with unlocked(args) as session:
        signed = session.join_agency(data)
    print(f"Beigetreten: {signed.setup.name}")
    print(f"Fingerabdruck: {signed.setup.fingerprint}")
    print("Bitte den Fingerabdruck mit dem vergleichen, den die Dienststelle mitgeteilt hat.")
    return 0
