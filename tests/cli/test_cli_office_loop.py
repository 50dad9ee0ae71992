"""The whole loop through the CLI, with two real vaults: demo data on the laptop, `export`,
`import` at the office (the new device trusted after its fingerprint), `inbox mark` of every mark
that applies, `receipt`, `import` of the receipt on the laptop and the purge after a retention of
0 days. Re-importing any file at any point changes nothing. Afterwards the laptop's decrypted
database holds no name, address or protocol text of what was purged, and the deletion log counts
it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from outreach_desktop.services.vaults import unlock_vault
from testkit import PASSPHRASE
from testkit.cli import Run, VaultCli
from testkit.internals import stored_tables
from testkit.pages import data_key, plaintext_holds

DB_FILE = "vault.db"
MARK_FLAGS = {"verbis": "--verbis", "eakte": "--eakte", "benefits": "--benefits"}


def tables(vault: Path, but: tuple[str, ...] = ()) -> dict[str, list[tuple[object, ...]]]:
    session = unlock_vault(vault, PASSPHRASE)
    try:
        return stored_tables(session, but)
    finally:
        session.lock()


def the_laptops_texts(vault: Path) -> dict[str, dict[str, list[str]]]:
    """Per record kind and id the texts that name a person or say what was talked about."""
    session = unlock_vault(vault, PASSPHRASE)
    try:
        clients = {c.id: [c.display_name, *c.address.splitlines()] for c in session.clients.all()}
        protocols = {p.id: [p.course, p.topics] for p in session.protocols.all()}
    finally:
        session.lock()
    return {
        "clients": {k: [t for t in v if len(t.strip()) >= 5] for k, v in clients.items()},
        "protocols": {k: [t for t in v if len(t.strip()) >= 12] for k, v in protocols.items()},
    }


def mark_everything(office: VaultCli) -> int:
    marked = 0
    for group in office("inbox", "list", "--json").json():
        for item in group["items"]:
            if item["missing"]:
                flags = [MARK_FLAGS[m] for m in item["missing"]]
                office("inbox", "mark", "--record", item["id"], "--kind", item["kind"], *flags,
                       "--by", "Birgit Sommer").ok()  # fmt: skip
                marked += 1
    return marked


def test_the_whole_loop_through_the_cli(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    setup, stick = tmp_path / "agency-setup.json", tmp_path / "stick"
    stick.mkdir()
    office = VaultCli(run, tmp_path / "office", passphrase_file)
    laptop = VaultCli(run, tmp_path / "laptop", passphrase_file)
    office("office", "init", "--setup-out", setup, "--agency-name", "Jobcenter Lüchow",
           "--retention-days", "0").ok()  # fmt: skip
    laptop("demo", "--clients", "40", "--seed", "7").ok()
    laptop("agency", "join", setup).ok()
    before = the_laptops_texts(laptop.vault)

    export = Path(laptop("export", "--out", stick).ok().out.strip())
    assert export.parent == stick and export.name.startswith("OD-")
    refused = office("import", export)
    assert refused.code == 1 and "--trust-new-device" in refused.out
    fingerprint = laptop("vault", "info", "--json").json()["device_fingerprint"]
    office("import", export, "--trust-new-device", fingerprint).ok()
    office_state = tables(office.vault, but=("sync_log",))
    assert office("import", export).ok()  # the same bundle again: nothing changes
    assert tables(office.vault, but=("sync_log",)) == office_state

    assert mark_everything(office) > 0
    assert office("inbox", "list", "--json").json() == []
    device_id = laptop("vault", "info", "--json").json()["device_id"]
    receipt = Path(office("receipt", "--device", device_id, "--out", stick).ok().out.strip())
    taken = laptop("import", receipt).ok()
    assert "Quittung Nr. 1 eingelesen" in taken.out and "Gelöscht nach 0 Tagen" in taken.out

    laptop_state = tables(laptop.vault, but=("sync_log",))
    laptop("import", receipt).ok()  # again: nothing changes
    office("import", export).ok()  # and the export at the office, after everything
    assert tables(laptop.vault, but=("sync_log",)) == laptop_state

    after = the_laptops_texts(laptop.vault)
    purged = {kind: set(before[kind]) - set(after[kind]) for kind in before}
    assert purged["clients"] and purged["protocols"]
    kept = [t.encode() for kind in after for texts in after[kind].values() for t in texts]
    gone = [t.encode() for kind in before for rid in purged[kind] for t in before[kind][rid]]
    gone = [t for t in gone if not any(t in k for k in kept)]  # not a town a kept client shares
    assert len(gone) >= len(purged["clients"])
    key = data_key(laptop.vault)
    assert plaintext_holds(laptop.vault / DB_FILE, key, gone) == []
    assert set(plaintext_holds(laptop.vault / DB_FILE, key, kept)) == set(kept)

    log = laptop("sync", "log", "--json").json()
    deleted = log["deleted"]
    assert deleted["clients"] == len(purged["clients"])
    assert deleted["protocols"] == len(purged["protocols"])
    actions = Counter(entry["action"] for entry in log["entries"])
    assert actions["export"] == 1 and actions["purge"] == 1
    names = [t for texts in before["clients"].values() for t in texts]
    assert [n for n in names if n in json.dumps(log, ensure_ascii=False)] == []
