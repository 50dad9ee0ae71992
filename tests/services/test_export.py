"""Export: what a laptop sends to the office, read back as the office reads it (real vaults, real
keys, real age): everything finalized or given, with what it refers to and nothing dangling; the
device reads its own export, Debian's age decrypts it with the office's key file; the same export
again sends nothing, a change sends the record again; the sync log names no one."""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from outreach_desktop.domain.consents import ConsentKind, ConsentState
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.exchange.bundle import open_bundle
from outreach_desktop.exchange.manifest import Role
from outreach_desktop.exchange.records import form_member
from outreach_desktop.storage.exchange_repo import ExportTracking, SentRecord
from outreach_desktop.storage.sync_log import SyncLog
from testkit.exchange import MET, db_of
from testkit.outbox import NOW, STORY_NAME, Pair, dangling, make_pair, receive, referenced

OWN_ACCOUNT = ("protocols", "consents", "anonymous_counselling", "appointments")


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    made = make_pair(tmp_path)
    yield made
    made.lock()


def sync_entries(pair: Pair) -> list[tuple[str, str]]:
    return [(e.action, e.result) for e in SyncLog(db_of(pair.laptop)).entries()]


def test_the_office_reads_all_that_waited_and_nothing_dangles(pair: Pair) -> None:
    pending = pair.laptop.outbox.pending()
    result = pair.laptop.outbox.export(pair.folder, NOW)
    device_id = pair.laptop.info().device_id
    assert result.path == pair.folder / f"OD-{device_id[:8]}-000001.age"
    assert result.sequence == 1 and sorted(p.name for p in pair.folder.iterdir()) == [
        result.path.name
    ]
    got = receive(pair.office, result.path)
    manifest = got.bundle.manifest
    assert (manifest.sender.role, manifest.sender.device_id) == (Role.FIELD, device_id)
    assert set(manifest.recipients) == {
        pair.office.identity.agency_identity().fingerprint,
        pair.laptop.identity.device_fingerprint(),
    }
    assert got.bundle.bundle_id == result.bundle_id
    assert {k: len(v) for k, v in got.records.items()} == {
        k: n for k, n in result.counts.items() if k != "forms"
    }
    assert dangling(got) == {}
    for waiting in pending.waiting:  # what waited on its own account is all there
        assert len(got.ids(waiting.kind)) >= waiting.count
    story = pair.story
    assert story.protocol.id in got.ids("protocols") and story.client.id in got.ids("clients")
    consent = got.record("consents", story.consent.id)
    form = got.bundle.members[form_member(story.consent.id)]
    assert hashlib.sha256(form).hexdigest() == consent["fields"]["signed_form_sha256"]
    assert result.counts["forms"] == sum(1 for m in got.bundle.members if m.startswith("forms/"))


def test_what_goes_on_its_own_account(pair: Pair) -> None:
    laptop = pair.laptop
    got = receive(pair.office, laptop.outbox.export(pair.folder, NOW).path)  # type: ignore[arg-type]
    protocols = laptop.protocols.all()
    assert {p.id for p in protocols if p.is_final} <= got.ids("protocols")
    assert not {p.id for p in protocols if not p.is_final} & got.ids("protocols")
    answered = {ConsentState.SIGNED, ConsentState.REFUSED, ConsentState.REVOKED}
    consents = laptop.consents.all()
    assert {c.id for c in consents if c.state in answered} <= got.ids("consents")
    drafts_for = {p.appointment_id for p in protocols if not p.is_final}
    ended = {
        a.id
        for a in laptop.appointments.search("", limit=-1)
        if a.status.is_outcome and a.id not in drafts_for
    }
    assert ended and ended <= got.ids("appointments")
    counselled = {a.id for a in laptop.protocols.anonymous_counselling()}
    assert counselled and counselled == got.ids("anonymous_counselling")
    # a planned appointment goes only when something that goes names it
    named = {i for kind, records in got.records.items() for r in records
             for i in referenced(kind, r)}  # fmt: skip
    planned = {a.id for a in laptop.appointments.search("", limit=-1) if not a.status.is_outcome}
    assert planned & got.ids("appointments") <= named


