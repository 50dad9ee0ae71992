"""Tab labels are not clipped: under Fusion (a plain X server) "Übernahme (VerBIS)" lost the
dots of its "Ü" at the top of an unselected tab. For every tab of the tabbed dialogs, the text's
glyphs, placed as the style centres them, lie inside the label rectangle the style gives."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyleFactory, QStyleOptionTab, QTabBar, QTabWidget

from outreach_desktop.demo import fill_demo
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.protocol_editor import ProtocolEditor

DAY = date(2026, 11, 20)


@pytest.fixture
def fusion(qapp: Any) -> Any:
    old = qapp.style().name()
    qapp.setStyle(QStyleFactory.create("Fusion"))
    yield
    qapp.setStyle(QStyleFactory.create(old))


def clipped(bar: QTabBar) -> list[str]:
    """Tabs whose label glyphs reach outside the rectangle the style draws the label in."""
    metrics = QFontMetrics(bar.font())
    bad = []
    for index in range(bar.count()):
        text = bar.tabText(index).replace("&", "")
        option = QStyleOptionTab()
        bar.initStyleOption(option, index)
        room = bar.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, bar)
        baseline = room.top() + (room.height() - metrics.height()) // 2 + metrics.ascent()
        glyphs = metrics.tightBoundingRect(text).translated(room.left(), baseline)
        if glyphs.top() < room.top() or glyphs.bottom() > room.bottom() + 1:
            bad.append(f"{text!r}: glyphs {glyphs.top()}..{glyphs.bottom()}, "
                       f"room {room.top()}..{room.bottom()}")  # fmt: skip
        if metrics.horizontalAdvance(text) > room.width() + 1:
            bad.append(f"{text!r}: too narrow")
    return bad


def test_no_tab_label_is_clipped(session: Session, german: None, fusion: None, qtbot: Any) -> None:
    fill_demo(session, clients=12, seed=3, today=DAY)
    protocol = session.protocols.all()[0]
    editor = ProtocolEditor(session, protocol.id, lambda: datetime(2026, 11, 20, 9))
    qtbot.addWidget(editor)
    editor.show()
    assert editor.tabs.tabText(1) == "Übernahme (VerBIS)"
    work = AppointmentWorkDialog(session, protocol.appointment_id or "", lambda: datetime.now())
    qtbot.addWidget(work)
    work.show()
    bars = [w.tabBar() for w in (*editor.findChildren(QTabWidget), *work.findChildren(QTabWidget))]
    assert len(bars) >= 2
    for bar in bars:
        for selected in range(bar.count()):  # each tab once selected, once not
            bar.setCurrentIndex(selected)
            assert clipped(bar) == []


def test_every_tab_widget_uses_the_roomy_tab_bar() -> None:
    """New tabbed screens get the fix too: no bare QTabWidget outside ui/widgets/tabs.py."""
    from pathlib import Path

    import outreach_desktop.ui as ui_package

    root = Path(ui_package.__file__).parent
    bare = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "tabs.py" and "QTabWidget(" in path.read_text("utf-8")
    ]
    assert bare == []
