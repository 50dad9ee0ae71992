"""Session.info(): structure and counts for `vault info`, never personal data."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.people import Client, ThirdParty
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.storage.migrations import load_migrations
from testkit import FAST_KDF, PASSPHRASE, AgeIdentity
from testkit.internals import vault_of

SECRET_NAME = "Wilhelmine Geheimhaltung"


def test_info_has_counts_and_no_personal_data(session: Session, vault_dir: Path) -> None:
    owner = session.owner()
    assert owner is not None
    client = session.clients.save(
        Client(display_name=SECRET_NAME, phone="0170 9998887", address="Versteckweg 7")
    )
    session.third_parties.save(ThirdParty(name="Praxis Dr. Verschwiegen"))
    session.appointments.save(
        Appointment.plan(
            Approach.HOME_VISIT, datetime(2025, 3, 14, 9), client_id=client.id, staff_ids=[owner.id]
        )
    )
    info = session.info()
    assert info.counts == {"clients": 1, "staff": 1, "third_parties": 1, "appointments": 1}
    assert info.schema_version == load_migrations()[-1].version
    assert info.vault_id == vault_of(session).slots.vault_id
    assert info.device_id == vault_of(session).device_id
    assert info.path == vault_dir
    assert [s.kind for s in info.slots] == ["passphrase"]
    assert "Argon2id m=64 MiB, t=3, p=4" in info.slots[0].detail
    assert info.files["vault.db"] > 0 and "keyslots.json" in info.files
    text = repr(info)
    for secret in (
        SECRET_NAME,
        "Geheimhaltung",
        "9998887",
        "Versteckweg",
        "Verschwiegen",
        owner.name,
    ):
        assert secret not in text
    assert PASSPHRASE not in text


def test_info_lists_recovery_slot(tmp_path: Path, pyrage_identity: AgeIdentity) -> None:
    session = create_vault(
        tmp_path / "v", PASSPHRASE, recovery_recipient=pyrage_identity.recipient, kdf=FAST_KDF
    )
    try:
        slots = session.info().slots
    finally:
        session.lock()
    assert [s.kind for s in slots] == ["passphrase", "recovery"]
    assert pyrage_identity.recipient in slots[1].detail
