"""Outcomes in the GUI: held in the surroundings, asked once with buttons that name the action,
postponed with its new date, corrected with a trace in the appointment's history; dialogs whose
action is breaking off, cancelling or postponing have no "Abbrechen" button."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QWidget,
)

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Transition
from outreach_desktop.domain.people import Client, Staff
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.outcome_dialogs import CorrectOutcomeDialog
from outreach_desktop.ui.protocol_editor import ProtocolEditor
from outreach_desktop.ui.workflow_dialogs import NewDateDialog, OutcomeDialog
from testkit.gui import in_modal

S = AppointmentStatus
DAY = date(2026, 12, 2)
PLANNED = datetime.combine(DAY, time(10))


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


@pytest.fixture
def s(session: Session, german: None, qtbot: Any) -> Session:
    return session


@pytest.fixture
def visit(s: Session) -> Appointment:
    client = s.clients.save(Client(display_name="Ute Voß", address="Lindenweg 4"))
    second = s.staff.save(Staff(name="Birgit Sommer"))
    owner = s.owner()
    assert owner is not None
    return s.appointments.save(
        Appointment.plan(Approach.HOME_VISIT, PLANNED, client_id=client.id,
                         staff_ids=[owner.id, second.id])
    )  # fmt: skip


def texts(widget: QWidget) -> list[str]:
    """The buttons' captions as shown (without the Alt-key marker)."""
    return [b.text().replace("&", "") for b in widget.findChildren(QAbstractButton) if b.text()]


def button(widget: QWidget, text: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.text().replace("&", "") == text]
    assert len(found) == 1, (text, texts(widget))
    return found[0]


def back_buttons(dialog: QWidget) -> list[QAbstractButton]:
    """The buttons that leave without acting (reject role), of button boxes and message boxes."""
    found: list[QAbstractButton] = []
    for box in [dialog, *dialog.findChildren(QDialogButtonBox)]:
        if isinstance(box, (QDialogButtonBox, QMessageBox)):
            reject = type(box).ButtonRole.RejectRole
            found += [b for b in box.buttons() if box.buttonRole(b) == reject]
    return found


def opposite_buttons(dialog: QWidget) -> list[str]:
    """Ways back whose word is the dialog's own action: "Abbrechen" on "Termin abbrechen"."""
    title = dialog.windowTitle().casefold().split()
    shown = [b.text().replace("&", "") for b in back_buttons(dialog)]
    return [t for t in shown if t.casefold() in title]


def work(qtbot: Any, s: Session, appointment_id: str, clock: Clock) -> AppointmentWorkDialog:
    dialog = AppointmentWorkDialog(s, appointment_id, clock.now)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_held_in_the_surroundings_is_asked_once_with_named_buttons(
    s: Session, visit: Appointment, qtbot: Any
) -> None:
    clock = Clock(PLANNED)
    panel = work(qtbot, s, visit.id, clock).conduct
    panel.step_buttons[Transition.START].click()
    held = panel.outcome_buttons[S.HELD_NEARBY]
    assert held.isVisible() and held.text() == "Im &Umfeld durchgeführt"
    clock.moment = PLANNED + timedelta(minutes=35)
    asked: list[list[str]] = []

    def answer(click: str) -> Any:
        def act(box: QMessageBox) -> None:
            asked.append(texts(box))
            assert opposite_buttons(box) == []
            button(box, click).click()

        return act

    in_modal(qtbot, QMessageBox, answer("Zurück"))
    held.click()
    assert s.appointments.get(visit.id).status is S.IN_PROGRESS  # "Zurück" records nothing
    in_modal(qtbot, QMessageBox, answer("Als „Im Umfeld durchgeführt“ beenden"))
    held.click()
    assert asked == [["Als „Im Umfeld durchgeführt“ beenden", "Zurück"]] * 2
    assert s.appointments.get(visit.id).status is S.HELD_NEARBY
    assert "Im Umfeld durchgeführt (begonnen 10:00 Uhr, beendet 10:35 Uhr)" in panel.status.text()


