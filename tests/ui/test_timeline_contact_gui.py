"""A home-visit letter marked as sent in the timeline panel gets the same warning as printing
one: each missing sender detail a client needs to answer, with where to set it."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.home_visit import LetterKind
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.workflow_dialogs import LetterSentDialog
from testkit.gui import in_modal

VISIT = date(2026, 12, 16)
NOW = datetime.combine(date(2026, 12, 3), time(9, 0))  # the reminder's window is open


def _panel(session: Session, qtbot: Any) -> tuple[AppointmentWorkDialog, str]:
    client = session.clients.save(Client(display_name="Günter Koch", address="Lindenweg 4"))
    a = session.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, datetime.combine(VISIT, time(10)), client_id=client.id,
        staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    work = AppointmentWorkDialog(session, a.id, lambda: NOW)
    qtbot.addWidget(work)
    work.show()
    assert work.timeline is not None
    return work, a.id


def _sent(session: Session, appointment_id: str) -> Any:
    return session.workflow.state(appointment_id, NOW.date()).timeline.reminder_sent_on  # type: ignore[union-attr]


def _save(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_marking_a_letter_sent_warns_of_missing_contact_details(
    session: Session, german: None, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, appointment_id = _panel(session, qtbot)
    asked: list[tuple[str, str, str, str | None]] = []
    answers = [False, True]

    def confirm(_p: Any, title: str, text: str, action: str, back: str | None = None) -> bool:
        asked.append((title, text, action, back))
        return answers.pop(0)

    monkeypatch.setattr("outreach_desktop.ui.pdf_saving.confirm", confirm)
    push = work.timeline.letter_buttons[LetterKind.REMINDER]  # type: ignore[union-attr]
    push.click()  # "Zurück": no dialog, nothing recorded
    assert _sent(session, appointment_id) is None
    title, text, action, back = asked[0]
    assert (title, action, back) == ("Kontaktangaben fehlen", "Trotzdem als versendet vermerken",
                                     "Zurück")  # fmt: skip
    assert "Telefonnummer für Rückfragen" in text and "Einstellungen › Briefkopf" in text
    assert "Anschrift der Dienststelle" in text

    seen = in_modal(qtbot, LetterSentDialog, _save)
    push.click()  # going on anyway: the dialog as before
    assert seen and len(asked) == 2
    assert _sent(session, appointment_id) is not None


def test_no_warning_when_the_client_can_answer(
    session: Session, german: None, answerable_sender: None, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    work, appointment_id = _panel(session, qtbot)
    asked: list[str] = []
    monkeypatch.setattr("outreach_desktop.ui.pdf_saving.confirm",
                        lambda *args, **kw: asked.append(args[1]) or True)  # fmt: skip
    seen = in_modal(qtbot, LetterSentDialog, _save)
    work.timeline.letter_buttons[LetterKind.REMINDER].click()  # type: ignore[union-attr]
    assert seen and asked == [] and _sent(session, appointment_id) is not None
