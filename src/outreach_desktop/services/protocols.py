"""Memory protocols: begin from an appointment (or standalone), autosave drafts, finalize,
countersign, addenda; anonymous counselling; full-text search."""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from dataclasses import replace
from datetime import date, datetime

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.conduct import real_minutes
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.protocols import (
    EDITABLE,
    Addendum,
    AnonymousCounselling,
    OtherPresent,
    Protocol,
    ProtocolListing,
    check_addendum,
)
from outreach_desktop.domain.search import Hit
from outreach_desktop.domain.text_safety import clean_text
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.consent_repo import ConsentRepository
from outreach_desktop.storage.people_repos import ClientRepository
from outreach_desktop.storage.protocol_repo import (
    RANK_LIMIT as RANK_LIMIT,  # for the search page's note on capped results
)
from outreach_desktop.storage.protocol_repo import (
    AnonymousRepository,
    ProtocolRepository,
    SearchIndex,
)
from outreach_desktop.storage.workflow_repo import WorkflowRepository


class ProtocolService:
    def __init__(
        self,
        repo: ProtocolRepository,
        anonymous: AnonymousRepository,
        appointments: AppointmentRepository,
        consents: ConsentRepository,
        index: SearchIndex,
        clients: ClientRepository,
        conducts: WorkflowRepository | None = None,
    ) -> None:
        self._repo = repo
        self._anonymous = anonymous
        self._appointments = appointments
        self._consents = consents
        self._index = index
        self._clients = clients
        self._conducts = conducts

    def find(self, protocol_id: str) -> Protocol | None:
        return self._repo.find(protocol_id)

    def many(self, protocol_ids: Iterable[str]) -> list[Protocol]:
        """The stored protocols among the ids, in a few queries (missing ones left out)."""
        return self._repo.many(protocol_ids)

    def get(self, protocol_id: str) -> Protocol:
        return self._repo.get(protocol_id)

    def all(self) -> list[Protocol]:
        return self._repo.all()

    def listing(self, query: str = "", offset: int = 0, limit: int = 200) -> list[ProtocolListing]:
        """A page of the Protokolle list (drafts first, newest first), filtered by every word
        of `query` in the client's name or the protocol's place and topics."""
        return self._repo.listing(query, offset, limit)

    def drafts(self) -> list[Protocol]:
        return self._repo.drafts()

    def for_appointment(self, appointment_id: str) -> list[Protocol]:
        return self._repo.for_appointment(appointment_id)

    def begin(
        self,
        now: datetime,
        *,
        appointment_id: str | None = None,
        client_id: str | None = None,
        approach: Approach = Approach.WALK_AND_TALK,
        met_at: datetime | None = None,
        staff_ids: list[str] | None = None,
        protocol_id: str | None = None,
    ) -> Protocol:
        """A new draft: from an appointment (its client, approach, staff, place and the
        presence consents given for it) or standalone, e.g. a spontaneous Walk and Talk.
        `protocol_id` fixes the new id (demo data)."""
        if appointment_id is not None:
            a = self._appointments.get(appointment_id)
            if a.client_id is None:
                raise DomainError(
                    "Ein anonymer Termin wird als anonyme Beratung erfasst, ohne Inhalte."
                )
            begun, minutes = self._real_times(a.id)
            protocol = Protocol(  # the real times where they were recorded on site
                approach=a.approach, met_at=begun or a.start, written_at=now,
                duration_min=minutes or a.planned_duration_min,
                appointment_id=a.id,
                client_id=a.client_id, staff_ids=list(a.staff_ids), place=self._place(a),
            )  # fmt: skip
            protocol.others_present = self._others_present(protocol)
        else:
            protocol = Protocol(
                approach=approach, met_at=met_at or now, written_at=now, client_id=client_id,
                staff_ids=list(staff_ids or []),
            )  # fmt: skip
        if protocol_id:
            protocol.id = protocol_id
        return self._repo.save(protocol)

    def _place(self, a: Appointment) -> str:
        """The appointment's place; a home visit without one took place at the client's home."""
        if a.place or a.approach is not Approach.HOME_VISIT or a.client_id is None:
            return a.place
        client = self._clients.find(a.client_id)
        address = ", ".join(line.strip() for line in (client.address if client else "").splitlines()
                            if line.strip())  # fmt: skip
        return f"Wohnung, {address}" if address else "Wohnung"

    def save_draft(self, protocol: Protocol) -> Protocol:
        """Autosave and explicit saves of a draft; a finalized protocol is refused. Only what
        the writer may change is taken from `protocol`: its text, duration, success and routing
        flags — never its people, its links, a signature or an addendum."""
        stored = self._repo.get(protocol.id)
        stored.require_draft()
        before = copy(stored)
        for name in EDITABLE:
            setattr(stored, name, getattr(protocol, name))
        stored.revision = protocol.revision
        stored.others_present = self._others_present(stored)
        stored.validate(before)  # a text over its limit only where it changed
        return self._repo.save(stored, check=False)

    def _others_present(self, protocol: Protocol) -> list[OtherPresent]:
        """Others present as documented by presence consents for the appointment (also those
        recorded after the draft was begun); entries without a consent are kept as they are."""
        if protocol.appointment_id is None:
            return protocol.others_present
        a = self._appointments.get(protocol.appointment_id)
        documented = [
            OtherPresent(name, role, c.id)
            for c in self._consents.for_appointment(a)
            if c.kind is ConsentKind.PRESENCE and c.is_valid_for(a, a.start.date())
            for name, role in c.others_present
        ]
        names = {o.name for o in documented}
        # someone whose consent no longer counts stays listed, now without it: finalizing then
        # asks for the consent instead of the person silently vanishing from the record
        return documented + [OtherPresent(o.name, o.role, None) for o in protocol.others_present
                             if o.name not in names]  # fmt: skip

    def has_handover_consent(self, protocol: Protocol, on: date) -> bool:
        """A handover consent of the client, in force on `on` (the day the information is
        passed on, i.e. when the protocol is finalized), for this appointment or any."""
        if protocol.client_id is None:
            return False
        return any(
            c.appointment_id in (None, protocol.appointment_id) and c.is_valid_on(on)
            for c in self._consents.for_client(protocol.client_id, ConsentKind.HANDOVER)
        )

    def _real_times(self, appointment_id: str | None) -> tuple[datetime | None, int | None]:
        """When the appointment began and how many minutes it took, as recorded on site (None
        for what was not recorded, or where the session has no conduct records)."""
        if self._conducts is None or appointment_id is None:
            return None, None
        conduct = self._conducts.conduct(appointment_id)
        minutes = real_minutes(conduct)
        return conduct.started_at, min(minutes, 8 * 60) if minutes else None

    def finalize(self, protocol_id: str, now: datetime, by: str) -> Protocol:
        """Close the protocol for good; it keeps the real times recorded on site (also when it
        was begun before the appointment ended), so they travel with it to the office."""
        protocol = self._repo.get(protocol_id)
        protocol.require_draft()
        begun, minutes = self._real_times(protocol.appointment_id)
        protocol.met_at = begun or protocol.met_at
        protocol.duration_min = minutes or protocol.duration_min
        protocol.others_present = self._others_present(protocol)
        protocol.finalize_check(self.has_handover_consent(protocol, now.date()))
        protocol.finalized_at, protocol.finalized_by = now, by
        return self._repo.save(protocol)

    def countersign(self, protocol_id: str, staff_id: str, now: datetime) -> Protocol:
        """Home visit: the second staff member countersigns the finalized protocol."""
        protocol = self._repo.get(protocol_id)
        if protocol.approach is not Approach.HOME_VISIT:
            raise DomainError("Gegengezeichnet werden Protokolle von Hausbesuchen.")
        if not protocol.is_final:
            raise DomainError("Bitte das Protokoll zuerst abschließen.")
        if protocol.countersigned_at is not None:
            raise DomainError("Das Protokoll ist bereits gegengezeichnet.")
        if staff_id == protocol.finalized_by or staff_id not in protocol.staff_ids:
            raise DomainError("Gegenzeichnen kann die zweite Person des Hausbesuchs.")
        protocol.countersigned_by, protocol.countersigned_at = staff_id, now
        return self._repo.save(protocol)

    def add_addendum(self, protocol_id: str, text: str, now: datetime, by: str) -> Protocol:
        protocol = self._repo.get(protocol_id)
        if not protocol.is_final:
            raise DomainError("Nachträge gibt es zu abgeschlossenen Protokollen.")
        if not text.strip():
            raise DomainError("Der Nachtrag ist leer.")
        cleaned = clean_text(text).strip()
        check_addendum(cleaned)
        protocol.addenda.append(Addendum(now, by, cleaned))
        return self._repo.save(protocol)

    def anonymous_counselling(self) -> list[AnonymousCounselling]:
        return self._anonymous.all()

    def appointments_with_protocol(self, among: Iterable[str] | None = None) -> set[str]:
        """Ids of the appointments that have a protocol (draft or final); with `among`, only
        those of these appointments (a few index lookups instead of every protocol)."""
        return self._repo.appointments_with_protocol(among)

    def record_anonymous(
        self,
        day: date,
        approach: Approach,
        duration_min: int,
        staff_ids: list[str],
        *,
        counselling_id: str | None = None,
    ) -> AnonymousCounselling:
        """`counselling_id` fixes the new id (demo data)."""
        record = AnonymousCounselling(
            day=day, approach=approach, duration_min=duration_min, staff_ids=staff_ids
        )
        if counselling_id:
            record.id = counselling_id
        return self._anonymous.save(record)

    def search(self, text: str, limit: int = 50) -> list[Hit]:
        return self._index.search(text, limit)

    def search_capped(self, text: str, limit: int = 50) -> tuple[list[Hit], bool]:
        """The hits, and whether the words matched more than `RANK_LIMIT` entries (then the
        best of the newest of them are shown: ranking all would take too long)."""
        return self._index.find(text, limit)

    def plan_follow_up(self, protocol_id: str, start: datetime, place: str) -> Appointment:
        """The follow-up appointment the protocol names: linked to the protocol's appointment
        (or, for a protocol without one, a new appointment for the same client and approach)."""
        protocol = self._repo.get(protocol_id)
        protocol.require_draft()
        if protocol.follow_up_id and self._appointments.find(protocol.follow_up_id):
            raise DomainError(
                "Für dieses Protokoll ist schon ein Folgetermin geplant; "
                "ändern Sie ihn unter Termine."
            )
        if protocol.appointment_id:
            new = self._appointments.get(protocol.appointment_id).follow_up(start, place)
        else:
            new = Appointment.plan(
                protocol.approach, start, client_id=protocol.client_id, place=place,
                staff_ids=list(protocol.staff_ids),
            )  # fmt: skip
        with self._repo.db.transaction():
            saved = self._appointments.save(new)
            protocol.follow_up_id = saved.id
            self._repo.save(protocol)
        return saved

    def delete_draft(self, protocol_id: str) -> None:
        """Drafts may be thrown away; a finalized protocol never (the database refuses too)."""
        self._repo.get(protocol_id).require_draft()
        self._repo.delete(protocol_id)

    def copy_draft(self, protocol: Protocol) -> Protocol:
        return replace(protocol, staff_ids=list(protocol.staff_ids),
                       others_present=list(protocol.others_present),
                       addenda=list(protocol.addenda))  # fmt: skip
