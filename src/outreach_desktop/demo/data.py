"""The demo's invented names, places and texts, read from resources/demo/ (TOML, UTF-8).

The demo draws from these lists with a seeded random generator, so their order is part of what
makes the demo deterministic."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from outreach_desktop.domain.home_visit import CallOutcome
from outreach_desktop.domain.vocabulary import Approach, Department, Language, ThirdPartyKind
from outreach_desktop.resources import resources_dir

PROTOCOL_FIELDS = ("topics", "course", "agreements", "next_steps")


@dataclass(frozen=True)
class Colleague:
    name: str
    department: Department
    phone: str
    team_leader: bool = False


@dataclass(frozen=True)
class Party:
    name: str
    kind: ThirdPartyKind


@dataclass(frozen=True)
class Names:
    """resources/demo/people.toml and places.toml."""

    owner: str
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    phone_prefixes: tuple[str, ...]
    reachability_notes: tuple[str, ...]
    languages: tuple[Language, ...]  # each as often as its weight
    colleagues: tuple[Colleague, ...]
    third_parties: tuple[Party, ...]
    streets: tuple[str, ...]
    towns: tuple[tuple[str, str], ...]  # (postcode, town)
    meeting_points: tuple[str, ...]


@dataclass(frozen=True)
class Texts:
    """resources/demo/texts.toml."""

    recognition_signs: tuple[str, ...]
    answers: Mapping[str, str]  # checklist item id → text; "default" for any other
    call_notes: Mapping[CallOutcome, str]
    reasons: Mapping[str, str]
    present: Mapping[str, tuple[str, str]]  # (name, role) of others present
    consents: Mapping[str, str]
    protocols: Mapping[Approach, Mapping[str, str]]  # field → text with {first}
    reflection: str
    new_needs: tuple[str, ...]
    addendum: str

    def answer(self, item_id: str) -> str:
        return self.answers.get(item_id, self.answers["default"])


def _load(name: str) -> dict[str, Any]:
    return tomllib.loads((resources_dir() / "demo" / name).read_text("utf-8"))


def _strings(values: list[Any]) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


def _weighted(weights: dict[str, int]) -> tuple[Language, ...]:
    return tuple(Language(code) for code, weight in weights.items() for _ in range(int(weight)))


def _colleague(entry: dict[str, Any]) -> Colleague:
    department, leader = Department(entry["department"]), bool(entry.get("team_leader", False))
    return Colleague(str(entry["name"]), department, str(entry["phone"]), leader)


@cache
def names() -> Names:
    people, places = _load("people.toml"), _load("places.toml")
    return Names(
        owner=str(people["owner"]),
        first_names=_strings(people["first_names"]),
        last_names=_strings(people["last_names"]),
        phone_prefixes=_strings(people["phone_prefixes"]),
        reachability_notes=_strings(people["reachability_notes"]),
        languages=_weighted(people["client_languages"]),
        colleagues=tuple(_colleague(c) for c in people["colleagues"]),
        third_parties=tuple(
            Party(str(t["name"]), ThirdPartyKind(t["kind"])) for t in people["third_parties"]
        ),
        streets=_strings(places["streets"]),
        towns=tuple((str(t["postcode"]), str(t["name"])) for t in places["towns"]),
        meeting_points=_strings(places["meeting_points"]),
    )


@cache
def texts() -> Texts:
    data = _load("texts.toml")
    protocols = data["protocols"]
    return Texts(
        recognition_signs=_strings(data["recognition_signs"]),
        answers={str(k): str(v) for k, v in data["answers"].items()},
        call_notes={CallOutcome(k): str(v) for k, v in data["calls"].items()},
        reasons={str(k): str(v) for k, v in data["reasons"].items()},
        present={str(k): (str(v["name"]), str(v["role"])) for k, v in data["present"].items()},
        consents={str(k): str(v) for k, v in data["consents"].items()},
        protocols={
            approach: {field: str(protocols[approach.value][field]) for field in PROTOCOL_FIELDS}
            for approach in Approach
        },
        reflection=str(protocols["reflection"]),
        new_needs=_strings(protocols["new-needs"]),
        addendum=str(protocols["addendum"]),
    )
