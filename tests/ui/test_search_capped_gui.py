"""The Search page says so when a very common word matched more entries than are ranked."""

from __future__ import annotations

from typing import Any

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.ui.search_page import SearchPage


def test_the_page_says_when_not_all_matches_were_ranked(
    session: Session, german: None, qtbot: Any, settle: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr("outreach_desktop.storage.protocol_repo.RANK_LIMIT", 2)
    for n in range(3):
        session.clients.save(Client(display_name=f"Kita Nummer{n}"))
    session.clients.save(Client(display_name="Olga Sommer"))
    page = SearchPage(session)
    qtbot.addWidget(page)
    page.show()
    page.search.setText("kita")
    page.refresh()
    qtbot.waitUntil(lambda: page.results.count() == 2, timeout=3000)
    assert page.capped.isVisible()
    assert page.capped.text().startswith("Mehr als 2.000 Einträge passen")
    page.search.setText("olga")
    page.refresh()
    qtbot.waitUntil(lambda: page.results.count() == 1, timeout=3000)
    assert not page.capped.isVisible()
