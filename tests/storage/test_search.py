"""Search as you type: case- and accent-insensitive, every word must match, wildcards literal."""

from __future__ import annotations

import pytest

from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.vocabulary import ThirdPartyKind
from outreach_desktop.services.session import Session
from outreach_desktop.storage.record_repo import like_patterns

NAMES = [
    "Jürgen Müller",
    "Anna Müller",
    "Anna Schmidt",
    "Ayşe Yılmaz",
    "Oleksandr Shevchenko",
    "Maik 100% Sicher",
    "Kai_Uwe Böttcher",
    "Back\\Slash",
]


@pytest.fixture
def names(session: Session) -> Session:
    for name in NAMES:
        session.clients.save(Client(display_name=name))
    session.clients.save(Client(display_name="Peter Lustig", phone="0170 5550123"))
    session.clients.save(Client(display_name="Petra Pan", customer_number="123A456789"))
    return session


def found(session: Session, query: str) -> set[str]:
    return {c.display_name for c in session.clients.search(query)}


@pytest.mark.parametrize("query", ["mull", "MÜLL", "Müller", "muller", "Mu\u0308ller", " müll "])
def test_case_and_accent_insensitive(names: Session, query: str) -> None:
    assert found(names, query) == {"Jürgen Müller", "Anna Müller"}


def test_partial_words_as_you_type(names: Session) -> None:
    assert found(names, "a") >= {"Anna Müller", "Anna Schmidt", "Ayşe Yılmaz"}
    assert found(names, "an") == {
        "Anna Müller",
        "Anna Schmidt",
        "Oleksandr Shevchenko",
        "Petra Pan",
    }
    assert found(names, "ann") == {"Anna Müller", "Anna Schmidt"}
    assert found(names, "ayse") == {"Ayşe Yılmaz"}


def test_every_word_must_match(names: Session) -> None:
    assert found(names, "anna mull") == {"Anna Müller"}
    assert found(names, "mull anna") == {"Anna Müller"}
    assert found(names, "anna meier") == set()


def test_empty_query_lists_all_in_order(names: Session) -> None:
    listed = [c.display_name for c in names.clients.search("")]
    assert len(listed) == len(NAMES) + 2
    assert listed[:2] == ["Anna Müller", "Anna Schmidt"]
    assert found(names, "   ") == set(listed)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("%", {"Maik 100% Sicher"}),
        ("100%", {"Maik 100% Sicher"}),
        ("0%s", set()),
        ("_", {"Kai_Uwe Böttcher"}),
        ("i_u", {"Kai_Uwe Böttcher"}),
        ("a_n", set()),
        ("\\", {"Back\\Slash"}),
        ("k\\s", {"Back\\Slash"}),
        ("'", set()),
        ('"; DROP TABLE clients; --', set()),
    ],
)
def test_wildcards_are_literal(names: Session, query: str, expected: set[str]) -> None:
    assert found(names, query) == expected
    assert names.clients.count() == len(NAMES) + 2


def test_search_covers_phone_and_customer_number(names: Session) -> None:
    assert found(names, "5550123") == {"Peter Lustig"}
    assert found(names, "123a4567") == {"Petra Pan"}


def test_limit(names: Session) -> None:
    assert len(names.clients.search("", limit=3)) == 3


def test_search_follows_updates(names: Session) -> None:
    (client,) = names.clients.search("schmidt")
    client.display_name = "Anna Schmitz"
    names.clients.save(client)
    assert found(names, "schmidt") == set()
    assert found(names, "schmitz") == {"Anna Schmitz"}


def test_third_party_search_includes_kind_label(session: Session) -> None:
    session.third_parties.save(ThirdParty(name="Oberschule am Wall", kind=ThirdPartyKind.SCHOOL))
    session.third_parties.save(ThirdParty(name="Amt", kind=ThirdPartyKind.AUTHORITY))
    assert [t.name for t in session.third_parties.search("schule")] == ["Oberschule am Wall"]
    assert [t.name for t in session.third_parties.search("behorde")] == ["Amt"]


def test_like_patterns_escape() -> None:
    assert like_patterns("Anna 100%") == ["%anna%", "%100\\%%"]
    assert like_patterns("a_b\\c") == ["%a\\_b\\\\c%"]
    assert like_patterns("") == []
