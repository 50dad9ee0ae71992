"""The log of talks with a third party in the client's absence (schema 11): appended, never
rewritten; each goes with the release it relied on when that is purged."""

from __future__ import annotations

from datetime import UTC, datetime

from outreach_desktop.domain.third_party_talks import ThirdPartyTalk
from outreach_desktop.storage.database import Database, Row
from outreach_desktop.storage.record_repo import ts_to_db


def _talk(r: Row) -> ThirdPartyTalk:
    return ThirdPartyTalk(
        id=r["id"],
        client_id=r["client_id"],
        third_party_id=r["third_party_id"],
        release_id=r["release_id"],
        appointment_id=r["appointment_id"],
        at=datetime.fromisoformat(r["talked_at"]),
        note=r["note"],
    )


class TalkRepository:
    def __init__(self, db: Database, device_id: str) -> None:
        self.db = db
        self.device_id = device_id

    def add(self, talk: ThirdPartyTalk) -> ThirdPartyTalk:
        """Keep a talk; the database refuses one without a release of this client naming this
        third party."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO third_party_talks (id, client_id, third_party_id, release_id,"
                " appointment_id, talked_at, note, created_at, origin_device)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (talk.id, talk.client_id, talk.third_party_id, talk.release_id,
                 talk.appointment_id, talk.at.isoformat(timespec="seconds"), talk.note,
                 ts_to_db(datetime.now(UTC).replace(microsecond=0)), self.device_id),
            )  # fmt: skip
        return talk

    def for_client(self, client_id: str) -> list[ThirdPartyTalk]:
        """The client's talks, oldest first."""
        rows = self.db.execute(
            "SELECT * FROM third_party_talks WHERE client_id = ? ORDER BY talked_at, created_at",
            (client_id,),
        )
        return [_talk(r) for r in rows]

    def all(self) -> list[ThirdPartyTalk]:
        rows = self.db.execute("SELECT * FROM third_party_talks ORDER BY talked_at, created_at")
        return [_talk(r) for r in rows]
