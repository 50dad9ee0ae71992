"""Vault lifecycle: create, unlock, recover, and where the agency's recovery key comes from."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from outreach_desktop import paths
from outreach_desktop.domain.agency import AgencyLetterhead, AgencyRules
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.passphrase import check_new_passphrase, normalize_passphrase
from outreach_desktop.domain.people import Staff
from outreach_desktop.domain.vocabulary import Department
from outreach_desktop.exchange.setup_file import SignedSetup
from outreach_desktop.services.office_import import BUNDLE_LIMIT_KEY
from outreach_desktop.services.session import Session
from outreach_desktop.storage.kdf import KdfParams, calibrate
from outreach_desktop.storage.keyslots import parse_recipient
from outreach_desktop.storage.vault import Vault, is_vault

RECIPIENT_FILE = "recovery-recipient.txt"

__all__ = [
    "KdfParams",
    "calibrate",
    "create_office_vault",
    "create_vault",
    "default_recovery_recipient",
    "is_vault",
    "recover_vault",
    "unlock_vault",
]


def default_recovery_recipient() -> str | None:
    """The agency's age recipient from the site configuration, if the office installed one."""
    path = paths.site_config_dir() / RECIPIENT_FILE
    try:
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if line.startswith("age1"):
                return line
    except OSError:
        return None
    return None


def create_vault(
    path: Path,
    passphrase: str,
    repeated: str | None = None,
    *,
    owner_name: str = "",
    owner_department: Department = Department.MARKET_AND_INTEGRATION,
    recovery_recipient: str | None = None,
    kdf: KdfParams | None = None,
    owner_required: bool = False,
) -> Session:
    """Check the policy, create the vault and record its owner as the first staff member."""
    value = check_new_passphrase(passphrase, repeated)
    owner = Staff(name=owner_name, department=owner_department, is_owner=True)
    if owner_name or owner_required:
        owner.validate()
    if recovery_recipient:
        parse_recipient(recovery_recipient)
    vault = Vault.create(Path(path), value, recovery_recipient=recovery_recipient, kdf=kdf)
    session = Session(vault)
    if owner_name:
        session.staff.save(owner)
    return session


def unlock_vault(path: Path, passphrase: str) -> Session:
    return Session(Vault.unlock(Path(path), normalize_passphrase(passphrase)))


def recover_vault(
    path: Path,
    identity_file_text: str,
    new_passphrase: str,
    repeated: str | None = None,
    *,
    kdf: KdfParams | None = None,
) -> Session:
    value = check_new_passphrase(new_passphrase, repeated)
    return Session(Vault.recover(Path(path), identity_file_text, value, kdf=kdf))


def create_office_vault(
    path: Path,
    passphrase: str,
    repeated: str | None = None,
    *,
    agency_name: str,
    rules: AgencyRules | None = None,
    letterhead: AgencyLetterhead | None = None,
    kdf: KdfParams | None = None,
    now: datetime | None = None,
) -> tuple[Session, SignedSetup]:
    """The office station: a new vault holding the agency's keys, and the agency's setup file
    for the laptops. Its recovery slot is the agency's own key (kept in the IT safe)."""
    if not agency_name.strip():
        raise DomainError("Bitte den Namen der Dienststelle angeben.")
    rules = rules or AgencyRules()
    rules.validate()
    session = create_vault(path, passphrase, repeated, kdf=kdf)
    try:
        with session.transaction():
            signed = session.identity.make_office(
                agency_name, rules, letterhead or AgencyLetterhead(), now or datetime.now(UTC)
            )
            # the office takes bundles as large as it lets its laptops write them
            session.set_meta(BUNDLE_LIMIT_KEY, str(rules.bundle_limit_mb))
        session.set_recovery_recipient(signed.setup.age_recipient)
    except BaseException:
        session.lock()
        raise
    return session, signed
