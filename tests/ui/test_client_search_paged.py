"""Search as you type over many clients builds one page of rows per keystroke; the table reads
the next page as it scrolls to the end. Rows counted, never timed."""

from __future__ import annotations

from typing import Any

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.ui.people_pages import PAGE, ClientsPage


def test_a_keystroke_builds_one_page_and_scrolling_reads_the_rest(
    session: Session, qtbot: Any, settle: Any
) -> None:
    with session.transaction():
        for n in range(PAGE + 30):
            session.clients.save(Client(display_name=f"Müller {n:03d}"))
        session.clients.save(Client(display_name="Anna Schmidt"))
    page = ClientsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.search.setText("MULLER")  # folded as before: case and umlauts
    page.refresh()
    settle(page)
    model = page.model
    assert model.rowCount() == PAGE
    assert model.rows[0].display_name == "Müller 000"
    assert model.canFetchMore()
    model.fetchMore()
    assert [c.display_name for c in model.rows] == [f"Müller {n:03d}" for n in range(PAGE + 30)]
    model.fetchMore()  # nothing more: the table stops asking
    assert not model.canFetchMore()
    page.search.setText("schmidt anna")  # every word, in any order
    page.refresh()
    settle(page)
    assert [c.display_name for c in model.rows] == ["Anna Schmidt"]
    assert not page.hint.isVisible()
