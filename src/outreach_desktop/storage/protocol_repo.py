"""Protocols with their addenda, anonymous counselling, personal text templates, and the
full-text search over the vault."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from outreach_desktop.domain.protocols import (
    Addendum,
    AnonymousCounselling,
    OtherPresent,
    Protocol,
    ProtocolListing,
    SuccessRating,
)
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.search import MARK_CLOSE, MARK_OPEN, Hit
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.storage.database import Database, Row
from outreach_desktop.storage.record_repo import RecordRepository, like_patterns


def _local(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _from_local(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class ProtocolRepository(RecordRepository[Protocol]):
    table = "protocols"
    what = "Das Protokoll"
    order_by = "met_at DESC"

    def to_row(self, p: Protocol) -> dict[str, Any]:
        return {
            "approach": p.approach.value,
            "met_at": _local(p.met_at),
            "written_at": _local(p.written_at),
            "duration_min": p.duration_min,
            "appointment_id": p.appointment_id,
            "client_id": p.client_id,
            "staff_ids": json.dumps(p.staff_ids),
            "others_present": json.dumps(
                [[o.name, o.role, o.consent_id] for o in p.others_present], ensure_ascii=False
            ),
            "place": p.place,
            "topics": p.topics,
            "course": p.course,
            "agreements": p.agreements,
            "next_steps": p.next_steps,
            "new_need": p.new_need,
            "strategy_change": p.strategy_change,
            "non_appearance_reasons": p.non_appearance_reasons,
            "reachability": p.reachability,
            "reflection": p.reflection,
            "success": p.success.value,
            "success_notes": p.success_notes,
            "to_verbis": int(p.to_verbis),
            "benefit_relevant": int(p.benefit_relevant),
            "inform_network": int(p.inform_network),
            "to_main_caseworker": int(p.to_main_caseworker),
            "follow_up_id": p.follow_up_id,
            "finalized_at": _local(p.finalized_at),
            "finalized_by": p.finalized_by,
            "countersigned_by": p.countersigned_by,
            "countersigned_at": _local(p.countersigned_at),
        }

    def from_row(self, r: Row) -> Protocol:
        return Protocol(
            **self._meta(r),
            approach=Approach(r["approach"]),
            met_at=datetime.fromisoformat(r["met_at"]),
            written_at=_from_local(r["written_at"]),
            duration_min=r["duration_min"],
            appointment_id=r["appointment_id"],
            client_id=r["client_id"],
            staff_ids=json.loads(r["staff_ids"]),
            others_present=[OtherPresent(*o) for o in json.loads(r["others_present"])],
            place=r["place"],
            topics=r["topics"],
            course=r["course"],
            agreements=r["agreements"],
            next_steps=r["next_steps"],
            new_need=r["new_need"],
            strategy_change=r["strategy_change"],
            non_appearance_reasons=r["non_appearance_reasons"],
            reachability=r["reachability"],
            reflection=r["reflection"],
            success=SuccessRating(r["success"]),
            success_notes=r["success_notes"],
            to_verbis=bool(r["to_verbis"]),
            benefit_relevant=bool(r["benefit_relevant"]),
            inform_network=bool(r["inform_network"]),
            to_main_caseworker=bool(r["to_main_caseworker"]),
            follow_up_id=r["follow_up_id"],
            finalized_at=_from_local(r["finalized_at"]),
            finalized_by=r["finalized_by"],
            countersigned_by=r["countersigned_by"],
            countersigned_at=_from_local(r["countersigned_at"]),
        )

    def _after_write(self, p: Protocol) -> None:
        known = int(
            self.db.scalar("SELECT count(*) FROM protocol_addenda WHERE protocol_id = ?", (p.id,))
        )
        for position, addendum in enumerate(p.addenda[known:], start=known):
            self.db.execute(
                "INSERT INTO protocol_addenda (protocol_id, position, at, by_staff, text)"
                " VALUES (?, ?, ?, ?, ?)",
                (p.id, position, _local(addendum.at), addendum.by, addendum.text),
            )

    def _after_insert_many(self, records: list[Protocol]) -> None:
        self.db.executemany(
            "INSERT INTO protocol_addenda (protocol_id, position, at, by_staff, text)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (p.id, position, _local(a.at), a.by, a.text)
                for p in records
                for position, a in enumerate(p.addenda)
            ],
        )

    def _load_children(self, records: list[Protocol]) -> list[Protocol]:
        if not records:
            return records
        by_id = {p.id: p for p in records}
        marks = ",".join("?" * len(by_id))
        for r in self.db.execute(
            f"SELECT * FROM protocol_addenda WHERE protocol_id IN ({marks}) ORDER BY position",
            tuple(by_id),
        ):
            by_id[r["protocol_id"]].addenda.append(
                Addendum(datetime.fromisoformat(r["at"]), r["by_staff"], r["text"])
            )
        return records

    def for_appointment(self, appointment_id: str) -> list[Protocol]:
        rows = self.db.execute(
            "SELECT * FROM protocols WHERE appointment_id = ? ORDER BY met_at", (appointment_id,)
        )
        return self._load_children([self.from_row(r) for r in rows])

    def listing(self, query: str, offset: int, limit: int) -> list[ProtocolListing]:
        """One page of the list: drafts first, then the newest meeting first (the index
        `protocols_listing`), each word of `query` in the client's or the protocol's text."""
        patterns = like_patterns(query)
        where = " AND ".join(
            "(coalesce(c.search_text, '') || ' ' || p.search_text) LIKE ? ESCAPE '\\'"
            for _ in patterns
        )
        rows = self.db.execute(
            "SELECT p.id, p.met_at, p.approach, c.display_name, p.topics, p.finalized_at,"
            " (SELECT count(*) FROM protocol_addenda a WHERE a.protocol_id = p.id) AS addenda"
            " FROM protocols p"
            " LEFT JOIN clients c ON c.id = p.client_id"
            f" WHERE {where or '1'}"
            " ORDER BY (p.finalized_at IS NOT NULL), p.met_at DESC LIMIT ? OFFSET ?",
            [*patterns, limit, offset],
        )
        return [
            ProtocolListing(
                r[0],
                datetime.fromisoformat(r[1]),
                Approach(r[2]),
                r[3] or "",
                r[4],
                r[5] is not None,
                r[6],
            )
            for r in rows
        ]

    def drafts(self) -> list[Protocol]:
        """Protocols not yet finalized, oldest meeting first (drafts have no addenda)."""
        rows = self.db.execute(  # the term of the index protocols_listing: no table scan
            "SELECT * FROM protocols WHERE (finalized_at IS NOT NULL) = 0 ORDER BY met_at"
        )
        return [self.from_row(r) for r in rows]

    def appointments_with_protocol(self, among: Iterable[str] | None = None) -> set[str]:
        """Ids of appointments with a protocol; with `among`, only those asked (by index)."""
        sql = "SELECT DISTINCT appointment_id FROM protocols WHERE appointment_id IS NOT NULL"
        if among is None:
            return {r[0] for r in self.db.execute(sql)}
        return self.db.matching(sql + " AND appointment_id IN ({ids})", among)


class AnonymousRepository(RecordRepository[AnonymousCounselling]):
    table = "anonymous_counselling"
    what = "Die anonyme Beratung"
    order_by = "day DESC"

    def to_row(self, a: AnonymousCounselling) -> dict[str, Any]:
        return {
            "day": a.day.isoformat(),
            "approach": a.approach.value,
            "duration_min": a.duration_min,
            "staff_ids": json.dumps(a.staff_ids),
        }

    def from_row(self, r: Row) -> AnonymousCounselling:
        return AnonymousCounselling(
            **self._meta(r),
            day=date.fromisoformat(r["day"]),
            approach=Approach(r["approach"]),
            duration_min=r["duration_min"],
            staff_ids=json.loads(r["staff_ids"]),
        )


@dataclass(kw_only=True)
class TextTemplate(Record):
    field: str
    title: str
    body: str

    def validate(self) -> None:
        from outreach_desktop.domain import field_limits as limits
        from outreach_desktop.domain.errors import Checker

        check = Checker()
        check.require_text(self.title, "title", "Titel", limits.TEMPLATE_TITLE)
        check.require_text(self.body, "body", "Text", limits.TEMPLATE_BODY)
        check.raise_if_any()


class TemplateRepository(RecordRepository[TextTemplate]):
    table = "text_templates"
    what = "Die Textvorlage"
    order_by = "title"

    def to_row(self, t: TextTemplate) -> dict[str, Any]:
        return {"field": t.field, "title": t.title, "body": t.body}

    def from_row(self, r: Row) -> TextTemplate:
        return TextTemplate(**self._meta(r), field=r["field"], title=r["title"], body=r["body"])


def spellings(word: str) -> list[str]:
    """The word and how it reads with umlauts and ß typed out ("bestaetigt", "Strasse"): the
    index drops diacritics, so "ae" may stand for "ä" (indexed as "a") and "ss" for "ß"."""
    w = word.lower()
    umlauts = re.sub("ae|oe|ue", lambda m: m.group(0)[0], w)
    forms = [w, umlauts, w.replace("ss", "ß"), umlauts.replace("ss", "ß")]
    return list(dict.fromkeys(forms))


MIN_PREFIX = 2  # letters a query needs in one word to search by prefix
RANK_LIMIT = 2000  # matches ranked at most: of more, the newest RANK_LIMIT are ranked


def fts_query(text: str) -> str:
    """Each word as a prefix term (all must match), in any of its spellings; quotes keep FTS5
    syntax out."""
    terms = []
    text = unicodedata.normalize("NFC", text)  # "u" + combining diaeresis is one letter
    # words as the index's tokenizer sees them: "_" separates (it is \w to Python's re)
    words = re.findall(r"[^\W_]+", text, flags=re.UNICODE)
    # letters alone are words of their own, not prefixes: "k" would match most of the index
    # ("Kaya D" is still "Kaya" and a name starting with D)
    alone = all(len(w) < MIN_PREFIX for w in words)
    for word in words:
        star = "" if alone else "*"
        forms = [f'"{f}"{star}' for f in spellings(word)]
        terms.append(forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")")
    return " AND ".join(terms)


# ranked (title weighs five times the text; a person before their appointments and protocols —
# bm25 is negative, better is lower), matches marked in the title and a snippet
SEARCH_SQL = (
    "SELECT kind, ref, title,"
    f" highlight(search_index, 2, '{MARK_OPEN}', '{MARK_CLOSE}') AS marked_title,"
    f" snippet(search_index, 3, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 12) AS snip,"
    " bm25(search_index, 0, 0, 5.0, 1.0) * (CASE kind WHEN 'client' THEN 2.0 ELSE 1.0 END)"
    " AS score"
    " FROM search_index WHERE search_index MATCH :q AND rowid > :first ORDER BY score LIMIT :n"
)
# the rowid of the match just before the newest RANK_LIMIT (none when there are no more)
NEWEST_SQL = (
    "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"
)


class SearchIndex:
    def __init__(self, db: Database) -> None:
        self.db = db

    def search(self, text: str, limit: int = 50) -> list[Hit]:
        return self.find(text, limit)[0]

    def find(self, text: str, limit: int = 50) -> tuple[list[Hit], bool]:
        """The best hits, and whether there were more than RANK_LIMIT matches (then the best
        of the newest RANK_LIMIT)."""
        query = fts_query(text)
        if not query:
            return [], False
        # ranking all matches of a very common word costs a bm25 score each (84,000 in a large
        # vault): of more than RANK_LIMIT, only the newest are ranked
        first = self.db.scalar(NEWEST_SQL, (query, RANK_LIMIT))
        rows = self.db.execute(SEARCH_SQL, {"q": query, "first": first or 0, "n": limit * 2})
        hits: dict[tuple[str, str], Hit] = {}
        for r in rows:
            kind = "protocol" if r["kind"] == "addendum" else r["kind"]
            key = (kind, r["ref"])
            if key not in hits:
                hits[key] = Hit(
                    kind, r["ref"], r["title"], r["snip"], r["score"], r["marked_title"]
                )
        return list(hits.values())[:limit], first is not None
