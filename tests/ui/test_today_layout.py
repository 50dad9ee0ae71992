"""Heute: rows fit their text (long ones wrap, none is cut off) and the page scrolls once — no
list scrolls inside the scrolling page."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QListWidget

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.today_page import TodayPage

DAY = date(2026, 12, 1)
LONG_PLACE = (
    "Treffpunkt am Haupteingang des Stadtparks gegenüber der Bushaltestelle "
    "Lindenallee, bei schlechtem Wetter im Café am Markt"
)


def rows_cut_off(lst: QListWidget) -> list[str]:
    metrics = QFontMetrics(lst.font())
    viewport = lst.viewport().rect()
    bad = []
    for i in range(lst.count()):
        item = lst.item(i)
        rect = lst.visualItemRect(item)
        room = QRect(0, 0, rect.width() - 8, 100_000)  # the item's padding: 4px each side
        needed = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), item.text())
        if (
            needed.height() > rect.height()
            or needed.width() > rect.width()
            or not viewport.contains(rect)
        ):
            bad.append(f"{item.text()[:40]}…: needs {needed.size()}, has {rect}")
    return bad


def plan_days(session: Session, approach: Approach, days: list[int], place: str) -> None:
    """One appointment of Olga Petrowa at 10:00 on each of `days` (relative to DAY)."""
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(Client(display_name="Olga Petrowa"))
    for n in days:
        session.appointments.save(
            Appointment.plan(
                approach, datetime.combine(DAY + timedelta(days=n), time(10)),
                client_id=client.id, place=place, staff_ids=[owner.id],
            )
        )  # fmt: skip


def test_rows_fit_their_text_and_only_the_page_scrolls(
    session: Session, german: None, qtbot: Any, settle: Any
) -> None:
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(Client(display_name="Natalia Yılmaz-Brandenburger"))
    for n in range(12):  # more than the old lists showed without scrolling
        session.appointments.save(
            Appointment.plan(
                Approach.WALK_AND_TALK, datetime.combine(DAY + timedelta(days=1 + n), time(10)),
                client_id=client.id, place=LONG_PLACE, staff_ids=[owner.id],
            )
        )  # fmt: skip
    page = TodayPage(session, lambda: DAY, lambda: datetime.combine(DAY, time(8)))
    qtbot.addWidget(page)
    page.resize(760, 600)
    page.show()
    page.refresh()
    settle(page)
    qtbot.wait(50)
    assert page.upcoming_list.count() == 12
    for lst in page.findChildren(QListWidget):
        if lst.isVisible():
            assert lst.verticalScrollBar().maximum() == 0, lst.accessibleName()
            assert rows_cut_off(lst) == [], lst.accessibleName()
    scrolling = [
        area
        for area in page.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.verticalScrollBar().maximum() > 0
    ]
    assert len(scrolling) == 1 and not isinstance(scrolling[0], QListWidget)
    page.resize(1200, 600)  # wider: the rows re-wrap and the lists shrink to fit
    qtbot.wait(50)
    assert rows_cut_off(page.upcoming_list) == []
    assert page.upcoming_list.verticalScrollBar().maximum() == 0


def test_a_long_section_shows_its_first_rows_and_more_on_demand(
    session: Session, german: None, qtbot: Any, settle: Any, monkeypatch: Any
) -> None:
    """Thousands of old overdue appointments: only the first rows are built (the GUI thread
    stays free), a button adds more."""
    monkeypatch.setattr("outreach_desktop.ui.widgets.today_section.FIRST_ROWS", 3)
    monkeypatch.setattr("outreach_desktop.ui.widgets.today_section.MORE_ROWS", 4)
    plan_days(session, Approach.WALK_AND_TALK, [-1 - n for n in range(8)], "Stadtpark")
    page = TodayPage(session, lambda: DAY, lambda: datetime.combine(DAY, time(8)))
    qtbot.addWidget(page)
    page.resize(760, 600)
    page.show()
    page.refresh()
    settle(page)
    section = page.sections["overdue"]
    assert section.total == 8
    assert page.overdue_list.count() == 3
    assert section.more.isVisible()
    assert section.more.text() == "… und 5 weitere – 4 davon anzeigen"
    qtbot.mouseClick(section.more, Qt.MouseButton.LeftButton)
    assert page.overdue_list.count() == 7
    assert section.more.text() == "… und 1 weitere – 1 davon anzeigen"
    qtbot.mouseClick(section.more, Qt.MouseButton.LeftButton)
    assert page.overdue_list.count() == 8
    assert not section.more.isVisible()
    assert rows_cut_off(page.overdue_list) == []
    page.clear()  # on lock: no rows and no entries left
    assert page.overdue_list.count() == 0 and section.total == 0


def test_progress_is_read_for_the_rows_shown_and_then_for_each_more(
    session: Session, german: None, qtbot: Any, settle: Any, monkeypatch: Any
) -> None:
    """A busy vault lists hundreds of coming appointments: their checklists are read only for
    the rows shown (in the background), the next rows' when "show more" adds them."""
    monkeypatch.setattr("outreach_desktop.ui.widgets.today_section.FIRST_ROWS", 3)
    plan_days(session, Approach.HOME_VISIT, [1 + n for n in range(7)], "Lindenweg 4")
    read: list[int] = []  # how many appointments' states each bulk read evaluated
    states = session.workflow.states

    def counted(ids: Any, day: date, known: Any = ()) -> Any:
        ids = list(ids)
        read.append(len(ids))
        return states(ids, day, known)

    monkeypatch.setattr(session.workflow, "states", counted)
    page = TodayPage(session, lambda: DAY, lambda: datetime.combine(DAY, time(8)))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(page)
    section = page.sections["upcoming"]
    assert section.total == 7 and page.upcoming_list.count() == 3
    assert read == [3]  # the first rows only, not all seven
    total = session.workflow.state(page.upcoming_list.item(0).data(256), DAY).progress()[1]
    assert "Checkliste 0/" + str(total) in page.upcoming_list.item(2).text()
    assert section.more.text() == "… und 4 weitere – 3 davon anzeigen"
    qtbot.mouseClick(section.more, Qt.MouseButton.LeftButton)
    assert read == [3, 3] and page.upcoming_list.count() == 6
    assert all("Checkliste 0/" in page.upcoming_list.item(i).text() for i in range(6))
    last = [v for v in session.appointments.search_views("", limit=-1) if v.client_name][-1]
    session.appointments.delete(last.appointment.id)  # gone before its row is shown
    qtbot.mouseClick(section.more, Qt.MouseButton.LeftButton)
    assert read == [3, 3] and page.upcoming_list.count() == 6 and not section.more.isVisible()


def test_heute_counts_what_waits_only_on_a_laptop_that_joined(
    session: Session, german: None, qtbot: Any, settle: Any, monkeypatch: Any
) -> None:
    """Nothing waits to go on a vault that never joined an agency: Heute does not count the
    records for a line it would not show (on years of data, the count reads an index of them)."""
    plan_days(session, Approach.WALK_AND_TALK, [-3], "Stadtpark")
    asked: list[bool] = []
    pending = session.outbox.pending
    monkeypatch.setattr(session.outbox, "pending", lambda: asked.append(True) or pending())
    assert not session.outbox.joined()
    page = TodayPage(session, lambda: DAY, lambda: datetime.combine(DAY, time(8)))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(page)
    assert asked == [] and not page.handover.isVisible()
    assert page.overdue_list.count() == 1  # the page is filled all the same
