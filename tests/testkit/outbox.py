"""The export's tests: an office station and a laptop that joined it with the office's real signed
setup file, the laptop full of demo data and one client's story (a consent signed on screen with
its form, a finalized protocol with an addendum); and what a bundle holds, as the office reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from outreach_desktop.demo import fill_demo
from outreach_desktop.exchange.bundle import OpenedBundle, open_bundle
from outreach_desktop.exchange.record_fields import Field, Items, Ref, Refs
from outreach_desktop.exchange.record_kinds import SPECS
from outreach_desktop.exchange.records import parse_member
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_office_vault, create_vault
from testkit import FAST_KDF, PASSPHRASE
from testkit.exchange import Story, client_story

DEMO_DAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)
STORY_NAME = "Ute Voß"


@dataclass
class Pair:
    office: Session
    laptop: Session
    setup: bytes
    story: Story
    folder: Path  # the "USB stick"

    def lock(self) -> None:
        self.office.lock()
        self.laptop.lock()


def office_vault(path: Path) -> tuple[Session, bytes]:
    name = "Jobcenter Lüchow-Dannenberg"
    office, signed = create_office_vault(path, PASSPHRASE, agency_name=name, kdf=FAST_KDF)
    return office, signed.data


def laptop_vault(path: Path, clients: int = 12) -> tuple[Session, Story]:
    laptop = create_vault(path, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    fill_demo(laptop, clients=clients, seed=3, today=DEMO_DAY)
    story = client_story(laptop, STORY_NAME, "Lindenweg 4\n29439 Lüchow", "Briefkasten defekt.",
                         "Nachtrag: Rückruf vereinbart.")  # fmt: skip
    return laptop, story


def make_pair(tmp_path: Path, clients: int = 12) -> Pair:
    office, setup = office_vault(tmp_path / "office")
    laptop, story = laptop_vault(tmp_path / "laptop", clients)
    laptop.identity.join(setup)
    folder = tmp_path / "stick"
    folder.mkdir()
    return Pair(office, laptop, setup, story, folder)


@dataclass(frozen=True)
class Received:
    """A bundle as the office reads it: every record member parsed."""

    bundle: OpenedBundle
    records: dict[str, list[dict[str, Any]]]

    def ids(self, kind: str) -> set[str]:
        return {r["id"] for r in self.records.get(kind, [])}

    def record(self, kind: str, record_id: str) -> dict[str, Any]:
        return next(r for r in self.records[kind] if r["id"] == record_id)

    @property
    def all_ids(self) -> set[str]:
        return {r["id"] for records in self.records.values() for r in records}


def receive(office: Session, path: Path) -> Received:
    bundle = open_bundle(path.read_bytes(), office.identity.agency_identity(), lambda _d: None)
    records = {
        name.removeprefix("records/").removesuffix(".json"): parse_member(
            name.removeprefix("records/").removesuffix(".json"), data
        )
        for name, data in bundle.members.items()
        if name.startswith("records/")
    }
    return Received(bundle, records)


def _refs(field: Field, value: Any) -> Iterator[str]:
    if isinstance(field, Ref) and value is not None:
        yield value
    elif isinstance(field, Refs):
        yield from value
    elif isinstance(field, Items):
        for item in value:
            for part in field.parts:
                yield from _refs(part, item[part.name])


def referenced(kind: str, record: dict[str, Any]) -> set[str]:
    """Every id a record names, by its kind's field list (not by the code under test)."""
    return {i for f in SPECS[kind].fields for i in _refs(f, record["fields"][f.name])}


def dangling(received: Received) -> dict[str, set[str]]:
    """Per record id, the ids it names that the bundle does not hold."""
    present = received.all_ids
    found = {}
    for kind, records in received.records.items():
        for record in records:
            missing = referenced(kind, record) - present
            if missing:
                found[record["id"]] = missing
    return found
