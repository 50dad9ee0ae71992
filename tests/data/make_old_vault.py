"""Make `tests/data/vault-schemaNNNN/` with the code of an older commit (see README.md here).

    .venv/bin/python tests/data/make_old_vault.py 4 e22ddcc

extracts `src/` and `resources/` of the commit with `git archive` into a temporary folder
(the working tree and git's worktree list stay untouched), checks that its newest migration is
the schema asked for, and runs the vault code *of that commit* in a child process: a vault with
the minimum Argon2id parameters, the demo data (5 clients, seed 11, "today" 25.11.2026), from
schema 4 on a personal text template, from schema 8 on the exchange's bookkeeping (a laptop
that joined an agency, exported, took a receipt and purged), and from schema 9 on one corrected
outcome. Existing fixtures are never
overwritten.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import uuid
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

PASSPHRASE = "Schema eins Testtresor"  # the same for every fixture (tests/storage/test_old_vaults)
CLIENTS, SEED, TODAY = 5, 11, date(2026, 11, 25)
DATA = Path(__file__).resolve().parent
REPO = DATA.parents[1]


def make(schema: int, commit: str) -> Path:
    target = DATA / f"vault-schema{schema:04d}"
    if target.exists():
        raise SystemExit(f"{target} exists; old fixtures are never changed")
    with tempfile.TemporaryDirectory(prefix="old-vault-") as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", commit, "src", "resources"],
            check=True, capture_output=True,
        ).stdout  # fmt: skip
        tar_path = Path(tmp) / "tree.tar"
        tar_path.write_bytes(archive)
        with tarfile.open(tar_path) as tar:
            tar.extractall(tree, filter="data")
        env = {
            **os.environ,
            "PYTHONPATH": str(tree / "src"),
            "OUTREACH_DESKTOP_HOME": str(Path(tmp) / "home"),
            "TMPDIR": tmp,
        }
        subprocess.run(
            [sys.executable, __file__, "--inside", str(schema), str(tree), str(target)],
            check=True, cwd=tmp, env=env,
        )  # fmt: skip
    return target


def inside(schema: int, tree: Path, target: Path) -> None:
    """Runs in the child, with the old commit's `src/` first on sys.path."""
    import outreach_desktop

    assert Path(outreach_desktop.__file__).resolve().is_relative_to(tree), "wrong code imported"
    try:
        from outreach_desktop.demo import fill_demo
    except ImportError:  # before the demo became a package of its own
        from outreach_desktop.services.demo import fill_demo  # type: ignore[no-redef]
    from outreach_desktop.services.vaults import create_vault
    from outreach_desktop.storage.kdf import MINIMUM
    from outreach_desktop.storage.migrations import load_migrations

    newest = load_migrations()[-1].version
    assert newest == schema, f"this commit's newest migration is {newest}, not {schema}"
    session = create_vault(target, PASSPHRASE, kdf=MINIMUM)
    try:
        fill_demo(session, clients=CLIENTS, seed=SEED, today=TODAY)
        if schema >= 4:  # personal text templates came with schema 4; the demo writes none
            if callable(getattr(session, "templates", None)):
                templates = session.templates()
            else:  # before the session handed out its template service
                from outreach_desktop.services.templates import TemplateService

                templates = TemplateService(session)
            templates.add_personal(
                "agreements", "Rückmeldung", "{client} meldet sich bis Freitag telefonisch."
            )
        if schema >= 8:  # the exchange's bookkeeping; no service writes it yet
            exchange_extras(session._vault.db)
        if schema >= 9:  # an outcome corrected (the demo corrects none)
            outcome_correction(session)
        if schema >= 10:  # a home visit agreed by phone (the demo agrees none)
            agreed_call(session)
        if schema >= 14:  # a letter and a protocol saved as PDF (the demo saves none)
            saved_pdfs(session)
    finally:
        session.lock()


