"""Memory protocols through the protocol service: for past appointments where the client was
met, drafts and finalized ones with addenda and a countersignature; and anonymous counselling
with no content at all."""

from __future__ import annotations

from datetime import timedelta

from outreach_desktop.demo.conduct import MET
from outreach_desktop.demo.data import PROTOCOL_FIELDS
from outreach_desktop.demo.days import at
from outreach_desktop.demo.run import DemoRun
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.vocabulary import Approach

ANONYMOUS = ((3, Approach.WALK_AND_TALK, 40), (8, Approach.WALK_AND_TALK, 25))  # days ago, min


def met_before_today(run: DemoRun) -> list[Appointment]:
    return [
        a for a in run.session.appointments.search("", limit=-1)
        if a.client_id and a.start.date() < run.today and a.status in MET
    ]  # fmt: skip


def write_protocol(run: DemoRun, a: Appointment, index: int) -> None:
    """A draft written on the day; two in three finalized, some of those with an addendum, and
    a home visit's countersigned by the second person."""
    service = run.session.protocols
    written = at(a.start.date(), 16, 30)
    draft = service.begin(written, appointment_id=a.id, protocol_id=run.rid())
    first = run.session.clients.get(a.client_id or "").display_name.split()[0]
    text = run.texts.protocols[a.approach]
    draft.topics, draft.course, draft.agreements, draft.next_steps = (
        text[field].format(first=first) for field in PROTOCOL_FIELDS
    )
    draft.reflection = run.texts.reflection
    draft.new_need = run.rng.choice(run.texts.new_needs)
    draft.benefit_relevant = index % 4 == 1
    draft.others_present = [o for o in draft.others_present if o.consent_id]
    service.save_draft(draft)
    if index % 3 == 2:
        return  # stays a draft: written in a hurry, to be finished at the office
    final = service.finalize(draft.id, written + timedelta(minutes=20), run.owner.id)
    if index % 3 == 1:
        service.add_addendum(final.id, run.texts.addendum, written + timedelta(days=1),
                             run.owner.id)  # fmt: skip
    if a.approach is Approach.HOME_VISIT and len(a.staff_ids) > 1:
        service.countersign(final.id, a.staff_ids[1], written + timedelta(hours=1))


def write_protocols(run: DemoRun) -> None:
    for index, a in enumerate(met_before_today(run)):
        write_protocol(run, a, index)
    for days, approach, minutes in ANONYMOUS:
        run.session.protocols.record_anonymous(
            run.today - timedelta(days=days), approach, minutes, [run.owner.id],
            counselling_id=run.rid(),
        )  # fmt: skip
