"""The approach workflows as a caseworker drives them: plan, calls, letters, conduct, outcome."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Phase, Transition
from outreach_desktop.domain.home_visit import LetterKind
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.session import Session
from outreach_desktop.ui import messages
from outreach_desktop.ui.appointment_dialog import AppointmentDialog
from outreach_desktop.ui.appointment_work_dialog import AppointmentWorkDialog
from outreach_desktop.ui.checklist_view import ItemRow
from outreach_desktop.ui.today_page import TodayPage
from outreach_desktop.ui.workflow_dialogs import CallDialog, LetterSentDialog
from testkit.gui import in_modal

PLANNING_DAY = date(2026, 11, 2)
VISIT_DAY = date(2026, 12, 2)


class Clock:
    def __init__(self, day: date) -> None:
        self.moment = datetime.combine(day, time(9, 0))

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()

    def go(self, day: date, hour: int = 9, minute: int = 0) -> None:
        self.moment = datetime.combine(day, time(hour, minute))


@pytest.fixture
def s(session: Session, german: None, answerable_sender: None, qtbot: Any) -> Session:
    return session


def _save(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _work(qtbot: Any, s: Session, appointment_id: str, clock: Clock) -> AppointmentWorkDialog:
    dialog = AppointmentWorkDialog(s, appointment_id, clock.now)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_home_visit_from_planning_to_the_door(s: Session, qtbot: Any, settle: Any) -> None:
    clock = Clock(PLANNING_DAY)
    client = s.clients.save(Client(display_name="Günter Koch", address="Lindenweg 4\n29439 Lüchow"))
    colleague = s.staff.save(Staff(name="Birgit Sommer"))

    # plan: a home visit, two staff
    plan = AppointmentDialog(s, None, None, day=VISIT_DAY, client_id=client.id)
    qtbot.addWidget(plan)
    plan.approach.setCurrentIndex(list(Approach).index(Approach.HOME_VISIT))
    plan.client.setCurrentIndex(plan.client.findData(client.id))
    for i in range(plan.staff.count()):
        if plan.staff.item(i).text() == "Birgit Sommer":
            plan.staff.item(i).setCheckState(plan.staff.item(i).checkState().Checked)
    _save(plan)
    assert not plan.isVisible(), plan.error_label.text()
    visit = plan.saved
    assert visit.approach is Approach.HOME_VISIT and colleague.id in visit.staff_ids

    # two failed calls through the timeline panel
    work = _work(qtbot, s, visit.id, clock)
    assert work.timeline is not None
    assert "0" in work.timeline.calls_summary.text()
    for hour in (9, 15):
        clock.go(PLANNING_DAY, hour)

        def log(dialog: CallDialog) -> None:
            _save(dialog)

        seen = in_modal(qtbot, CallDialog, log)
        work.timeline.add_call.click()
        assert seen
    assert work.timeline.calls.count() == 2
    assert "Erfolglose Anrufversuche: 2" in work.timeline.calls_summary.text()
    assert work.views[Phase.PREPARATION].rows["hv.failed_calls"].mark.text() == "✓"
    work.reject()

    # the announcement comes due four weeks before, on Heute
    today_page = TodayPage(s, clock.today, clock.now)
    qtbot.addWidget(today_page)
    clock.go(VISIT_DAY - timedelta(days=28))
    today_page.refresh()
    settle(today_page)
    letters = [
        today_page.letters_list.item(i).text() for i in range(today_page.letters_list.count())
    ]
    assert letters == [
        "Ankündigung an Günter Koch (Hausbesuch am 02.12.2026): fällig am 11.11.2026"
    ]

    work = _work(qtbot, s, visit.id, clock)
    seen = in_modal(qtbot, LetterSentDialog, _save)
    work.timeline.letter_buttons[LetterKind.ANNOUNCEMENT].click()
    assert seen
    work.reject()
    today_page.refresh()
    settle(today_page)
    assert today_page.letters_list.count() == 0

    # then the reminder, two weeks before
    clock.go(VISIT_DAY - timedelta(days=14))
    today_page.refresh()
    settle(today_page)
    assert today_page.letters_list.item(0).text().startswith("Erinnerung an Günter Koch")

    # the visit day: begin, not inside without consent, end at the door
    clock.go(VISIT_DAY, 10, 0)
    work = _work(qtbot, s, visit.id, clock)
    assert work.tabs.currentIndex() == 1  # today's appointment opens on "Vor Ort"
    conduct = work.conduct
    conduct.step_buttons[Transition.START].click()
    enter = conduct.step_buttons[Transition.ENTER_HOME]
    assert not enter.isEnabled()
    reason = conduct.step_reasons[Transition.ENTER_HOME].text()
    assert "Ohne schriftliche Einverständniserklärung" in reason and "an der Tür" in reason
    assert conduct.outcome_buttons[AppointmentStatus.ENDED_AT_DOOR].isVisible()
    clock.go(VISIT_DAY, 10, 20)
    messages.set_next_answer(True)  # "End as …?" is asked once
    conduct.outcome_buttons[AppointmentStatus.ENDED_AT_DOOR].click()
    assert s.appointments.get(visit.id).status is AppointmentStatus.ENDED_AT_DOOR
    assert "An der Tür beendet" in conduct.status.text()
    assert not conduct.outcome_buttons[AppointmentStatus.DONE].isVisible()
    state = s.workflow.state(visit.id, VISIT_DAY)
    assert state.conduct.started_at == datetime.combine(VISIT_DAY, time(10, 0))
    assert state.conduct.entered_home_at is None


def test_walk_and_talk_first_meeting(s: Session, qtbot: Any) -> None:
    clock = Clock(PLANNING_DAY)
    client = s.clients.save(Client(display_name="Olena Kovalenko"))
    plan = AppointmentDialog(s, None, None, day=VISIT_DAY, client_id=client.id)
    qtbot.addWidget(plan)
    plan.client.setCurrentIndex(plan.client.findData(client.id))
    plan.place.setText("Kirchplatz, am Brunnen")
    plan.first_meeting.setChecked(True)
    _save(plan)
    appointment = plan.saved
    assert appointment.first_meeting

    work = _work(qtbot, s, appointment.id, clock)
    rows = work.views[Phase.PREPARATION].rows
    sign: ItemRow = rows["dp.recognition_sign"]
    assert sign.label.isVisibleTo(work) and sign.mark.text() == "○"
    before = work.tabs.tabText(0)
    sign.editor.setFocus()
    sign.editor.setText("Rote Mütze")
    sign.editor.setModified(True)
    sign.editor.editingFinished.emit()
    assert sign.mark.text() == "✓"
    assert "02.11.2026 09:00" in sign.note.text()  # every answer timestamped
    assert work.tabs.tabText(0) != before
    stored = s.workflow.state(appointment.id, PLANNING_DAY).status.find("dp.recognition_sign")
    assert stored is not None and stored.answer.value == "Rote Mütze"  # type: ignore[union-attr]

    # without a first meeting the items are not shown
    other = s.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, datetime.combine(VISIT_DAY, time(14)), client_id=client.id,
        place="Park", staff_ids=appointment.staff_ids))  # fmt: skip
    work2 = _work(qtbot, s, other.id, clock)
    assert not work2.views[Phase.PREPARATION].rows["dp.recognition_sign"].label.isVisibleTo(work2)


def test_accompaniment_without_consent_is_explained(s: Session, qtbot: Any) -> None:
    clock = Clock(VISIT_DAY)
    client = s.clients.save(Client(display_name="Maik Wagner"))
    party = s.third_parties.save(ThirdParty(name="Schuldnerberatung"))
    a = s.appointments.save(Appointment.plan(
        Approach.ACCOMPANIMENT, datetime.combine(VISIT_DAY, time(11)), client_id=client.id,
        third_party_id=party.id, place="Marktstraße 3", staff_ids=[s.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    work = _work(qtbot, s, a.id, clock)
    start = work.conduct.step_buttons[Transition.START]
    assert not start.isEnabled()
    assert "ausdrücklichem Einverständnis" in work.conduct.step_reasons[Transition.START].text()
    # ending is always possible, also without consent
    cancel = work.conduct.outcome_buttons[AppointmentStatus.NOT_MET]
    assert cancel.isEnabled()
    messages.set_next_answer(True)
    cancel.click()
    assert s.appointments.get(a.id).status is AppointmentStatus.NOT_MET


def test_conduct_panel_shows_the_steps_the_rule_offers(s: Session, qtbot: Any) -> None:
    """The panel's buttons are the domain's `conduct_options`, the same the CLI lists: here a
    Walk and Talk with a third party (as `appointments add --third-party` plans it)."""
    clock = Clock(VISIT_DAY)
    clock.go(VISIT_DAY, 11)
    client = s.clients.save(Client(display_name="Maik Wagner"))
    party = s.third_parties.save(ThirdParty(name="Jugendberufsagentur"))
    a = s.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, datetime.combine(VISIT_DAY, time(11)), client_id=client.id,
        third_party_id=party.id, place="Stadtpark", staff_ids=[s.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    conduct = _work(qtbot, s, a.id, clock).conduct

    def shown() -> set[Transition]:
        return {t for t, b in conduct.step_buttons.items() if b.isVisibleTo(conduct)}

    options = s.workflow.state(a.id, VISIT_DAY).options
    offered = {o.transition for o in options.steps} - {Transition.CLOSE}
    assert shown() == offered == {
        Transition.START, Transition.OTHERS_PRESENT, Transition.THIRD_PARTY_ALONE
    }  # fmt: skip
    assert not conduct.outcome_buttons[AppointmentStatus.ENDED_AT_DOOR].isVisibleTo(conduct)
    conduct.step_buttons[Transition.START].click()
    assert not conduct.step_buttons[Transition.START].isEnabled()
    assert conduct.step_reasons[Transition.START].text() == "seit 11:00 Uhr"
    alone = conduct.step_buttons[Transition.THIRD_PARTY_ALONE]
    assert not alone.isEnabled()
    assert "Schweigepflichtentbindung" in conduct.step_reasons[Transition.THIRD_PARTY_ALONE].text()
    messages.set_next_answer(True)
    conduct.outcome_buttons[AppointmentStatus.DONE].click()
    assert shown() == set()
    assert not conduct.relocate.isVisibleTo(conduct)


def test_broken_agency_checklist_is_reported_and_builtin_used(
    s: Session, qtbot: Any, isolated_home: Any
) -> None:
    from outreach_desktop.services.checklists import builtin_dir, override_dir

    folder = override_dir()
    folder.mkdir(parents=True)
    text = (builtin_dir() / "home-visit.toml").read_text("utf-8")
    broken = text.replace("version = 1", "version = 2\nthis is = = not toml", 1)
    (folder / "home-visit.toml").write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("this is = = not toml") + 1

    client = s.clients.save(Client(display_name="Ute Voß"))
    a = s.appointments.save(Appointment.plan(
        Approach.HOME_VISIT, datetime.combine(VISIT_DAY, time(9)), client_id=client.id,
        staff_ids=[s.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    work = _work(qtbot, s, a.id, Clock(PLANNING_DAY))
    text = work.warnings.text()
    assert "Checklisten-Datei der Dienststelle ist fehlerhaft" in text
    assert f"home-visit.toml: Zeile {line}" in text
    versions = {c.id: c.version for c in work.state.checklists}
    assert versions["home-visit"] == 1  # the built-in one
    assert "hv.written_consent" in work.views[Phase.ON_SITE].rows


def test_lock_never_records_an_unconfirmed_outcome(
    qtbot: Any, make_window: Any, vault_dir: Any
) -> None:
    from outreach_desktop.services.vaults import create_vault
    from outreach_desktop.ui.workflow_dialogs import OutcomeDialog
    from testkit import FAST_KDF, PASSPHRASE

    session = create_vault(vault_dir, PASSPHRASE, owner_name="Alex", kdf=FAST_KDF)
    client = session.clients.save(Client(display_name="Kai Schulz"))
    today = date(2026, 11, 25)
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, datetime.combine(today, time(10)), client_id=client.id,
        place="Park", staff_ids=[session.owner().id]))  # type: ignore[union-attr]  # fmt: skip
    window = make_window(vault_dir)
    window.open_session(session)

    def in_work(work: AppointmentWorkDialog) -> None:
        def in_outcome(dialog: OutcomeDialog) -> None:
            dialog.reason.setPlainText("Kunde wollte nicht mehr")  # typed, not confirmed
            dialog._touch()
            window.lock()

        in_modal(qtbot, OutcomeDialog, in_outcome)
        work.conduct.outcome_buttons[AppointmentStatus.BROKEN_OFF].click()

    seen = in_modal(qtbot, AppointmentWorkDialog, in_work)
    window.workspace.today_page.open_appointment(a.id)
    assert seen and window.session is None
    from outreach_desktop.services.vaults import unlock_vault

    reopened = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert reopened.appointments.get(a.id).status is AppointmentStatus.PLANNED
    finally:
        reopened.lock()
