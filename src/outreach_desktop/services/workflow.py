"""Use cases of the approach workflows: checklist status and answers, the home-visit timeline,
conducting an appointment, follow-ups and new appointments at another place."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklist_prefill import known_facts, prefilled_answers
from outreach_desktop.domain.checklists import (
    Answer,
    Checklist,
    Item,
    ItemKind,
    Transition,
    evaluate,
)
from outreach_desktop.domain.conduct import (
    BrokenOffBy,
    Conduct,
    apply_transition,
    finish,
    is_finished,
)
from outreach_desktop.domain.consents import ConsentKind, ConsentLookup
from outreach_desktop.domain.date_window import require_date
from outreach_desktop.domain.documentation import documentation_facts, record_map
from outreach_desktop.domain.errors import DomainError, FieldError, ValidationError
from outreach_desktop.domain.home_visit import (
    CallAttempt,
    LetterKind,
    LetterWindow,
    TimelineSettings,
    agreed_by_phone,
    letters_due,
    letters_horizon,
    sent_on,
)
from outreach_desktop.domain.home_visit_timeline import (
    announce_blocker,
    announcement_cutoff,
    timeline,
)
from outreach_desktop.domain.records import new_id
from outreach_desktop.domain.text_safety import clean_line
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.services.answer_values import check_answer_value
from outreach_desktop.services.appointment_state import AppointmentState as AppointmentState
from outreach_desktop.services.appointment_state import yes_no_answers as yes_no_answers
from outreach_desktop.services.checklists import ChecklistSet, load_checklists
from outreach_desktop.services.collector import collector_paused
from outreach_desktop.services.workflow_bulk import BulkSlot, load_bulk
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.people_repos import ClientRepository, StaffRepository
from outreach_desktop.storage.workflow_repo import StoredAnswer, StoredCall, WorkflowRepository


class WorkflowService:
    def __init__(
        self,
        appointments: AppointmentRepository,
        clients: ClientRepository,
        staff: StaffRepository,
        repo: WorkflowRepository,
        consents: ConsentLookup,
        checklists: ChecklistSet | None = None,
        timeline_settings: TimelineSettings | None = None,
    ) -> None:
        self._appointments = appointments
        self._clients = clients
        self._staff = staff
        self._repo = repo
        self._consent_lookup = consents
        self._checklists = checklists
        self.timeline_settings = timeline_settings or TimelineSettings()
        self._known = BulkSlot()  # inside `preloaded`: what `state` reads besides the workflow

    @property
    def checklist_set(self) -> ChecklistSet:
        if self._checklists is None:
            self._checklists = load_checklists()
        return self._checklists

    # ---- state -------------------------------------------------------------------------------
    def facts(
        self,
        a: Appointment,
        today: date,
        calls: list[StoredCall] | None = None,
        conduct: Conduct | None = None,
    ) -> dict[str, bool]:
        calls = self._repo.calls(a.id) if calls is None else calls
        conduct = self._repo.conduct(a.id) if conduct is None else conduct
        letters = self._repo.letters(a.id)
        # the checklist's "enough failed calls" is the timeline's own rule
        until = announcement_cutoff(letters, today)
        blocker = announce_blocker([c.call for c in calls], self.timeline_settings, until)
        known = self._known.bulk
        if known is None:
            client = self._clients.find(a.client_id) if a.client_id else None
            follow_up = self._appointments.has_follow_up(a.id)
            final = self._repo.has_final_protocol(a.id)
        else:
            client = known.clients.get(a.client_id or "")
            follow_up, final = a.id in known.follow_ups, a.id in known.final_protocols
        return {
            "first_meeting": a.first_meeting,
            "spontaneous": a.spontaneous,
            "walk_and_talk": a.approach is Approach.WALK_AND_TALK,
            "accompaniment": a.approach is Approach.ACCOMPANIMENT,
            "home_visit": a.approach is Approach.HOME_VISIT,
            "second_staff": len(a.staff_ids) >= 2,
            "failed_calls_enough": blocker is None,
            "announcement_sent": sent_on(letters, LetterKind.ANNOUNCEMENT) is not None,
            "reminder_sent": sent_on(letters, LetterKind.REMINDER) is not None,
            "agreed_by_phone": agreed_by_phone(c.call for c in calls),
            "third_party_set": bool(a.third_party_id),
            "not_own_caseload": client is not None and not client.in_own_caseload,
            "follow_up_planned": follow_up,
            "client_known": a.client_id is not None,
            **documentation_facts(conduct, final, self._repo.office_entered(a.id)),
        }

    def valid_consents(self, a: Appointment, day: date) -> set[ConsentKind]:
        return self._consent_lookup.valid_kinds(a, day)

    def state(self, appointment_id: str, today: date) -> AppointmentState:
        require_date(today, "today", "Heute")
        known = self._known.bulk
        a = known.appointments.get(appointment_id) if known else None
        a = a or self._appointments.get(appointment_id)
        require_date(a.start, "start", "Beginn")  # stored before the window
        checklists = self.checklist_set.for_approach(a.approach)
        calls, conduct = self._repo.calls(a.id), self._repo.conduct(a.id)
        facts = self.facts(a, today, calls, conduct)
        records = self._consent_lookup.records(a)
        consents = {c.kind for c in records if c.is_valid_for(a, today)}
        answers = prefilled_answers(
            checklists, known_facts(a, records), self._answers(a, checklists)
        )
        status = evaluate(checklists, facts, answers, consents)
        line = None
        warnings: list[str] = []
        if a.approach is Approach.HOME_VISIT:
            line = timeline(
                a.start.date(), [c.call for c in calls], self._repo.letters(a.id), today,
                self.timeline_settings, a.status is AppointmentStatus.CANCELLED,
            )  # fmt: skip
            if not facts["second_staff"]:
                warnings.append(
                    "Ein Hausbesuch wird in der Regel zu zweit gemacht: "
                    "bitte eine zweite Person eintragen."
                )
        if a.buffer_min == 0:
            warnings.append("Kein Zeitpuffer geplant: Außentermine dauern oft länger.")
        return AppointmentState(
            a, checklists, status, conduct, facts, consents, calls, line, warnings
        )

    def _answers(self, a: Appointment, checklists: list[Checklist]) -> dict[str, Answer]:
        """Stored answers; a person answer naming someone no longer in the vault is dropped."""
        people = {i.id for c in checklists for i in c.items if i.kind is ItemKind.PERSON}
        known = self._known.bulk
        staff = (known.staff_ids if known else set(self._staff.ids())) if people else set()
        return {
            k: v.answer
            for k, v in self._repo.answers(a.id).items()
            if k not in people or v.answer.value in staff
        }

    # ---- answers -----------------------------------------------------------------------------
    def answers(self, appointment_id: str) -> dict[str, StoredAnswer]:
        """The stored answers by item id, each with the checklist version it was given under."""
        return self._repo.answers(appointment_id)

    @contextmanager
    def preloaded(
        self, appointment_ids: Iterable[str], known: Iterable[Appointment] = ()
    ) -> Iterator[None]:
        """Inside the block, `state()` of these appointments reads from one bulk load
        (for lists such as Heute): a bounded number of queries, however many. Read-only use.
        `known`: those of the appointments the caller has just read (not read again)."""
        ids = list(dict.fromkeys(appointment_ids))
        with collector_paused():  # thousands of objects made: no full collection meanwhile
            bulk = load_bulk(ids, self._appointments, self._clients, self._staff, self._repo,
                             known)  # fmt: skip
            client_ids = {a.client_id for a in bulk.appointments.values() if a.client_id}
            with self._repo.preloaded(ids), self._consent_lookup.preloaded(client_ids):
                self._known.bulk = bulk
                try:
                    yield
                finally:
                    self._known.bulk = None

    def states(
        self, appointment_ids: Iterable[str], today: date, known: Iterable[Appointment] = ()
    ) -> dict[str, AppointmentState]:
        """`state()` of many appointments, read in bulk (Heute, lists with progress); `known`
        as for `preloaded`."""
        ids = list(dict.fromkeys(appointment_ids))
        with self.preloaded(ids, known):
            return {i: self.state(i, today) for i in ids}

    def documented_at_map(self, appointment_ids: Iterable[str]) -> set[str]:
        """Those of `appointment_ids` documented at the MAP instead of a memory protocol."""
        return self._repo.with_map_documentation(appointment_ids)

    def _find_item(self, a: Appointment, item_id: str) -> tuple[Checklist, Item]:
        for checklist in self.checklist_set.for_approach(a.approach):
            for item in checklist.items:
                if item.id == item_id:
                    return checklist, item
        raise DomainError(f"Die Checkliste dieses Termins hat keinen Punkt „{item_id}“.")

    def answer(
        self,
        appointment_id: str,
        item_id: str,
        value: Any,
        now: datetime,
        by: str | None = None,
    ) -> None:
        """Record an answer with its time; None clears it."""
        a = self._appointments.get(appointment_id)
        checklist, item = self._find_item(a, item_id)
        if value is None:
            self._repo.clear_answer(a.id, item.id)
            return
        if isinstance(value, str):
            value = clean_line(value)
        self.check_value(item, value)
        stored = self._repo.answers(a.id).get(item.id)
        if stored is not None and stored.answer.value == value:
            return  # unchanged: keep the time it was given
        self._repo.save_answer(a.id, checklist, item, Answer(item.id, value, now, by))

    def check_value(self, item: Item, value: Any, staff: Collection[str] | None = None) -> None:
        """Refuse a value `item` cannot take (ValidationError naming the item); `staff`: the
        ids of the vault's staff when the caller has them already (bulk writes)."""
        check_answer_value(item, value, lambda i: self._is_staff(i, staff))

    def _is_staff(self, staff_id: str, staff: Collection[str] | None) -> bool:
        return staff_id in staff if staff is not None else self._staff.find(staff_id) is not None

    def staff_ids(self) -> list[str]:
        return list(self._staff.ids())

    # ---- home-visit timeline -----------------------------------------------------------------
    def log_call(self, appointment_id: str, call: CallAttempt) -> str:
        a = self._appointments.get(appointment_id)
        if a.approach is not Approach.HOME_VISIT:
            raise DomainError("Anrufversuche werden nur für Hausbesuche erfasst.")
        return self._repo.add_call(appointment_id, call)

    def delete_call(self, call_id: str) -> None:
        self._repo.delete_call(call_id)

    def set_letter_sent(self, appointment_id: str, kind: LetterKind, day: date | None) -> None:
        if day is not None:
            require_date(day, "sent_on", "Versendet am")
        a = self._appointments.get(appointment_id)
        if a.approach is not Approach.HOME_VISIT:
            raise DomainError("Briefe gibt es nur für Hausbesuche.")
        if a.status.is_outcome:  # the GUI offers no button then; the CLI is refused here
            raise DomainError(
                f"Der Hausbesuch hat bereits ein Ergebnis ({a.status.label_de}): "
                "Briefe werden nicht mehr erfasst."
            )
        self._repo.set_letter_sent(a.id, kind, day)

    def letters_due(self, today: date) -> list[tuple[Appointment, LetterWindow]]:
        """Letters whose window is open and that are not sent, for planned home visits."""
        due = self.letters_due_ids(today)
        found = {a.id: a for a in self._appointments.many(i for i, _w in due)}  # only those
        return [(found[i], w) for i, w in due]

    def letters_due_ids(self, today: date) -> list[tuple[str, LetterWindow]]:
        """`letters_due` with the appointments by id (Heute reads the ones it shows)."""
        require_date(today, "date", "Datum")
        due: list[tuple[str, LetterWindow]] = []
        horizon = today + timedelta(days=letters_horizon(self.timeline_settings) + 1)
        visits = self._appointments.planned_home_visit_days(today, horizon)  # none beyond
        with self._repo.preloaded((i for i, _day in visits), timeline_only=True):  # in bulk
            for appointment_id, day in visits:
                agreed = agreed_by_phone(c.call for c in self._repo.calls(appointment_id))
                for window in letters_due(
                    day, self._repo.letters(appointment_id), today, self.timeline_settings,
                    False, agreed,
                ):  # fmt: skip
                    due.append((appointment_id, window))
        return sorted(due, key=lambda pair: pair[1].due)

    # ---- conduct -----------------------------------------------------------------------------
    def step(self, appointment_id: str, transition: Transition, now: datetime) -> AppointmentState:
        """Take a step of the conduct flow, or raise RuleBlocked with the reasons."""
        s = self.state(appointment_id, now.date())
        a, conduct = s.appointment, s.conduct
        apply_transition(a, conduct, transition, s.status, s.consents, now)
        with self._repo.db.transaction():
            self._appointments.save(a)
            self._repo.save_conduct(conduct)
        return self.state(appointment_id, now.date())

    def close(self, appointment_id: str, now: datetime) -> AppointmentState:
        """Nachbereitung abschließen, or raise RuleBlocked with what is still open."""
        return self.step(appointment_id, Transition.CLOSE, now)

    def document_at_map(self, appointment_id: str, by: str, now: datetime) -> AppointmentState:
        """Documented directly at the mobile workstation (MAP) in VerBIS, by `by`, now: meets
        the documentation item instead of a memory protocol (`documentation.record_map`)."""
        a = self._appointments.get(appointment_id)
        conduct = self._repo.conduct(a.id)
        record_map(a, conduct, by, now)
        with self._repo.db.transaction():
            self._repo.save_conduct(conduct)
        return self.state(appointment_id, now.date())

    def finish(
        self,
        appointment_id: str,
        outcome: AppointmentStatus,
        now: datetime,
        *,
        broken_off_by: BrokenOffBy | None = None,
        reason: str = "",
    ) -> AppointmentState:
        s = self.state(appointment_id, now.date())
        a, conduct = s.appointment, s.conduct
        finish(a, conduct, outcome, now, broken_off_by=broken_off_by, reason=reason,
               facts=yes_no_answers(s))  # fmt: skip
        with self._repo.db.transaction():
            self._appointments.save(a)
            self._repo.save_conduct(conduct)
        return self.state(appointment_id, now.date())

    def relocate(
        self,
        appointment_id: str,
        start: datetime,
        place: str,
        now: datetime,
        *,
        new_appointment_id: str | None = None,
    ) -> Appointment:
        """The place is unsuitable: end this appointment as postponed and plan a new one at
        another place, linked to it. `new_appointment_id` fixes the new id (demo data)."""
        a = self._appointments.get(appointment_id)
        conduct = self._repo.conduct(a.id)
        if is_finished(a, conduct):
            raise DomainError("Nur ein geplanter oder laufender Termin kann verlegt werden.")
        if not place.strip() or place.strip() == a.place.strip():
            raise ValidationError([FieldError("place", "Ort", "Bitte einen anderen Ort angeben.")])
        new = replace(
            a, id=new_appointment_id or new_id(), start=start, place=place,
            status=AppointmentStatus.PLANNED, relocated_from_id=a.id, predecessor_id=None,
            created_at=None, updated_at=None, revision=0, origin_device=None,
            staff_ids=list(a.staff_ids),
        )  # fmt: skip
        reason = "Ort ungeeignet: neuer Termin an anderem Ort."
        finish(a, conduct, AppointmentStatus.POSTPONED, now, reason=reason)
        with self._repo.db.transaction():
            self._appointments.save(new)
            self._appointments.save(a)
            self._repo.save_conduct(conduct)
        return new

    def follow_up(
        self,
        appointment_id: str,
        start: datetime,
        place: str | None = None,
        *,
        new_appointment_id: str | None = None,
    ) -> Appointment:
        """A follow-up appointment linked to its predecessor (same client, approach, staff).
        `new_appointment_id` fixes the new id (demo data)."""
        new = self._appointments.get(appointment_id).follow_up(start, place, new_appointment_id)
        return self._appointments.save(new)
