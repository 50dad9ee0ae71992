"""What `WorkflowService.state` reads besides the workflow records, read for many appointments
at once (Heute lists hundreds): the appointments, their clients, which have a follow-up or a
finalized protocol, and the staff ids. Kept per thread, as the repositories' own preloads."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client
from outreach_desktop.storage.appointment_repo import AppointmentRepository
from outreach_desktop.storage.people_repos import ClientRepository, StaffRepository
from outreach_desktop.storage.workflow_repo import WorkflowRepository


@dataclass(frozen=True)
class Bulk:
    appointments: dict[str, Appointment]
    clients: dict[str, Client]
    follow_ups: set[str]  # appointment ids with a follow-up planned
    final_protocols: set[str]  # appointment ids with a finalized protocol
    staff_ids: set[str]


class BulkSlot(threading.local):
    bulk: Bulk | None = None


def load_bulk(
    ids: list[str],
    appointments: AppointmentRepository,
    clients: ClientRepository,
    staff: StaffRepository,
    workflow: WorkflowRepository,
    known: Iterable[Appointment] = (),
) -> Bulk:
    """`known`: appointments the caller has just read (a list's rows): not read again."""
    wanted = set(ids)
    found = {a.id: a for a in known if a.id in wanted}
    missing = [i for i in ids if i not in found]
    found.update((a.id, a) for a in appointments.many(missing))
    client_ids = {a.client_id for a in found.values() if a.client_id}
    return Bulk(
        found,
        {c.id: c for c in clients.many(client_ids)},
        appointments.with_follow_up(ids),
        workflow.with_final_protocol(ids),
        set(staff.ids()),
    )
