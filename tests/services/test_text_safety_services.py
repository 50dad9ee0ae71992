"""The services store no control or bidi formatting characters in names and places."""

from __future__ import annotations

from datetime import datetime

import pytest

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session

NUL, ESC, RLO = "\x00", "\x1b", "\u202e"


def test_names_and_places_are_stored_clean(session: Session) -> None:
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(Client(display_name=f"Anna{NUL} {ESC}[31mMüller{RLO}fdp.exe"))
    staff = session.staff.save(Staff(name=f"Frank{ESC}]0;x\x07 Lüders"))
    party = session.third_parties.save(ThirdParty(name=f"Schule{RLO} am Wall{NUL}"))
    a = session.appointments.save(Appointment.plan(
        Approach.WALK_AND_TALK, datetime(2026, 11, 25, 10), client_id=client.id,
        place=f"Kirch{NUL}platz{ESC}[2J{RLO}", staff_ids=[owner.id, staff.id],
    ))  # fmt: skip
    assert session.clients.get(client.id).display_name == "Anna [31mMüllerfdp.exe"
    assert session.staff.get(staff.id).name == "Frank]0;x Lüders"
    assert session.third_parties.get(party.id).name == "Schule am Wall"
    assert session.appointments.get(a.id).place == "Kirchplatz[2J"
    stored = [session.clients.get(client.id).display_name, session.appointments.get(a.id).place]
    assert not any(c in text for text in stored for c in (NUL, ESC, RLO))
    assert [c.id for c in session.clients.search("Muller")] == [client.id]


def test_a_name_of_controls_only_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError) as info:
        session.clients.save(Client(display_name=f"{NUL}{ESC}{RLO}"))
    assert info.value.fields == ["display_name"]
    assert session.clients.all() == []
