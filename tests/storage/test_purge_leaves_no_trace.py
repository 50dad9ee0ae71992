"""After the purge and a checkpoint the vault file holds nothing of the purged records: not in any
table or the full-text index (read through SQL), and not in the decrypted pages themselves (free
pages and the slack inside pages, which SQL never shows — `PRAGMA secure_delete` at work). A second
client whose records stay is the control: the same search finds everything of theirs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage.database import Database
from outreach_desktop.storage.purge import purge
from outreach_desktop.storage.vault import DB_FILE
from testkit import PASSPHRASE
from testkit.exchange import Story, client_story, db_of, send, send_and_acknowledge
from testkit.internals import vault_of
from testkit.pages import data_key, plaintext_holds


def traces(name: str, street: str, town: str, course: str, addendum: str) -> list[str]:
    """What must go: the texts as written, then the long words as the index keeps them (folded),
    then their ends (the index stores a word after the part it shares with the word before it,
    so in the file a folded word may stand whole or only from its fourth letter on)."""
    words = [w for text in (name, street, town, course, addendum) for w in text.split()]
    folded = [w.strip(".,:!").lower() for w in words if len(w) >= 9]
    return [name, street, town, course, addendum, *folded, *(w[3:] for w in folded)]


def in_the_file(texts: list[str]) -> list[str]:
    """Those that stand in the file for certain: all but the folded words whole."""
    folded = len(texts[5:]) // 2
    return texts[:5] + texts[5 + folded :]


PURGED = traces(
    "Zebulon Knorpelmeier",
    "Mistelweg 17",
    "29439 Kleinwusterhausen",
    "Herr Knorpelmeier berichtet vom Schimmelbefall im Badezimmer.",
    "Kellerasselbefall gemeldet, Vermieterin informiert.",
)
KEPT = traces(
    "Philippa Quendelhof",
    "Ginsterpfad 3",
    "29451 Grossbodungen",
    "Frau Quendelhof sucht eine Ausbildungsstelle als Tischlerin.",
    "Bewerbungsmappe durchgesehen, Praktikumsplatz gefunden.",
)


def story(session: Session, texts: list[str]) -> Story:
    name, street, town, course, addendum = texts[:5]
    return client_story(session, name, f"{street}\n{town}", course, addendum)


def needles(texts: list[str], forms: list[bytes]) -> list[bytes]:
    return [t.encode() for t in texts] + forms


def found_by_sql(db: Database, wanted: list[bytes]) -> set[bytes]:
    """Every value of every table — the full-text index, its shadow tables and its vocabulary
    included — searched for the needles."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, search_index, 'row')"
    )
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
    found: set[bytes] = set()
    for table in [*tables, "temp.vocab"]:
        for row in db.execute(f"SELECT * FROM {table}"):
            for value in row:
                raw = value.encode() if isinstance(value, str) else value
                if isinstance(raw, bytes):
                    found |= {n for n in wanted if n in raw}
    return found


# acknowledged in a future the clock of the unlock below never reaches: the purge at unlock
# (services/purge.py) leaves the records to the purge this test runs itself
ACKNOWLEDGED = datetime(2100, 1, 1, tzinfo=UTC)


def test_the_purge_leaves_no_trace_in_the_file(session: Session, vault_dir: Path) -> None:
    gone, kept = story(session, PURGED), story(session, KEPT)
    forms = [gone.consent.signed_pdf or b"", gone.consent.signature_png or b""]
    control = [kept.consent.signed_pdf or b"", kept.consent.signature_png or b""]
    send_and_acknowledge(db_of(session), gone.sent(), at=ACKNOWLEDGED)
    send(db_of(session), kept.sent())  # no receipt for these
    session.lock()
    key = data_key(vault_dir)
    # the search works: before the purge it finds all of what is to go
    gone_in_file = needles(in_the_file(PURGED), forms)
    assert plaintext_holds(vault_dir / DB_FILE, key, gone_in_file) == gone_in_file
    session = unlock_vault(vault_dir, PASSPHRASE)
    try:
        counts = purge(vault_of(session).db, ACKNOWLEDGED, 0)
        assert counts["protocols"] == counts["clients"] == 1
        assert session.protocols.search("Knorpelmeier") == []
        assert found_by_sql(vault_of(session).db, needles(PURGED, forms)) == set()
        assert found_by_sql(vault_of(session).db, needles(KEPT, control)) == set(
            needles(KEPT, control)
        )
    finally:
        session.lock()  # checkpoints the WAL into the file
    assert (
        not (vault_dir / "vault.db-wal").exists()
        or (vault_dir / "vault.db-wal").stat().st_size == 0
    )
    assert plaintext_holds(vault_dir / DB_FILE, key, needles(PURGED, forms)) == []
    kept_in_file = needles(in_the_file(KEPT), control)
    assert plaintext_holds(vault_dir / DB_FILE, key, kept_in_file) == kept_in_file
