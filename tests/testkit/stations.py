"""A laptop and its office, made once per test session and copied for each test: an office vault
(`create_office_vault`) and a laptop vault that joined it with the signed setup file and holds
the demo (finalized protocols with addenda, signed, revoked and refused consents, anonymous
counselling). Conftests take the fixtures by importing them:
`from testkit.stations import station_folders, stations, stations_template  # noqa: F401`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from outreach_desktop.demo.filler import fill_demo
from outreach_desktop.services.office_import import ImportResult
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_office_vault, create_vault, unlock_vault
from outreach_desktop.storage.sync_log import SyncLog
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import stored_tables, vault_of

DEMO_DAY = date(2026, 11, 25)
IMPORTED = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)  # when the office imports, in the tests
AGENCY_NAME = "Jobcenter Beispielstadt"
Rows = dict[str, list[tuple[object, ...]]]


@dataclass(frozen=True)
class Folders:
    laptop: Path
    office: Path


@dataclass(frozen=True)
class Stations:
    laptop: Session
    office: Session
    folders: Folders


def make_stations(folder: Path, clients: int = 12) -> Folders:
    """Both vaults, locked, below `folder`."""
    office, signed = create_office_vault(
        folder / "office", PASSPHRASE, agency_name=AGENCY_NAME, kdf=FAST_KDF
    )
    laptop = create_vault(folder / "laptop", PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    try:
        laptop.identity.join(signed.data)
        fill_demo(laptop, clients=clients, seed=3, today=DEMO_DAY)
    finally:
        laptop.lock()
        office.lock()
    return Folders(folder / "laptop", folder / "office")


@pytest.fixture(scope="session")
def stations_template(tmp_path_factory: pytest.TempPathFactory) -> Folders:
    folder = tmp_path_factory.mktemp("stations")
    (folder / "home").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OUTREACH_DESKTOP_HOME", str(folder / "home"))
        return make_stations(folder)


@pytest.fixture
def station_folders(stations_template: Folders, tmp_path: Path) -> Folders:
    """A fresh copy of the laptop and the office for one test, both locked."""
    folders = Folders(tmp_path / "laptop", tmp_path / "office")
    shutil.copytree(stations_template.laptop, folders.laptop)
    shutil.copytree(stations_template.office, folders.office)
    return folders


@contextmanager
def opened(folders: Folders) -> Iterator[Stations]:
    """The laptop and the office in `folders`, unlocked while the block runs."""
    laptop = unlock_vault(folders.laptop, PASSPHRASE)
    office = unlock_vault(folders.office, PASSPHRASE)
    try:
        yield Stations(laptop, office, folders)
    finally:
        laptop.lock()
        office.lock()


@pytest.fixture
def stations(station_folders: Folders) -> Iterator[Stations]:
    """A fresh copy of the laptop and the office for one test, both unlocked."""
    with opened(station_folders) as both:
        yield both


def assert_only_the_refusal_logged(office: Session, before: Rows, result: ImportResult) -> None:
    """Every table as `before`, but the sync log, which gained the refusal's one line."""
    after = stored_tables(office)
    logged, earlier = after.pop("sync_log"), before["sync_log"]
    assert after == {t: rows for t, rows in before.items() if t != "sync_log"}
    assert len(logged) == len(earlier) + 1
    [entry] = SyncLog(vault_of(office).db).entries(1)
    assert (entry.action, entry.result, entry.detail) == ("import", "refused", result.message)
    assert entry.counts == {}
