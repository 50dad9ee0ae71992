"""A bulk fill of years of history runs with a larger page cache (a large demo in about two
thirds of the time) and leaves the usual one behind — also when the fill fails."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from outreach_desktop.demo import fill_demo, filler
from outreach_desktop.demo.sizes import Size
from outreach_desktop.services.history import BULK_CACHE_MB
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.storage.database import CACHE_KIB
from testkit import FAST_KDF, PASSPHRASE
from testkit.internals import vault_of


def cache_kib(session: Session) -> int:
    return -int(vault_of(session).db.scalar("PRAGMA cache_size"))


def test_the_page_cache_is_larger_during_a_bulk_fill_and_usual_after(session: Session) -> None:
    assert cache_kib(session) == CACHE_KIB
    with session.history.bulk():
        assert cache_kib(session) == BULK_CACHE_MB * 1024
    assert cache_kib(session) == CACHE_KIB
    with pytest.raises(RuntimeError), session.history.bulk():
        raise RuntimeError("the fill failed")
    assert cache_kib(session) == CACHE_KIB


def test_a_demo_with_history_leaves_the_usual_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = create_vault(tmp_path / "v", PASSPHRASE, owner_name="A B", kdf=FAST_KDF)
    seen: list[int] = []
    real = filler.write_history
    monkeypatch.setattr(
        filler, "write_history", lambda *a: (seen.append(cache_kib(session)), real(*a))
    )
    try:
        fill_demo(
            session,
            clients=4,
            seed=2,
            today=date(2026, 11, 25),
            size=Size(clients=20, appointments=60, protocols=20),
        )
        assert seen == [BULK_CACHE_MB * 1024]
        assert cache_kib(session) == CACHE_KIB
    finally:
        session.lock()
