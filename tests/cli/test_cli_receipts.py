"""The receipt's part of the loop through the CLI: `receipt` at the office prints the file's path,
`import` on the laptop takes it (and purges), again changes nothing, a bad file among good ones
gets its own refusal and exit code 1; `purge` and `sync log` (also --json) — and on a demo vault
taken through the loop, neither log names a person."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.session import Session
from outreach_desktop.storage.inbox_repo import InboxRepository
from testkit.cli import Run, VaultCli, assert_one_error_line
from testkit.exchange import (
    UTC_NOW,
    client_story,
    db_of,
    enter,
    everything_final,
    hand_over,
    office_for,
    story_records,
)


@dataclass(frozen=True)
class Loop:
    laptop: VaultCli
    office: VaultCli
    device_id: str
    stick: Path


def loop_of(
    session: Session, office: Session, run: Run, tmp_path: Path, passphrase_file: Path
) -> Loop:
    device_id = session.info().device_id
    paths = (session.path, office.path)
    office.lock()
    session.lock()
    stick = tmp_path / "stick"
    stick.mkdir()
    return Loop(VaultCli(run, paths[0], passphrase_file), VaultCli(run, paths[1], passphrase_file),
                device_id, stick)  # fmt: skip


@pytest.fixture
def loop(session: Session, tmp_path: Path, run: Run, passphrase_file: Path) -> Iterator[Loop]:
    office = office_for(session, tmp_path / "office", retention_days=0)
    story = client_story(session, "Zebulon Knorpelmeier", "Mistelweg 17", "Schimmel.", "Assel.")
    enter(office, hand_over(session, office, story_records(session, story)))
    yield loop_of(session, office, run, tmp_path, passphrase_file)


def test_receipt_import_purge_and_the_sync_log(loop: Loop) -> None:
    written = loop.office("receipt", "--device", loop.device_id, "--out", loop.stick).ok()
    path = Path(written.out.strip())
    assert path.parent == loop.stick and path.name.startswith("OD-receipt-")
    assert "Quittung Nr. 1 für das Gerät" in written.err
    taken = loop.laptop("import", path).ok()
    assert taken.out.splitlines() == [
        f"{path.name}: Quittung Nr. 1 eingelesen: 5 im Büro übernommen, 0 abgelehnt.",
        f"{path.name}: Gelöscht nach 0 Tagen Aufbewahrung: Kundinnen und Kunden 1, Termine 1, "
        "Gedächtnisprotokolle 1, Einwilligungen 1.",
    ]
    again = loop.laptop("import", path).ok()
    assert "bereits übernommen; nichts geändert" in again.out
    assert loop.laptop("purge").ok().out.startswith("Nichts zu löschen (Aufbewahrung 0 Tage")
    table = loop.laptop("sync", "log").ok().out
    for word in ("Beitritt", "Import", "Löschung", "bereits übernommen", "Quittung Nr. 1"):
        assert word in table
    assert table.rstrip().endswith(
        "Gelöscht insgesamt: Kundinnen und Kunden 1, Termine 1, Gedächtnisprotokolle 1, "
        "Einwilligungen 1"
    )
    log = loop.laptop("sync", "log", "--json").json()
    assert [e["action"] for e in log["entries"]] == ["import", "purge", "import", "join"]
    assert log["entries"][2]["bundle_id"] == log["entries"][0]["bundle_id"]
    assert log["deleted"] == {"appointments": 1, "clients": 1, "consents": 1, "protocols": 1}
    office_log = loop.office("sync", "log", "--json").json()
    assert [(e["action"], e["result"]) for e in office_log["entries"]] == [("receipt", "ok")]


def test_a_bad_file_among_good_ones(loop: Loop, tmp_path: Path) -> None:
    written = loop.office("receipt", "--device", loop.device_id[:8], "--out", loop.stick).ok()
    bad = tmp_path / "OD-receipt-kaputt-000002.age"
    bad.write_bytes(b"age-encryption.org/v1\n-> X25519 kaputt\n")
    result = loop.laptop("import", bad, Path(written.out.strip()))
    assert result.code == 1
    assert result.err_lines == [
        f"{bad.name}: abgelehnt: Die Datei ist beschädigt oder unvollständig."
    ]
    assert "Quittung Nr. 1 eingelesen" in result.out


def test_what_the_office_and_a_laptop_refuse(loop: Loop) -> None:
    nothing_yet = loop.laptop("receipt", "--device", loop.device_id, "--out", loop.stick)
    assert_one_error_line(nothing_yet)
    assert "nur der Bürotresor" in nothing_yet.err
    assert_one_error_line(loop.office("purge"))
    unknown = loop.office("receipt", "--device", "0000000000", "--out", loop.stick)
    assert_one_error_line(unknown)
    assert "nicht bekannt" in unknown.err
    assert_one_error_line(loop.office("import", loop.stick / "irgendwas.age"))


def test_nothing_to_acknowledge_is_said_and_no_file_written(loop: Loop) -> None:
    loop.office("receipt", "--device", loop.device_id, "--out", loop.stick).ok()
    again = loop.office("receipt", "--device", loop.device_id, "--out", loop.stick).ok()
    assert "gibt es nichts zu quittieren; 0 Einträge warten" in again.out
    assert len(list(loop.stick.iterdir())) == 1


def people_of(laptop: Session) -> list[str]:
    """Every name, address, phone and protocol text a log must never show."""
    texts = [c.display_name for c in laptop.clients.all()]
    texts += [c.display_name.split()[-1] for c in laptop.clients.all()]
    texts += [line for c in laptop.clients.all() for line in c.address.splitlines() if line]
    texts += [c.phone for c in laptop.clients.all() if c.phone]
    texts += [s.name for s in laptop.staff.all()] + [t.name for t in laptop.third_parties.all()]
    texts += [p.course for p in laptop.protocols.all() if p.course]
    return [t for t in texts if len(t.strip()) >= 4]


def test_a_demo_vault_through_the_loop_leaves_no_person_in_the_logs(
    session: Session, tmp_path: Path, run: Run, passphrase_file: Path
) -> None:
    fill_demo(session, clients=12, seed=5)
    office = office_for(session, tmp_path / "office", retention_days=0)
    sent = hand_over(session, office, everything_final(session))
    enter(office, [r for r in sent if r.kind != "consents"])
    refused = next(r for r in sent if r.kind == "consents")
    InboxRepository(db_of(office)).reject(refused.kind, refused.id, "Formular unleserlich",
                                          "Birgit Sommer", UTC_NOW)  # fmt: skip
    people = people_of(session)
    assert len(people) > 30
    loop = loop_of(session, office, run, tmp_path, passphrase_file)
    written = loop.office("receipt", "--device", loop.device_id, "--out", loop.stick).ok()
    taken = loop.laptop("import", Path(written.out.strip())).ok()
    assert "Gelöscht nach 0 Tagen" in taken.out
    junk = tmp_path / "junk.age"
    junk.write_bytes(b"nichts")
    assert loop.laptop("import", junk).code == 1
    outputs = [
        vc("sync", "log", *flag).ok().out
        for vc in (loop.laptop, loop.office)
        for flag in ((), ("--json",))
    ]
    assert json.loads(outputs[1])["deleted"]
    everything = "\n".join(outputs)
    assert "Quittung Nr. 1" in everything and "abgelehnt" in everything
    assert [p for p in people if p in everything] == []
