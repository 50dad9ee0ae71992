"""A home visit agreed by phone, through the services (issue 12, item 5): the letters become
optional (nothing due, the checklist's call and letter items fall away), the announcement
letter (it tells of failed calls) is refused with a pointer to the confirmation letter, which
renders; an agreement on a call that did not reach the client is refused, the vault unchanged."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import ItemState
from outreach_desktop.domain.documents import DocumentKind
from outreach_desktop.domain.errors import DomainError, ValidationError
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome, LetterKind, LetterState
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.documents import DocumentService
from outreach_desktop.services.session import Session

TODAY = date(2026, 11, 2)
VISIT = datetime.combine(TODAY + timedelta(days=30), time(10))


@pytest.fixture
def visit(session: Session) -> Appointment:
    client = session.clients.save(
        Client(display_name="Heike Voß", address="Lindenweg 4\n29439 Lüchow")
    )
    owner = session.owner()
    assert owner is not None
    return session.appointments.save(
        Appointment.plan(Approach.HOME_VISIT, VISIT, client_id=client.id, staff_ids=[owner.id])
    )


def test_a_visit_agreed_by_phone_needs_no_letters(session: Session, visit: Appointment) -> None:
    wf = session.workflow
    announce_opens = VISIT.date() - timedelta(days=28)
    assert [w.kind for _a, w in wf.letters_due(announce_opens)] == [LetterKind.ANNOUNCEMENT]
    hv_items = {"hv.failed_calls", "hv.announcement_sent", "hv.reminder_sent"}
    before = wf.state(visit.id, TODAY).status.items
    assert hv_items <= {i.item.id for i in before if i.state is not ItemState.NOT_APPLICABLE}

    call = CallAttempt(datetime.combine(TODAY, time(9)), CallOutcome.REACHED, agreed=True)
    wf.log_call(visit.id, call)
    [stored] = wf.state(visit.id, TODAY).calls
    assert stored.call.agreed is True  # read back from the vault

    assert wf.letters_due(announce_opens) == []
    assert wf.letters_due(VISIT.date() - timedelta(days=10)) == []
    state = wf.state(visit.id, announce_opens)
    assert state.facts["agreed_by_phone"] is True
    assert state.timeline is not None and state.timeline.agreed_by_phone
    assert state.timeline.warnings == ()
    assert state.timeline.announcement_state is LetterState.OPTIONAL_AGREED
    applies = {i.item.id for i in state.status.items if i.state is not ItemState.NOT_APPLICABLE}
    assert not hv_items & applies

    with pytest.raises(DomainError, match=r"telefonisch vereinbart.*Terminbestätigung"):
        DocumentService(session).letter(visit.id, DocumentKind.ANNOUNCEMENT_LETTER, TODAY)
    confirmation = DocumentService(session).letter(
        visit.id, DocumentKind.CONFIRMATION_LETTER, TODAY
    )
    assert confirmation.pdf.startswith(b"%PDF")


def test_the_announcement_letter_still_renders_after_failed_calls(
    session: Session, visit: Appointment
) -> None:
    for hour in (9, 14):
        call = CallAttempt(datetime.combine(TODAY, time(hour)), CallOutcome.NO_ANSWER)
        session.workflow.log_call(visit.id, call)
    rendered = DocumentService(session).letter(visit.id, DocumentKind.ANNOUNCEMENT_LETTER, TODAY)
    assert rendered.pdf.startswith(b"%PDF")


def test_agreement_needs_a_reached_call(session: Session, visit: Appointment) -> None:
    call = CallAttempt(datetime.combine(TODAY, time(9)), CallOutcome.NO_ANSWER, agreed=True)
    with pytest.raises(ValidationError, match="erreicht"):
        session.workflow.log_call(visit.id, call)
    assert session.workflow.state(visit.id, TODAY).calls == []