def outcome_correction(session: Any) -> None:
    """Schema 9: one mis-clicked outcome corrected through the service, on an appointment that
    ended at the door (or was broken off) and whose protocol is not finalized."""
    from outreach_desktop.domain.errors import UserError
    from outreach_desktop.domain.vocabulary import AppointmentStatus as S

    final = {p.appointment_id for p in session.protocols.all() if p.is_final}
    for a in session.appointments.search():
        # ended at the door -> held nearby, broken off -> not met; from schema 12 on the demo
        # finalizes those, so a postponed one is corrected (the first the rules allow)
        swaps = {S.ENDED_AT_DOOR: [S.HELD_NEARBY], S.BROKEN_OFF: [S.NOT_MET]}
        swaps[S.POSTPONED] = [S.NOT_MET, S.DONE]
        if a.id in final or a.status not in swaps:
            continue
        history = getattr(session.outcomes, "history", lambda _id: [])
        if history(a.id):  # corrected by the demo already
            continue
        at = datetime.combine(TODAY, datetime.min.time()).replace(hour=17)
        for new in swaps[a.status]:
            try:
                session.outcomes.correct(a.id, new, at, reason="Falsch geklickt")
            except UserError:  # the rules refuse this one; try the next
                continue
            return
    raise SystemExit("no appointment whose outcome could be corrected")


def saved_pdfs(session: Any) -> None:
    """Schema 11: a letter and a memory protocol noted as saved as PDF, through the service."""
    from outreach_desktop.domain.documents import DocumentKind
    from outreach_desktop.domain.vocabulary import Approach

    at = datetime.combine(TODAY, datetime.min.time()).replace(hour=12)
    visit = next(a for a in session.appointments.search() if a.approach is Approach.HOME_VISIT)
    session.saved_pdfs.letter_saved(visit.id, DocumentKind.REMINDER_LETTER, "de:2026-11-1", at)
    protocol = next(p for p in session.protocols.all() if p.is_final)
    session.saved_pdfs.protocol_saved(protocol.id, at)


def agreed_call(session: Any) -> None:
    """Schema 10: one reached call that agreed a planned home visit, through the service."""
    from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome
    from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

    planned = [
        a for a in session.appointments.search()
        if a.approach is Approach.HOME_VISIT and a.status is AppointmentStatus.PLANNED
    ]  # fmt: skip
    first = min(planned, key=lambda a: a.start)
    at = datetime.combine(TODAY, datetime.min.time()).replace(hour=11)
    session.workflow.log_call(first.id, CallAttempt(at, CallOutcome.REACHED, "", agreed=True))


# the exchange's bookkeeping (schema 8) in a fixture: written through storage, as no service
# writes it yet; the times lie around the demo's "today"
JOINED = datetime(2026, 11, 25, 8, tzinfo=UTC)
EXPORTED = datetime(2026, 11, 25, 16, tzinfo=UTC)
RECEIPT_AT = datetime(2026, 11, 26, 9, tzinfo=UTC)
PURGED_AT = datetime(2026, 12, 10, 9, tzinfo=UTC)  # 14 days after the receipt


def exchange_extras(db: Any) -> None:
    """A device identity (real keys), the agency joined (a stand-in setup file: its format came
    later), everything finalized exported once, a receipt acknowledging a protocol and an
    anonymous counselling as entered and a consent as rejected, and the purge of both entered."""
    from outreach_desktop.storage.identity_repo import Identity, IdentityRepository

    if IdentityRepository(db).get("device") is None:  # today's services make it at creation
        secret, recipient, private, public = new_keys()
        IdentityRepository(db).save(Identity("device", secret, recipient, private, public, JOINED))
    agency = join_agency(db)
    sent = export_finalized(db)
    receipt_and_purge(db, sent, agency)


def new_keys() -> tuple[str, str, bytes, bytes]:
    import pyrage
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    age, sign = pyrage.x25519.Identity.generate(), Ed25519PrivateKey.generate()
    public = sign.public_key().public_bytes_raw()
    return str(age), str(age.to_public()), sign.private_bytes_raw(), public


def join_agency(db: Any) -> str:
    """The agency's fingerprint as docs/exchange-format.md defines it."""
    from outreach_desktop.storage.exchange_repo import Agency, AgencyRepository
    from outreach_desktop.storage.sync_log import SyncEntry, SyncLog

    name = "Jobcenter Beispielstadt"
    try:  # the real, signed setup file (the code that made the schema-8 fixture has it)
        from outreach_desktop.domain.agency import AgencyRules, AgencySetup, rules_to_dict
        from outreach_desktop.exchange.keys import new_identity
        from outreach_desktop.exchange.setup_file import write_setup
    except ImportError:  # an early schema-8 commit: a stand-in
        _, recipient, _, public = new_keys()
        digest = hashlib.sha256(b"outreach-desktop-key-v1\n" + public + recipient.encode()).digest()
        code = base64.b32encode(digest).decode()[:20]
        fingerprint = "-".join(code[i : i + 4] for i in range(0, 20, 4))
        rules: dict[str, Any] = {"min_failed_calls": 2}
        setup = json.dumps({"stand_in": "setup file", "agency": name}).encode()
    else:
        keys = new_identity()
        recipient, public = keys.public.age_recipient, keys.public.sign_public
        fingerprint = keys.fingerprint
        signed = write_setup(AgencySetup(name, recipient, public, fingerprint), keys, JOINED)
        rules, setup = rules_to_dict(AgencyRules()), signed.data
    agency = Agency(name, fingerprint, recipient, public, rules, 14, JOINED, setup)
    AgencyRepository(db).save(agency)
    SyncLog(db).append(SyncEntry(JOINED, "join", "ok", detail=f"Dienststelle {fingerprint}"))
    return fingerprint


