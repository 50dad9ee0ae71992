"""A release for every approach and the log of talks with a third party, through the services
on a real vault: the checklist item "Schweigepflichtentbindung liegt vor" is met on a Walk and
Talk and a home visit; a talk is logged only under a valid release naming that third party."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import ItemState
from outreach_desktop.domain.consents import ConsentKind, GivenHow
from outreach_desktop.domain.errors import DomainError, ValidationError
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from testkit.internals import vault_of

DAY = date(2026, 12, 2)
NOW = datetime.combine(DAY, time(9))
ITEM = "dp.confidentiality_release"


def plan(session: Session, approach: Approach, client: Client, party: ThirdParty) -> Appointment:
    owner = session.owner()
    assert owner is not None
    return session.appointments.save(Appointment.plan(
        approach, datetime.combine(DAY, time(10)), client_id=client.id, place="Lindenweg 4",
        third_party_id=party.id if approach is Approach.ACCOMPANIMENT else None,
        staff_ids=[owner.id],
    ))  # fmt: skip


def release_met(session: Session, appointment_id: str, on: date) -> bool:
    """Is the checklist item "Schweigepflichtentbindung liegt vor" applicable and met?"""
    found = session.workflow.state(appointment_id, on).status.find(ITEM)
    assert found is not None
    return found.state is ItemState.DONE


@pytest.mark.parametrize("approach", [Approach.WALK_AND_TALK, Approach.HOME_VISIT])
def test_the_release_item_is_met_on_every_approach(session: Session, approach: Approach) -> None:
    client = session.clients.save(Client(display_name="Anna Müller"))
    party = session.third_parties.save(ThirdParty(name="Praxis Dr. Wendt"))
    a = plan(session, approach, client, party)
    session.workflow.answer(a.id, "dp.third_party_talk_planned", True, NOW)
    assert not release_met(session, a.id, DAY)
    release = session.consents.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE, NOW, appointment_id=a.id, third_party_id=party.id,
        purpose="Abstimmung Reha", valid_until=DAY + timedelta(days=90),
    )  # fmt: skip
    assert release.third_party_id == party.id and release.appointment_id is None
    # given after the appointment: met from that day on
    later = NOW + timedelta(days=2)
    session.consents.sign(release.id, GivenHow.ORAL, later, documented_by=session.owner().id)  # type: ignore[union-attr]
    assert not release_met(session, a.id, DAY)
    assert release_met(session, a.id, later.date())


def test_a_talk_is_logged_only_under_a_valid_release_naming_that_party(session: Session) -> None:
    client = session.clients.save(Client(display_name="Anna Müller"))
    party = session.third_parties.save(ThirdParty(name="Praxis Dr. Wendt"))
    other = session.third_parties.save(ThirdParty(name="Kanzlei Reinholz"))
    a = plan(session, Approach.HOME_VISIT, client, party)
    release = session.consents.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE, NOW, client_id=client.id, third_party_id=party.id,
        purpose="Abstimmung Reha", valid_until=DAY + timedelta(days=90),
    )  # fmt: skip
    talks = session.talks
    db = vault_of(session).db
    before = db.scalar("SELECT count(*) FROM third_party_talks")
    with pytest.raises(DomainError, match="keine gültige"):  # prepared, not given
        talks.add(release.id, NOW, NOW, appointment_id=a.id)
    session.consents.sign(release.id, GivenHow.PAPER, NOW)
    with pytest.raises(DomainError, match="andere dritte Stelle"):
        talks.add(release.id, NOW, NOW, third_party_id=other.id)
    with pytest.raises(ValidationError):
        talks.add(release.id, NOW + timedelta(hours=1), NOW)  # not yet happened
    with pytest.raises(DomainError, match="gibt es nicht"):
        talks.add("no-such-release", NOW, NOW)
    assert db.scalar("SELECT count(*) FROM third_party_talks") == before  # nothing kept

    after = NOW + timedelta(days=3)  # after the appointment, in its own right
    talk = talks.add(release.id, after, after + timedelta(hours=1), note="Reha-Termin abgestimmt",
                     appointment_id=a.id)  # fmt: skip
    assert [t.id for t in talks.for_appointment(a.id)] == [talk.id]
    [stored] = talks.for_client(client.id)
    assert (stored.third_party_id, stored.release_id, stored.at) == (party.id, release.id, after)
    assert stored.note == "Reha-Termin abgestimmt"
    assert [r.id for r in talks.releases(client.id, after.date())] == [release.id]

    session.consents.revoke(release.id, after + timedelta(days=1), "am Telefon")
    with pytest.raises(DomainError, match="keine gültige"):
        talks.add(release.id, after + timedelta(days=2), after + timedelta(days=2))
    assert talks.releases(client.id, after.date() + timedelta(days=2)) == []
    assert len(talks.for_client(client.id)) == 1  # the log before the revocation stays


def test_the_database_keeps_talks_and_refuses_one_without_such_a_release(session: Session) -> None:
    import sqlcipher3

    client = session.clients.save(Client(display_name="Anna Müller"))
    party = session.third_parties.save(ThirdParty(name="Praxis Dr. Wendt"))
    other = session.third_parties.save(ThirdParty(name="Kanzlei Reinholz"))
    release = session.consents.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE, NOW, client_id=client.id, third_party_id=party.id,
        purpose="Abstimmung", valid_until=DAY + timedelta(days=90),
    )  # fmt: skip
    session.consents.sign(release.id, GivenHow.PAPER, NOW)
    talk = session.talks.add(release.id, NOW, NOW)
    db = vault_of(session).db
    with pytest.raises(sqlcipher3.dbapi2.IntegrityError):
        db.execute("UPDATE third_party_talks SET note = 'x' WHERE id = ?", (talk.id,))
    with pytest.raises(sqlcipher3.dbapi2.IntegrityError):
        db.execute(
            "INSERT INTO third_party_talks (id, client_id, third_party_id, release_id, talked_at,"
            " created_at, origin_device) VALUES ('t2', ?, ?, ?, '2026-12-02T09:00:00', 'x', 'd')",
            (client.id, other.id, release.id),
        )


def test_no_release_named_is_a_clear_refusal(session: Session) -> None:
    with pytest.raises(DomainError, match="Schweigepflichtentbindung angeben"):
        session.talks.add("", NOW, NOW)
