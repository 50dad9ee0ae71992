"""Every text field has an upper length (domain/field_limits.py), refused by the domain with a
German field error naming the field and the limit; exactly the limit is accepted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.agency import AgencyLetterhead, AgencySetup
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent, ConsentEvent, ConsentKind
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.protocols import TEXT_FIELDS, OtherPresent, Protocol, check_addendum
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.exchange.acknowledgements import Acknowledgement, AckState

START = datetime(2026, 12, 1, 10, 0)


@dataclass(frozen=True)
class Case:
    """Validating a value of a field: `check(value)` raises ValidationError or not."""

    name: str
    label: str  # the German label the error names
    limit: int
    check: Callable[[str], Any]
    fill: str = "x"  # a character the field takes (a phone: white space around it)


def _set(make: Callable[[], Any], attr: str) -> Callable[[str], Any]:
    return lambda value: replace(make(), **{attr: value}).validate()


def _protocol() -> Protocol:
    return Protocol(approach=Approach.WALK_AND_TALK, met_at=START, client_id="c", staff_ids=["s"])


def _consent() -> Consent:
    return Consent(client_id="c", kind=ConsentKind.HOME_VISIT, appointment_id="a")


def _agency() -> AgencySetup:
    return AgencySetup("Jobcenter", "age1" + "q" * 58, b"k" * 32, "K7QF")


CASES = [
    Case("client name", "Name", limits.CLIENT_NAME, _set(lambda: Client(display_name="A"),
                                                           "display_name")),
    Case("client address", "Anschrift", limits.CLIENT_ADDRESS,
         _set(lambda: Client(display_name="A"), "address")),
    Case("client phone", "Telefon", limits.CLIENT_PHONE,
         _set(lambda: Client(display_name="A"), "phone"), fill=" "),
    Case("reachability", "Erreichbarkeit", limits.CLIENT_REACHABILITY_NOTES,
         _set(lambda: Client(display_name="A"), "reachability_notes")),
    Case("staff name", "Name", limits.STAFF_NAME, _set(lambda: Staff(name="A"), "name")),
    Case("third party name", "Name", limits.THIRD_PARTY_NAME,
         _set(lambda: ThirdParty(name="A"), "name")),
    Case("third party contact", "Kontakt", limits.THIRD_PARTY_CONTACT,
         _set(lambda: ThirdParty(name="A"), "contact")),
    Case("appointment place", "Ort", limits.APPOINTMENT_PLACE, _set(
        lambda: Appointment.plan(Approach.WALK_AND_TALK, START, place="P", staff_ids=["s"]),
        "place")),
    Case("call note", "Notiz", limits.CALL_NOTE,
         _set(lambda: CallAttempt(START, CallOutcome.REACHED), "note")),
    *(Case(f"protocol {name}", label, limits.PROTOCOL_TEXT, _set(_protocol, name))
      for name, label in TEXT_FIELDS),
    Case("others present", "Weitere Anwesende: Rolle", limits.OTHER_PRESENT_ROLE,
         lambda v: replace(_protocol(), others_present=[OtherPresent("Maria", v)]).validate()),
    Case("addendum", "Nachtrag", limits.ADDENDUM_TEXT, check_addendum),
    Case("consent topics", "Themen", limits.CONSENT_TOPICS, _set(_consent, "topics")),
    Case("consent witness", "Zeugin/Zeuge", limits.CONSENT_ORAL_WITNESS,
         _set(_consent, "oral_witness")),
    Case("consent revoked how", "Widerruf: wie", limits.CONSENT_REVOKED_HOW,
         _set(_consent, "revoked_how")),
    Case("consent person", "Anwesende: Name", limits.CONSENT_PERSON_NAME,
         lambda v: replace(_consent(), others_present=[(v, "Sohn")]).validate()),
    Case("consent event", "Verlauf", limits.CONSENT_EVENT_DETAIL,
         lambda v: replace(_consent(), events=[ConsentEvent(START, "printed", v)]).validate()),
    Case("agency name", "Name der Dienststelle", limits.AGENCY_NAME,
         lambda v: replace(_agency(), name=v).validate()),
    Case("letterhead", "street", limits.LETTERHEAD_LINE,
         lambda v: replace(_agency(), letterhead=AgencyLetterhead(street=v)).validate()),
    Case("acknowledgement", "Grund", limits.ACKNOWLEDGEMENT_REASON,
         lambda v: Acknowledgement(record_kind="clients", record_id="c", record_revision=1,
                                   content_hash="0" * 64, state=AckState.REJECTED,
                                   reason=v).validate()),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_limit_is_accepted_one_more_is_refused_naming_field_and_limit(case: Case) -> None:
    value = case.fill * case.limit
    case.check(value)
    with pytest.raises(ValidationError) as refused:
        case.check(value + case.fill)
    message = str(refused.value)
    assert f"{case.label}: Höchstens {limits.german_number(case.limit)} Zeichen" in message
    assert f"(jetzt {limits.german_number(case.limit + 1)})" in message


@settings(max_examples=60, deadline=None)
@given(case=st.sampled_from(CASES), extra=st.integers(1, 5000))
def test_any_longer_value_is_refused(case: Case, extra: int) -> None:
    with pytest.raises(ValidationError, match="Höchstens"):
        case.check(case.fill * (case.limit + extra))


def test_the_limits_fit_their_use() -> None:
    assert 100 <= limits.NAME <= 200 and limits.APPOINTMENT_PLACE <= 300
    assert limits.PROTOCOL_TEXT >= 20_000 and limits.CALL_NOTE <= 2000
    assert limits.german_number(20000) == "20.000" and limits.german_number(950) == "950"
