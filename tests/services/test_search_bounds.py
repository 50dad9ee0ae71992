"""Full text on years of data: a very common word ranks only a bounded set of its matches (the
newest), and a query of single letters searches them as words, not as prefixes of most of the
index. Checked by the hits returned, never timed."""

from __future__ import annotations

from typing import Any

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.storage.protocol_repo import fts_query


def test_a_common_word_ranks_only_the_newest_matches(session: Session, monkeypatch: Any) -> None:
    monkeypatch.setattr("outreach_desktop.storage.protocol_repo.RANK_LIMIT", 3)
    # the oldest would rank best (the word in its name, short): it is not among the ranked
    best = session.clients.save(Client(display_name="Kita"))
    newer = [
        session.clients.save(Client(display_name=f"Anna Nummer{n}", reachability_notes="Kita"))
        for n in range(4)
    ]
    hits, capped = session.protocols.search_capped("Kita")
    assert capped
    assert {h.ref for h in hits} == {c.id for c in newer[1:]}
    assert best.id not in {h.ref for h in session.protocols.search("Kita")}
    session.clients.delete(newer[0].id)
    session.clients.delete(newer[1].id)  # three left: all ranked, the best first
    hits, capped = session.protocols.search_capped("Kita")
    assert not capped
    assert hits[0].ref == best.id and len(hits) == 3


def test_letters_alone_are_words_not_prefixes(session: Session) -> None:
    assert fts_query("k") == '"k"'
    assert fts_query("ki") == '"ki"*'
    assert fts_query("k d") == '"k" AND "d"'
    assert fts_query("kaya d") == '"kaya"* AND "d"*'
    kaya = session.clients.save(Client(display_name="Kaya Demir"))
    k = session.clients.save(Client(display_name="Peter K."))
    assert [h.ref for h in session.protocols.search("K")] == [k.id]
    assert [h.ref for h in session.protocols.search("Ka")] == [kaya.id]
    assert [h.ref for h in session.protocols.search("Kaya D")] == [kaya.id]  # with a word
