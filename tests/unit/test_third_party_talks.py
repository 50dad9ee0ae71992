"""A release (Schweigepflichtentbindung) for every approach, and the one rule for a talk with a
third party in the client's absence: a release given, not revoked, in force that day, naming
that third party."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.consents import Consent, ConsentKind, GivenHow
from outreach_desktop.domain.errors import DomainError, ValidationError
from outreach_desktop.domain.third_party_talks import (
    MAX_NOTE,
    NOT_A_RELEASE,
    OTHER_CLIENT,
    OTHER_PARTY,
    log_talk,
    talk_refusal,
)
from outreach_desktop.domain.vocabulary import Approach

DAY = date(2026, 12, 2)
START = datetime.combine(DAY, time(10))
NOW = START + timedelta(days=3)


def appointment(approach: Approach) -> Appointment:
    return Appointment.plan(
        approach, START, client_id="client", place="Lindenweg 4", staff_ids=["a", "b"],
        third_party_id="school" if approach is Approach.ACCOMPANIMENT else None,
    )  # fmt: skip


def release(party: str = "doctor", client: str = "client") -> Consent:
    consent = Consent(
        client_id=client, kind=ConsentKind.CONFIDENTIALITY_RELEASE, third_party_id=party,
        purpose="Abstimmung Reha", valid_until=DAY + timedelta(days=90),
    )  # fmt: skip
    consent.sign(GivenHow.PAPER, START - timedelta(days=1))
    return consent


@pytest.mark.parametrize("approach", [Approach.WALK_AND_TALK, Approach.HOME_VISIT])
def test_a_release_naming_a_third_party_covers_a_walk_and_talk_or_home_visit(
    approach: Approach,
) -> None:
    assert release().is_valid_for(appointment(approach), DAY)


def test_an_accompaniment_still_needs_the_release_for_its_own_third_party() -> None:
    a = appointment(Approach.ACCOMPANIMENT)
    assert not release("doctor").is_valid_for(a, DAY)
    assert release("school").is_valid_for(a, DAY)


def test_a_release_given_after_the_appointment_covers_it_from_then_on() -> None:
    late = Consent(client_id="client", kind=ConsentKind.CONFIDENTIALITY_RELEASE,
                   third_party_id="doctor", purpose="Reha",
                   valid_until=DAY + timedelta(days=90))  # fmt: skip
    late.sign(GivenHow.ORAL, NOW, documented_by="a")
    a = appointment(Approach.WALK_AND_TALK)
    assert not late.is_valid_for(a, DAY)
    assert late.is_valid_for(a, NOW.date())


def test_a_talk_is_logged_with_the_least_data() -> None:
    r = release()
    at = NOW - timedelta(hours=2) + timedelta(seconds=7)
    talk = log_talk(r, third_party_id="doctor", at=at, now=NOW,
                    note="  Termin bei der Reha abgestimmt ",
                    appointment=appointment(Approach.HOME_VISIT))  # fmt: skip
    assert (talk.client_id, talk.third_party_id, talk.release_id) == ("client", "doctor", r.id)
    assert talk.note == "Termin bei der Reha abgestimmt" and talk.at.second == 0
    assert talk.summary_de("Praxis Dr. Wendt").startswith("05.12.2026 08:00: Gespräch mit Praxis")


def test_a_talk_without_a_valid_release_is_refused() -> None:
    with pytest.raises(DomainError, match="Schweigepflichtentbindung angeben"):
        log_talk(None, third_party_id="doctor", at=NOW, now=NOW)
    with pytest.raises(DomainError, match="andere dritte Stelle"):
        log_talk(release("lawyer"), third_party_id="doctor", at=NOW, now=NOW)
    revoked = release()
    revoked.revoke(NOW - timedelta(days=1), "mündlich am Telefon")
    with pytest.raises(DomainError, match="keine gültige"):
        log_talk(revoked, third_party_id="doctor", at=NOW, now=NOW)
    # a talk before the revocation was covered and may still be logged
    assert log_talk(revoked, third_party_id="doctor", at=START, now=NOW).release_id == revoked.id
    prepared = Consent(client_id="client", kind=ConsentKind.CONFIDENTIALITY_RELEASE,
                       third_party_id="doctor", purpose="Reha", valid_until=DAY)  # fmt: skip
    assert "keine gültige" in talk_refusal(prepared, "doctor", START)
    other_kind = Consent(client_id="client", kind=ConsentKind.HANDOVER, main_caseworker_id="m")
    assert talk_refusal(other_kind, "doctor", START) == NOT_A_RELEASE
    assert talk_refusal(release("lawyer"), "doctor", START) == OTHER_PARTY
    with pytest.raises(DomainError, match=OTHER_CLIENT):
        log_talk(release(client="someone else"), third_party_id="doctor", at=NOW, now=NOW,
                 appointment=appointment(Approach.WALK_AND_TALK))  # fmt: skip


def test_time_and_note_are_checked_as_fields() -> None:
    with pytest.raises(ValidationError) as info:
        log_talk(release(), third_party_id="doctor", at=NOW + timedelta(hours=1), now=NOW,
                 note="x" * (MAX_NOTE + 1))  # fmt: skip
    assert set(info.value.fields) == {"at", "note"}


@given(
    party=st.sampled_from(["doctor", "lawyer"]),
    offset=st.integers(min_value=-200, max_value=200),
    revoked_after=st.none() | st.integers(min_value=0, max_value=200),
)
def test_the_rule_agrees_with_the_release_validity(
    party: str, offset: int, revoked_after: int | None
) -> None:
    r = release()
    if revoked_after is not None:
        r.revoke(START + timedelta(days=revoked_after), "schriftlich")
    at = START + timedelta(days=offset)
    allowed = not talk_refusal(r, party, at)
    assert allowed == (party == "doctor" and r.is_valid_on(at.date()))
