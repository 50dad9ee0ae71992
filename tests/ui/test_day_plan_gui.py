"""Außentermine heute from the Heute page: printed (the pages go to the preview) and saved where
the user chooses; client names only with the checkbox, which is off by default."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.session import Session
from outreach_desktop.services.today import today_overview
from outreach_desktop.ui import messages, save_target
from outreach_desktop.ui.day_plan_dialog import DayPlanDialog
from outreach_desktop.ui.printing import PrintPages

DAY = date(2026, 11, 25)


@pytest.fixture
def demo(session: Session) -> tuple[Session, list[str]]:
    fill_demo(session, clients=12, seed=1, today=DAY)
    names = [e.view.client_name for e in today_overview(session, DAY).today if e.view.client_name]
    assert names
    return session, names


def text_of(path: Path) -> str:
    pages = pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(p.extract_text() for p in pages).split())


def make(qtbot: Any, session: Session) -> DayPlanDialog:
    dialog = DayPlanDialog(session, DAY, lambda: datetime(2026, 11, 25, 7, 30))
    qtbot.addWidget(dialog)
    return dialog


def test_saved_without_names_by_default_and_with_names_after_the_warning(
    demo: tuple[Session, list[str]], qtbot: Any, tmp_path: Path, settle: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    session, names = demo
    asked: list[str] = []
    target = tmp_path / "plan.pdf"

    def ask(_parent: Any, _title: str, suggestion: str, _pattern: str) -> str:
        asked.append(suggestion)
        return str(target)

    monkeypatch.setattr(save_target, "ask_path", ask)
    dialog = make(qtbot, session)
    assert not dialog.with_names.isChecked()
    dialog.save_button.click()
    settle(dialog)
    assert asked == ["Aussentermine-2026-11-25.pdf"]
    text = text_of(target)
    assert "Außentermine am Mittwoch, 25.11.2026" in text
    assert not any(name in text for name in names)
    assert str(target) in dialog.status.text()

    dialog.with_names.setChecked(True)
    messages.set_next_answer(False)  # the warning: backed out, nothing replaced
    dialog.save_button.click()
    assert dialog.busy.running == 0 and not any(name in text_of(target) for name in names)
    messages.set_next_answer(True)  # the warning
    messages.set_next_answer(True)  # replace the file
    dialog.save_button.click()
    settle(dialog)
    assert messages._next_answers == []
    assert all(name in text_of(target) for name in names)


def test_print_shows_one_page_in_the_preview(
    demo: tuple[Session, list[str]], qtbot: Any, settle: Any
) -> None:
    dialog = make(qtbot, demo[0])
    shown: list[PrintPages] = []
    dialog.print_pages = lambda _parent, pages: shown.append(pages) or True  # type: ignore[assignment]
    dialog.print_button.click()
    settle(dialog)
    assert len(shown) == 1 and len(shown[0].images) == 1
    assert shown[0].title == "Outside appointments"  # a kind of document, no name


def test_the_heute_page_offers_the_day_plan(
    demo: tuple[Session, list[str]], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from outreach_desktop.ui import today_page

    opened: list[date] = []
    monkeypatch.setattr(DayPlanDialog, "exec", lambda self: opened.append(self.chosen_day()))
    page = today_page.TodayPage(demo[0], today=lambda: DAY)
    qtbot.addWidget(page)
    page.outings_button.click()
    assert opened == [DAY]