def test_refused_and_revoked_consents_go_prepared_ones_wait(pair: Pair) -> None:
    consents, appointment = pair.laptop.consents, pair.story.appointment.id
    refused = consents.prepare(ConsentKind.PRESENCE, MET, appointment_id=appointment,
                               others_present=[("Nachbarin", "Nachbarin")])  # fmt: skip
    consents.refuse(refused.id, MET)
    prepared = consents.prepare(ConsentKind.HOME_VISIT, MET, appointment_id=appointment)
    consents.revoke(pair.story.consent.id, MET + timedelta(days=1), "mündlich am Telefon")
    got = receive(pair.office, pair.laptop.outbox.export(pair.folder, NOW).path)  # type: ignore[arg-type]
    assert {refused.id, pair.story.consent.id} <= got.ids("consents")
    assert prepared.id not in got.ids("consents")
    assert got.record("consents", pair.story.consent.id)["fields"]["state"] == "revoked"


def test_the_device_reads_back_its_own_export(pair: Pair) -> None:
    result = pair.laptop.outbox.export(pair.folder, NOW)
    assert result.path is not None
    device = pair.laptop.identity.device()
    opened = open_bundle(result.path.read_bytes(), device, lambda _d: None)
    assert opened.bundle_id == result.bundle_id and opened.sequence == 1


def test_debian_age_decrypts_it_with_the_offices_key_file(pair: Pair, tmp_path: Path) -> None:
    key = tmp_path / "agency-identity.txt"
    key.write_text(pair.office.identity.agency_identity_file(), encoding="ascii")
    result = pair.laptop.outbox.export(pair.folder, NOW)
    assert result.path is not None
    done = subprocess.run(["age", "-d", "-i", str(key), str(result.path)], capture_output=True,
                          check=True)  # fmt: skip
    assert done.stdout[:13] == b"manifest.json" and done.stdout[257:263] == b"ustar\x00"


def test_the_same_export_again_sends_nothing(pair: Pair) -> None:
    first = pair.laptop.outbox.export(pair.folder, NOW)
    again = pair.laptop.outbox.export(pair.folder, NOW + timedelta(hours=1))
    assert again.empty and again.counts == {} and again.sequence is None
    assert [p.name for p in pair.folder.iterdir()] == [first.path.name]  # type: ignore[union-attr]
    assert sync_entries(pair) == [("export", "ok"), ("join", "ok")]
    assert pair.laptop.outbox.pending().waiting == ()


def test_a_new_addendum_sends_the_protocol_again(pair: Pair) -> None:
    pair.laptop.outbox.export(pair.folder, NOW)
    owner = pair.laptop.owner()
    assert owner is not None
    later = pair.laptop.protocols.add_addendum(pair.story.protocol.id, "Zweiter Nachtrag.",
                                               MET + timedelta(days=3), owner.id)  # fmt: skip
    (waiting,) = pair.laptop.outbox.pending().waiting
    assert (waiting.kind, waiting.count) == ("protocols", 1)
    result = pair.laptop.outbox.export(pair.folder, NOW + timedelta(days=1))
    assert result.sequence == 2 and result.path is not None
    got = receive(pair.office, result.path)
    protocol = got.record("protocols", later.id)
    assert protocol["revision"] == later.revision > pair.story.protocol.revision
    assert [a["text"] for a in protocol["fields"]["addenda"]][-1] == "Zweiter Nachtrag."
    assert got.ids("protocols") == {later.id} and dangling(got) == {}
    sent = ExportTracking(db_of(pair.laptop)).get("protocols", later.id)
    assert sent is not None and (sent.revision, sent.bundle_id) == (
        later.revision,
        result.bundle_id,
    )


