"""Which transfer marks make a record *übernommen* at the office (domain/transfer.py): the one
rule the office's inbox and its receipt share. Nothing with content is übernommen without a
person's mark; a protocol's routing flags decide its marks; more marks never undo it."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent, ConsentKind
from outreach_desktop.domain.people import Client, Staff
from outreach_desktop.domain.protocols import AnonymousCounselling, Protocol
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.transfer import MARK_ORDER, Mark, is_transferred, marks_that_apply
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach

MET = datetime(2026, 11, 20, 10)
mark_sets = st.frozensets(st.sampled_from(MARK_ORDER))
protocols = st.builds(
    Protocol, approach=st.sampled_from(list(Approach)), met_at=st.just(MET),
    client_id=st.just("c-1"), to_verbis=st.booleans(), benefit_relevant=st.booleans(),
    inform_network=st.booleans(), to_main_caseworker=st.booleans(),
)  # fmt: skip
appointments = st.builds(
    lambda status: Appointment.plan(Approach.HOME_VISIT, MET, client_id="c-1", place="x")
    .__class__(**{**Appointment.plan(Approach.HOME_VISIT, MET, client_id="c-1", place="x")
                  .__dict__, "status": status}),
    st.sampled_from(list(AppointmentStatus)),
)  # fmt: skip
others = st.sampled_from([
    Client(display_name="Anna Müller"), Staff(name="Alex Beispiel"),
    AnonymousCounselling(day=date(2026, 11, 20), approach=Approach.WALK_AND_TALK, duration_min=30),
    Consent(kind=ConsentKind.HOME_VISIT, client_id="c-1"),
])  # fmt: skip
records = st.one_of(protocols, appointments, others)


@given(protocols)
def test_no_protocol_is_taken_over_unseen(protocol: Protocol) -> None:
    applies = marks_that_apply(protocol)
    assert applies and not is_transferred(applies, frozenset())
    assert ("verbis" in applies) == (protocol.to_verbis or not protocol.benefit_relevant)
    assert ("eakte" in applies) == ("benefits" in applies) == protocol.benefit_relevant


@given(appointments)
def test_an_appointment_needs_a_mark_only_when_it_ended_unfinished(a: Appointment) -> None:
    carried_out = (AppointmentStatus.DONE, AppointmentStatus.HELD_NEARBY)  # its protocol counts
    needs = a.status.is_outcome and a.status not in carried_out
    assert marks_that_apply(a) == (("verbis",) if needs else ())


def test_consents_go_to_the_file_and_anonymous_counselling_needs_nothing() -> None:
    assert marks_that_apply(Consent(kind=ConsentKind.HOME_VISIT, client_id="c-1")) == ("eakte",)
    anonymous = AnonymousCounselling(day=date(2026, 11, 20), approach=Approach.WALK_AND_TALK,
                                     duration_min=30)  # fmt: skip
    assert marks_that_apply(anonymous) == ()
    assert marks_that_apply(Client(display_name="Anna Müller")) == ()


@given(records, mark_sets, mark_sets)
def test_more_marks_never_undo_it(
    record: Record, some: frozenset[Mark], more: frozenset[Mark]
) -> None:
    applies = marks_that_apply(record)
    assert list(applies) == [m for m in MARK_ORDER if m in applies]  # a fixed order
    if is_transferred(applies, some):
        assert is_transferred(applies, some | more)
    assert is_transferred(applies, frozenset(MARK_ORDER))