def export_finalized(db: Any) -> list[Any]:
    from outreach_desktop.storage.bundle_repo import BundleRepository
    from outreach_desktop.storage.exchange_repo import ExportTracking, SentRecord
    from outreach_desktop.storage.sync_log import SyncEntry, SyncLog

    final = "FROM protocols WHERE finalized_at IS NOT NULL"
    rows = db.execute(
        f"SELECT 'protocols', id, revision {final}"
        " UNION ALL SELECT 'consents', id, revision FROM consents"
        "  WHERE state IN ('signed', 'revoked')"
        " UNION ALL SELECT 'anonymous_counselling', id, revision FROM anonymous_counselling"
        " UNION ALL SELECT 'appointments', id, revision FROM appointments"
        f"  WHERE id IN (SELECT appointment_id {final})"
        " UNION ALL SELECT 'clients', id, revision FROM clients"
        f"  WHERE id IN (SELECT client_id {final})"
    )
    sent = [
        SentRecord(kind, rid, rev, hashlib.sha256(f"{kind}:{rid}:{rev}".encode()).hexdigest())
        for kind, rid, rev in (tuple(row) for row in rows)
    ]
    bundle = str(uuid.uuid4())
    BundleRepository(db).claim_sequence("export")
    ExportTracking(db).mark_exported(sent, bundle, EXPORTED)
    counts = dict(Counter(r.kind for r in sent))
    SyncLog(db).append(SyncEntry(EXPORTED, "export", "ok", bundle, counts, "Sendung 1"))
    return sent


def receipt_and_purge(db: Any, sent: list[Any], agency: str) -> None:
    from outreach_desktop.storage.bundle_repo import BundleRepository, ImportedBundle
    from outreach_desktop.storage.exchange_repo import ExportTracking
    from outreach_desktop.storage.purge import purge
    from outreach_desktop.storage.sync_log import SyncEntry, SyncLog

    plain = db.scalar(  # a finalized protocol without countersignature or addenda goes
        "SELECT id FROM protocols WHERE finalized_at IS NOT NULL AND countersigned_by IS NULL"
        " AND id NOT IN (SELECT protocol_id FROM protocol_addenda) ORDER BY id LIMIT 1"
    )
    anonymous = next(r for r in sent if r.kind == "anonymous_counselling")
    entered = [next(r for r in sent if r.id == plain), anonymous]
    rejected = next(r for r in sent if r.kind == "consents")
    receipt, counts = str(uuid.uuid4()), {"acknowledgements": 3}
    BundleRepository(db).record_import(
        ImportedBundle(receipt, "receipt", agency, 1, RECEIPT_AT, counts)
    )
    tracking = ExportTracking(db)
    for record in entered:
        assert tracking.acknowledge(record, "entered", "", receipt, RECEIPT_AT) == "acknowledged"
    why = "Unterschrift fehlt"
    assert tracking.acknowledge(rejected, "rejected", why, receipt, RECEIPT_AT) == "acknowledged"
    SyncLog(db).append(SyncEntry(RECEIPT_AT, "import", "ok", receipt, counts, "Quittung 1"))
    deleted = purge(db, PURGED_AT, 14)
    assert {k: n for k, n in deleted.items() if n} == {"protocols": 1, "anonymous_counselling": 1}


def main() -> None:
    if sys.argv[1:2] == ["--inside"]:
        inside(int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schema", type=int, help="the schema version the vault is made at")
    parser.add_argument("commit", help="a commit whose newest migration is that schema")
    args = parser.parse_args()
    print(make(args.schema, args.commit))


if __name__ == "__main__":
    main()