@pytest.mark.parametrize(
    ("outcome", "title", "action"),
    [
        (S.BROKEN_OFF, "Termin abbrechen", "Termin abbrechen"),
        (S.CANCELLED, "Termin absagen", "Termin absagen"),
        (S.POSTPONED, "Termin verschieben", "Termin verschieben"),
    ],
)
def test_outcome_dialogs_say_what_they_do(
    s: Session, visit: Appointment, qtbot: Any, outcome: S, title: str, action: str
) -> None:
    dialog = OutcomeDialog(s, visit.id, outcome, Clock(PLANNED).now, None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == title
    assert sorted(texts(dialog)) == sorted([action, "Zurück", *texts_of_checkboxes(dialog)])
    assert "Abbrechen" not in texts(dialog) and opposite_buttons(dialog) == []
    button(dialog, "Zurück").click()
    assert s.appointments.get(visit.id).status is S.PLANNED


def texts_of_checkboxes(dialog: QDialog) -> list[str]:
    from PySide6.QtWidgets import QCheckBox

    return [c.text() for c in dialog.findChildren(QCheckBox)]


def test_the_other_conduct_dialogs_name_their_buttons(
    s: Session, visit: Appointment, qtbot: Any
) -> None:
    clock = Clock(PLANNED)
    relocate = NewDateDialog(s, visit, True, clock.now, None)
    qtbot.addWidget(relocate)
    assert {"Am anderen Ort planen", "Zurück"} <= set(texts(relocate))
    assert opposite_buttons(relocate) == []
    s.workflow.step(visit.id, Transition.START, PLANNED)
    s.workflow.finish(visit.id, S.ENDED_AT_DOOR, PLANNED + timedelta(minutes=10))
    correct = CorrectOutcomeDialog(s, visit.id, clock.now, None)
    qtbot.addWidget(correct)
    assert set(texts(correct)) == {"Ergebnis korrigieren", "Zurück"}
    assert opposite_buttons(correct) == []


def test_the_checker_finds_an_abbrechen_button_on_a_breaking_off_dialog(qtbot: Any) -> None:
    from PySide6.QtWidgets import QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("Termin abbrechen")
    box = QDialogButtonBox()
    box.addButton("Bestätigen", QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton("Abbrechen", QDialogButtonBox.ButtonRole.RejectRole)
    QVBoxLayout(dialog).addWidget(box)
    assert opposite_buttons(dialog) == ["Abbrechen"]


def test_postponed_plans_the_new_date_or_says_none_is_known(
    s: Session, visit: Appointment, qtbot: Any
) -> None:
    clock = Clock(PLANNED - timedelta(days=2))
    panel = work(qtbot, s, visit.id, clock).conduct

    def postpone(dialog: OutcomeDialog) -> None:
        dialog.reason.setPlainText("Kundin im Krankenhaus")
        button(dialog, "Termin verschieben").click()

    seen = in_modal(qtbot, OutcomeDialog, postpone)
    panel.outcome_buttons[S.POSTPONED].click()
    assert seen
    [new] = s.appointments.followers(visit.id)
    assert new.start == PLANNED + timedelta(days=7) and new.predecessor_id == visit.id

    other = s.appointments.save(visit.follow_up(PLANNED + timedelta(days=14)))
    panel = work(qtbot, s, other.id, clock).conduct

    def unknown(dialog: OutcomeDialog) -> None:
        dialog.unknown.setChecked(True)
        assert not dialog.new_date.isEnabled()
        button(dialog, "Termin verschieben").click()

    in_modal(qtbot, OutcomeDialog, unknown)
    panel.outcome_buttons[S.POSTPONED].click()
    assert s.appointments.get(other.id).status is S.POSTPONED
    assert s.appointments.followers(other.id) == []


def test_a_mis_click_is_corrected_and_shown_until_the_protocol_is_final(
    s: Session, visit: Appointment, qtbot: Any
) -> None:
    clock = Clock(PLANNED)
    s.workflow.step(visit.id, Transition.START, PLANNED)
    s.workflow.finish(visit.id, S.ENDED_AT_DOOR, PLANNED + timedelta(minutes=30))
    clock.moment = PLANNED + timedelta(hours=2)
    panel = work(qtbot, s, visit.id, clock).conduct
    assert panel.correct.isVisibleTo(panel) and panel.correct.isEnabled()
    assert not panel.history.isVisibleTo(panel)

    def correct(dialog: CorrectOutcomeDialog) -> None:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(S.HELD_NEARBY.value))
        assert not dialog.by.isEnabled()
        dialog.reason.setPlainText("Im Garten gesprochen, nicht an der Tür")
        button(dialog, "Ergebnis korrigieren").click()

    seen = in_modal(qtbot, CorrectOutcomeDialog, correct)
    panel.correct.click()
    assert seen and not seen[0].isVisible()
    assert s.appointments.get(visit.id).status is S.HELD_NEARBY
    assert "Im Umfeld durchgeführt" in panel.status.text()
    assert panel.history.isVisibleTo(panel)
    assert (
        "02.12.2026 12:00: Ergebnis korrigiert von „An der Tür beendet“ auf „Im Umfeld "
        "durchgeführt“. Grund: Im Garten gesprochen, nicht an der Tür"
    ) in panel.history.text()

    owner = s.owner()
    assert owner is not None
    draft = s.protocols.begin(clock.moment, appointment_id=visit.id)
    draft.course = "Gespräch im Garten"
    s.protocols.save_draft(draft)
    s.protocols.finalize(draft.id, clock.moment, owner.id)
    panel = work(qtbot, s, visit.id, clock).conduct
    assert panel.correct.isVisibleTo(panel) and not panel.correct.isEnabled()
    assert "Protokoll zu diesem Termin ist abgeschlossen" in panel.correct_note.text()
    assert "Ergebnis korrigiert" in panel.history.text()  # the history stays


def test_protocol_header_and_uebernahme_show_real_times_and_outcome(
    s: Session, visit: Appointment, qtbot: Any
) -> None:
    s.workflow.step(visit.id, Transition.START, PLANNED + timedelta(minutes=5))
    s.workflow.finish(visit.id, S.HELD_NEARBY, PLANNED + timedelta(minutes=50))
    now = PLANNED + timedelta(hours=3)
    draft = s.protocols.begin(now, appointment_id=visit.id)
    editor = ProtocolEditor(s, draft.id, lambda: now)
    qtbot.addWidget(editor)
    header = editor.header.text()
    assert "02.12.2026, begonnen 10:05, beendet 10:50 (45 Minuten)" in header
    assert "Ergebnis: Im Umfeld durchgeführt" in header
    editor.tabs.setCurrentIndex(1)
    shown = [w.text() for w in editor.handover.findChildren(type(editor.header))]
    assert "Im Umfeld durchgeführt" in shown


def test_no_dialog_offers_its_own_action_as_the_way_back(
    s: Session, visit: Appointment, qtbot: Any
) -> None:
    """The sweep over the dialogs of ui/ that record or refuse something: none has a button
    whose single word is the dialog's action (the "Abbrechen" on "Termin abbrechen")."""
    from outreach_desktop.domain.consents import ConsentKind, GivenHow
    from outreach_desktop.domain.home_visit import LetterKind
    from outreach_desktop.ui.appointment_dialog import AppointmentDialog
    from outreach_desktop.ui.consent_dialogs import ConsentDialog, EndConsentDialog, GivenDialog
    from outreach_desktop.ui.inbox_dialogs import FingerprintDialog, RejectDialog
    from outreach_desktop.ui.people_dialogs import ClientDialog
    from outreach_desktop.ui.workflow_dialogs import CallDialog, LetterSentDialog

    now = Clock(PLANNED).now
    consent = s.consents.prepare(ConsentKind.HOME_VISIT, PLANNED, appointment_id=visit.id)
    dialogs: list[QDialog] = [
        *(OutcomeDialog(s, visit.id, o, now, None) for o in (S.BROKEN_OFF, S.CANCELLED,
                                                               S.POSTPONED)),
        NewDateDialog(s, visit, True, now, None),
        NewDateDialog(s, visit, False, now, None),
        CallDialog(s, visit.id, PLANNED, None),
        LetterSentDialog(s, visit.id, LetterKind.REMINDER, DAY, None),
        ConsentDialog(s, visit, now, None),
        *(GivenDialog(s, consent, how, now, None) for how in GivenHow),
        EndConsentDialog(s, consent, True, now, None),
        EndConsentDialog(s, consent, False, now, None),
        RejectDialog("Gedächtnisprotokoll"),
        FingerprintDialog("ABCD EFGH", "Laptop", ["a.age"]),
        AppointmentDialog(s, visit, None),
        ClientDialog(s, None, None),
    ]  # fmt: skip
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert opposite_buttons(dialog) == [], dialog.windowTitle()


def test_breaking_off_asks_who_and_offers_the_reason_without_requiring_it(
    s: Session, qtbot: Any
) -> None:
    client = s.clients.save(Client(display_name="Kai Schulz"))
    owner = s.owner()
    assert owner is not None
    walk = s.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, PLANNED, client_id=client.id, place="Park",
        staff_ids=[owner.id]))  # fmt: skip
    s.workflow.step(walk.id, Transition.START, PLANNED)
    panel = work(qtbot, s, walk.id, Clock(PLANNED + timedelta(minutes=10))).conduct

    def break_off(dialog: OutcomeDialog) -> None:
        dialog.by.setCurrentIndex(dialog.by.findData("client"))
        assert dialog.reason.toPlainText() == ""
        button(dialog, "Termin abbrechen").click()

    seen = in_modal(qtbot, OutcomeDialog, break_off)
    panel.outcome_buttons[S.BROKEN_OFF].click()
    assert seen
    assert s.appointments.get(walk.id).status is S.BROKEN_OFF