def test_since_takes_the_records_of_that_day_or_later(pair: Pair) -> None:
    protocols = sorted(p.met_at for p in pair.laptop.protocols.all() if p.is_final)
    since = protocols[len(protocols) // 2].date()
    result = pair.laptop.outbox.export(pair.folder, NOW, since=since)
    assert result.path is not None
    got = receive(pair.office, result.path)
    met = {r["fields"]["met_at"][:10] for r in got.records["protocols"]}
    assert met and min(met) >= since.isoformat()
    days = {r["fields"]["day"] for r in got.records.get("anonymous_counselling", [])}
    assert all(day >= since.isoformat() for day in days)
    assert dangling(got) == {}
    rest = pair.laptop.outbox.export(pair.folder, NOW)
    assert rest.path is not None
    older = {
        r["fields"]["met_at"][:10] for r in receive(pair.office, rest.path).records["protocols"]
    }
    assert older and max(older) < since.isoformat()


def test_a_rejected_record_goes_again_only_when_changed(pair: Pair) -> None:
    result = pair.laptop.outbox.export(pair.folder, NOW)
    got = receive(pair.office, result.path)  # type: ignore[arg-type]
    record = got.record("protocols", pair.story.protocol.id)
    tracking = ExportTracking(db_of(pair.laptop))
    ack = SentRecord("protocols", record["id"], record["revision"], record["content_hash"])
    assert tracking.acknowledge(ack, "rejected", "unvollständig", "r-1", NOW) == "acknowledged"
    assert pair.laptop.outbox.pending().rejected == 1
    assert pair.laptop.outbox.export(pair.folder, NOW).empty
    owner = pair.laptop.owner()
    assert owner is not None
    pair.laptop.protocols.add_addendum(record["id"], "Ergänzt.", MET, owner.id)
    again = pair.laptop.outbox.export(pair.folder, NOW)
    assert again.path is not None and record["id"] in receive(pair.office, again.path).ids(
        "protocols"
    )


def test_only_a_laptop_that_joined_exports(tmp_path: Path, session) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "stick"
    folder.mkdir()
    with pytest.raises(
        DomainError, match=r"^Dieser Laptop ist noch keiner Dienststelle beigetreten"
    ):
        session.outbox.export(folder, NOW)
    assert session.outbox.pending().joined is False
    pair = make_pair(tmp_path / "pair", clients=3)
    try:
        with pytest.raises(DomainError, match="Bürotresor"):
            pair.office.outbox.export(folder, NOW)
        assert pair.office.outbox.pending().waiting == ()
    finally:
        pair.lock()
    assert list(folder.iterdir()) == []


def test_pending_says_what_waits_and_since_when(pair: Pair) -> None:
    before = pair.laptop.outbox.pending()
    assert before.joined and {w.kind for w in before.waiting} <= set(OWN_ACCOUNT)
    assert before.waiting_total > 0 and before.awaiting_receipt == ()
    assert before.waiting_since is not None and before.waiting_since.tzinfo is not None
    result = pair.laptop.outbox.export(pair.folder, NOW)
    after = pair.laptop.outbox.pending()
    assert after.waiting == () and after.waiting_since is None
    assert {w.kind: w.count for w in after.awaiting_receipt} == {
        k: n for k, n in result.counts.items() if k != "forms"
    }
    assert {w.since for w in after.awaiting_receipt} == {NOW}
    assert pair.laptop.outbox.awaiting_receipt() == after.awaiting_receipt


def test_progress_counts_every_record(pair: Pair) -> None:
    calls: list[tuple[int, int]] = []
    result = pair.laptop.outbox.export(pair.folder, NOW, progress=lambda d, t: calls.append((d, t)))
    total = sum(n for k, n in result.counts.items() if k != "forms")
    assert calls == [(n, total) for n in range(1, total + 1)]


def test_the_sync_log_names_no_one(pair: Pair) -> None:
    result = pair.laptop.outbox.export(pair.folder, NOW)
    entry = SyncLog(db_of(pair.laptop)).entries()[0]
    assert (entry.action, entry.result, entry.bundle_id) == ("export", "ok", result.bundle_id)
    assert entry.counts == result.counts and result.path is not None
    assert entry.detail.startswith(result.path.name)
    text = repr(entry)
    names = [c.display_name for c in pair.laptop.clients.all()]
    names += [s.name for s in pair.laptop.staff.all()] + [STORY_NAME, "Lindenweg"]
    assert names and not [n for n in names if n in text]
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-.*", entry.detail.replace(result.path.name, ""))
