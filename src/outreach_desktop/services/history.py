"""History written at once: many clients, past appointments with what was recorded for them
(answers, calls, letters, the conduct record) and protocols, each validated like a single save
and written with one statement per table. For demo data at scale (years of a caseworker's
work in a minute); call inside `Session.transaction()` so everything commits once."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Answer, Checklist, Item
from outreach_desktop.domain.conduct import Conduct
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.home_visit import CallAttempt, Letter
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.workflow import WorkflowService
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.history_repo import (
    AnswerRow,
    CallRow,
    HistoryRepository,
    LetterRow,
)
from outreach_desktop.storage.people_repos import ClientRepository
from outreach_desktop.storage.protocol_repo import ProtocolRepository

BULK_CACHE_MB = 256  # while years of history are written (the usual cache: 64 MB)


@dataclass
class PastAppointment:
    """An appointment with what was recorded for it (its outcome in `conduct`)."""

    appointment: Appointment
    answers: list[Answer] = field(default_factory=list)
    calls: list[CallAttempt] = field(default_factory=list)
    letters: list[Letter] = field(default_factory=list)
    conduct: Conduct | None = None


class HistoryService:
    def __init__(
        self,
        clients: ClientRepository,
        appointments: AppointmentRepository,
        protocols: ProtocolRepository,
        repo: HistoryRepository,
        workflow: WorkflowService,
    ) -> None:
        self._clients = clients
        self._appointments = appointments
        self._protocols = protocols
        self._repo = repo
        self._workflow = workflow

    def bulk(self) -> AbstractContextManager[None]:
        """Around a fill of years of history: a page cache of `BULK_CACHE_MB` (a large demo
        fills in about two thirds of the time), the usual one again after it."""
        return self._repo.db.page_cache(BULK_CACHE_MB)

    def add_clients(self, clients: list[Client], now: datetime) -> list[Client]:
        return self._clients.insert_many(clients, now)

    def add_appointments(
        self, entries: list[PastAppointment], now: datetime, call_id: Callable[[], str]
    ) -> None:
        """The appointments and their records; `call_id` draws the call attempts' ids."""
        items = self._items()
        staff = set(self._workflow.staff_ids())
        answers: list[AnswerRow] = []
        calls: list[CallRow] = []
        letters: list[LetterRow] = []
        for e in entries:
            a = e.appointment
            for answer in e.answers:
                checklist, item = items[a.approach].get(answer.item_id, (None, None))
                if checklist is None or item is None:
                    raise DomainError(f"Die Checkliste hat keinen Punkt „{answer.item_id}“.")
                self._workflow.check_value(item, answer.value, staff)
                answers.append(AnswerRow(a.id, checklist.id, checklist.version, answer))
            if (e.calls or e.letters) and a.approach is not Approach.HOME_VISIT:
                raise DomainError("Anrufversuche und Briefe gibt es nur für Hausbesuche.")
            for call in e.calls:
                call.validate()
                calls.append(CallRow(call_id(), a.id, call))
            letters += [LetterRow(a.id, x.kind, x.sent_on) for x in e.letters if x.sent_on]
        with self._repo.db.transaction():
            self._appointments.insert_many([e.appointment for e in entries], now)
            self._repo.insert_answers(answers, now)
            self._repo.insert_calls(calls, now)
            self._repo.insert_letters(letters, now)
            self._repo.insert_conducts([e.conduct for e in entries if e.conduct], now)

    def add_protocols(self, protocols: list[Protocol], now: datetime) -> list[Protocol]:
        return self._protocols.insert_many(protocols, now)

    def _items(self) -> dict[Approach, dict[str, tuple[Checklist, Item]]]:
        checklists = self._workflow.checklist_set
        return {
            approach: {i.id: (c, i) for c in checklists.for_approach(approach) for i in c.items}
            for approach in Approach
        }
