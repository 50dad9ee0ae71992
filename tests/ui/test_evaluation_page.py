"""Auswertung page on a demo vault: the figures shown are the statistics service's, the approach
filter and grouping change them, the charts carry the same counts, and the report and the CSV
are written where the user chose, with small counts hidden."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest

from outreach_desktop.demo import fill_demo
from outreach_desktop.domain.statistics import OUTCOME_ORDER, Grouping
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui import save_target
from outreach_desktop.ui.evaluation_page import EvaluationPage

DAY = date(2026, 11, 25)
YEAR = Period.year(2026)


@pytest.fixture
def demo(session: Session) -> Session:
    fill_demo(session, clients=20, seed=1, today=DAY)
    return session


def shown(page: EvaluationPage) -> list[list[str]]:
    t = page.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def make(qtbot: Any, session: Session, settle: Any) -> EvaluationPage:
    page = EvaluationPage(session, lambda: DAY)
    qtbot.addWidget(page)
    page.refresh()
    settle(page)
    return page


def test_the_table_shows_the_services_figures_exactly(
    demo: Session, qtbot: Any, settle: Any
) -> None:
    page = make(qtbot, demo, settle)
    expected = demo.statistics.table(YEAR, Grouping.APPROACH)
    assert shown(page) == expected.text(0)
    header = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert header[1:] == list(expected.columns)
    total = expected.row("appointments").cells[-1].value
    assert total > 0 and shown(page)[0][-1] == str(total)


def test_charts_carry_the_same_counts(demo: Session, qtbot: Any, settle: Any) -> None:
    page = make(qtbot, demo, settle)
    stats = demo.statistics.compute(YEAR, Grouping.APPROACH)
    expected = [
        (a.label_de, tuple(stats.groups[a.value].outcomes[s] for s in OUTCOME_ORDER))
        for a in Approach
    ]
    assert list(page.outcomes_chart.series) == expected
    months = demo.statistics.compute(YEAR, Grouping.MONTH)
    rates = page.rate_chart.series[0][1]
    assert len(rates) == 12
    for key, rate in zip(months.order, rates, strict=True):
        figures = months.groups[key]
        done = figures.carried_out
        assert rate == (None if not done else round(100 * figures.follow_up_planned / done, 1))
    assert "Walk and Talk" in page.outcomes_chart.accessibleDescription()


def test_approach_filter_and_grouping_by_month(demo: Session, qtbot: Any, settle: Any) -> None:
    page = make(qtbot, demo, settle)
    home_visits = demo.statistics.table(YEAR, Grouping.APPROACH).row("appointments").cells[2]
    page.approach.setCurrentIndex(page.approach.findData(Approach.HOME_VISIT))
    settle(page)
    assert shown(page)[0][-1] == str(home_visits.value)
    assert page.table.columnCount() == 3  # the figure, Hausbesuch, the total
    assert [name for name, _v in page.outcomes_chart.series] == ["Hausbesuch"]
    page.by.setCurrentIndex(page.by.findData(Grouping.MONTH))
    settle(page)
    assert page.table.columnCount() == 1 + 12 + 1  # the figure, every month, the total
    assert page.by.findData(Grouping.STAFF) == -1  # by caseworker only at the office


def test_a_range_that_ends_before_it_begins_is_told(demo: Session, qtbot: Any, settle: Any) -> None:
    page = make(qtbot, demo, settle)
    page.period.set_kind("range")
    page.period.first.setDate(page.period.last.date().addDays(5))
    settle(page)
    assert "vor seinem Beginn" in page.status.text()


def test_csv_and_report_leave_with_small_counts_hidden(
    demo: Session, qtbot: Any, settle: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make(qtbot, demo, settle)
    targets = iter([tmp_path / "tabelle", tmp_path / "bericht"])
    monkeypatch.setattr(save_target, "ask_path", lambda *_args: str(next(targets)))
    page.csv_button.click()
    settle(page)
    written = (tmp_path / "tabelle.csv").read_bytes().decode("utf-8-sig")
    assert written == demo.statistics.csv(YEAR, Grouping.APPROACH)
    assert "< 3" in written  # the demo has small counts; the screen shows them exactly
    assert "tabelle.csv" in page.status.text()
    page.pdf_button.click()
    settle(page)
    pdf = (tmp_path / "bericht.pdf").read_bytes()
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Auswertung" in text
    for client in demo.clients.all():
        assert client.display_name not in text


def test_at_the_office_by_caseworker_and_the_team_in_total(
    demo: Session, qtbot: Any, settle: Any
) -> None:
    from testkit.exchange import make_office

    make_office(demo)  # a demo vault as the office station would hold it: several caseworkers
    page = make(qtbot, demo, settle)
    assert "Bürostation" in page.scope.text() or "Office station" in page.scope.text()
    page.by.setCurrentIndex(page.by.findData(Grouping.STAFF))
    settle(page)
    expected = demo.statistics.table(YEAR, Grouping.STAFF)
    assert shown(page) == expected.text(0)
    header = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert "Alex Beispiel" in header and header[-1] == "Gesamt"
    assert len(header) > 3  # the owner and the colleagues who went along


def test_ctrl_0_opens_the_evaluation_page(make_window: Any, vault_dir: Path) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut

    from outreach_desktop.services.vaults import create_vault
    from testkit import FAST_KDF, PASSPHRASE

    window = make_window(vault_dir)
    window.open_session(create_vault(vault_dir, PASSPHRASE, owner_name="Alex", kdf=FAST_KDF))
    workspace = window.workspace
    keys = {s.key().toString(): s for s in workspace.findChildren(QShortcut)}
    assert workspace.pages[-1] == ("Auswertung", workspace.evaluation_page)
    keys[QKeySequence("Ctrl+0").toString()].activated.emit()
    assert workspace.current_page() is workspace.evaluation_page
    assert workspace.nav.item(9).toolTip() == QKeySequence("Ctrl+0").toString(
        QKeySequence.SequenceFormat.NativeText
    )
