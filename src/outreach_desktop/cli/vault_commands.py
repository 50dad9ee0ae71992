"""`outreach-desktop vault …`"""

from __future__ import annotations

import argparse

from outreach_desktop.cli.common import print_json, print_table, unlocked
from outreach_desktop.cli.secrets import SecretSource, read_text_file
from outreach_desktop.domain.passphrase import check_new_passphrase
from outreach_desktop.services.vaults import (
    create_vault,
    default_recovery_recipient,
    recover_vault,
    unlock_vault,
)

ROLES = {"field": "Außendienst (Laptop)", "office": "Büro (Posteingang der Dienststelle)"}


def create(args: argparse.Namespace) -> int:
    secrets = SecretSource()
    passphrase = secrets.read(args.passphrase_file, "Neue Passphrase: ", confirm=True)
    recipient = args.recovery_recipient or default_recovery_recipient()
    session = create_vault(
        args.vault, passphrase, owner_name=args.owner, recovery_recipient=recipient
    )
    try:
        p = session.passphrase_kdf()
        print(f"Tresor angelegt: {args.vault}")
        print(f"Argon2id: {p.memory_kib // 1024} MiB, t={p.time_cost}, p={p.parallelism}")
        if recipient:
            print(f"Wiederherstellung über: {recipient}")
        else:
            print("Hinweis: kein Wiederherstellungsschlüssel der Dienststelle hinterlegt.")
    finally:
        session.lock()
    return 0


def info(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        data = session.info()
    if args.json:
        print_json({
            "path": str(data.path), "vault_id": data.vault_id, "role": data.role,
            "device_id": data.device_id, "device_fingerprint": data.device_fingerprint,
            "agency": data.agency, "schema_version": data.schema_version, "counts": data.counts,
            "slots": [{"kind": s.kind, "detail": s.detail} for s in data.slots],
            "files": data.files,
        })  # fmt: skip
        return 0
    labels = {
        "clients": "Kundinnen und Kunden",
        "staff": "Mitarbeitende",
        "third_parties": "Dritte",
        "appointments": "Termine",
    }
    print(f"Tresor:          {data.path}")
    print(f"Tresor-ID:       {data.vault_id}")
    print(f"Rolle:           {ROLES[data.role]}")
    print(f"Geräte-ID:       {data.device_id}")
    print(f"Geräteschlüssel: {data.device_fingerprint}")
    print(f"Dienststelle:    {data.agency or 'noch nicht beigetreten'}")
    print(f"Schema-Version:  {data.schema_version}")
    print()
    print_table(["Inhalt", "Anzahl"], [[labels[k], str(v)] for k, v in data.counts.items()])
    print()
    print_table(
        ["Schlüssel", "Verfahren"],
        [
            ["Passphrase" if s.kind == "passphrase" else "Wiederherstellung", s.detail]
            for s in data.slots
        ],
    )
    print()
    print_table(["Datei", "Bytes"], [[k, str(v)] for k, v in data.files.items()])
    return 0


def check(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        problems = session.check()
    if problems:
        print("Der Tresor ist beschädigt:")
        for problem in problems[:20]:
            print(f"  {problem}")
        return 1
    print("Der Tresor ist in Ordnung (cipher_integrity_check und integrity_check).")
    return 0


def passwd(args: argparse.Namespace) -> int:
    secrets = SecretSource()
    current = secrets.read(args.passphrase_file, "Aktuelle Passphrase: ")
    new = secrets.read(args.new_passphrase_file, "Neue Passphrase: ", confirm=True)
    check_new_passphrase(new)
    session = unlock_vault(args.vault, current)
    try:
        session.change_passphrase(current, new)
    finally:
        session.lock()
    print("Die Passphrase wurde geändert.")
    return 0


def recover(args: argparse.Namespace) -> int:
    identity = read_text_file(args.identity, "Die Schlüsseldatei")
    new = SecretSource().read(args.new_passphrase_file, "Neue Passphrase: ", confirm=True)
    session = recover_vault(args.vault, identity, new)
    session.lock()
    print("Der Tresor wurde wiederhergestellt; die neue Passphrase gilt ab sofort.")
    return 0
