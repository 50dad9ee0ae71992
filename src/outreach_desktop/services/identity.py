"""Who this vault is in the exchange with the office: its role, its device keys (made at the first
unlock), and for a laptop the agency it joined; for the office station the agency's own keys and
its setup file. Keys are made by the exchange package and kept inside the vault."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from outreach_desktop import paths
from outreach_desktop.domain.agency import (
    AgencyLetterhead,
    AgencyRules,
    AgencySetup,
    RulesInForce,
    rules_from_dict,
    rules_in_force,
    rules_to_dict,
)
from outreach_desktop.domain.errors import DomainError, UserError
from outreach_desktop.exchange import keys
from outreach_desktop.exchange.setup_file import FILE_NAME, SignedSetup, read_setup, write_setup
from outreach_desktop.services.agency import SiteRules
from outreach_desktop.storage.errors import AgencyKeysChanged
from outreach_desktop.storage.exchange_repo import Agency, AgencyRepository
from outreach_desktop.storage.identity_repo import Holder, Identity, IdentityRepository, Role
from outreach_desktop.storage.sync_log import SyncEntry, SyncLog

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JoinedAgency:
    name: str
    fingerprint: str
    rules: AgencyRules
    joined_at: datetime
    recovery_recipient: str  # for the vault's recovery slot ("" if the agency names none)


def _stored(holder: Holder, identity: keys.Identity, now: datetime) -> Identity:
    public = identity.public
    return Identity(holder, identity.age_secret, public.age_recipient, identity.sign_secret,
                    public.sign_public, now)  # fmt: skip


def _keys(stored: Identity) -> keys.Identity:
    return keys.Identity(stored.age_identity, stored.sign_private)


class IdentityService:
    def __init__(
        self, identities: IdentityRepository, agency: AgencyRepository, sync: SyncLog
    ) -> None:
        self._identities, self._agency, self._sync = identities, agency, sync

    # ---- this vault --------------------------------------------------------------------------
    def role(self) -> Role:
        return self._identities.role()

    def ensure_device_identity(self, now: datetime | None = None) -> None:
        """Every vault gets its device keys once (new vaults at creation, older ones at the
        first unlock after migration 8); they are never replaced."""
        if self._identities.get("device") is None:
            self._identities.save(_stored("device", keys.new_identity(), _utc(now)))

    def device(self) -> keys.Identity:
        stored = self._identities.get("device")
        if stored is None:
            raise DomainError("Dieser Tresor hat noch keine Geräteschlüssel.")
        return _keys(stored)

    def device_fingerprint(self) -> str:
        return self.device().fingerprint

    # ---- the office station ----------------------------------------------------------------
    def make_office(
        self, name: str, rules: AgencyRules, letterhead: AgencyLetterhead, now: datetime
    ) -> SignedSetup:
        """Turn a new vault into the office station: the agency's keys, and its setup file."""
        self._identities.set_role("office")
        agency = keys.new_identity()
        public = agency.public
        setup = AgencySetup(
            name=name.strip(), age_recipient=public.age_recipient, sign_public=public.sign_public,
            fingerprint=agency.fingerprint, recovery_recipient=public.age_recipient,
            letterhead=letterhead, rules=rules,
        )  # fmt: skip
        setup.validate()
        signed = write_setup(setup, agency, now)
        self._identities.save(_stored("agency", agency, _utc(now)))
        return signed

    def agency_identity(self) -> keys.Identity:
        """The agency's own keys (office station only)."""
        stored = self._identities.get("agency")
        if stored is None:
            raise DomainError("Das ist kein Bürotresor: er hat keine Schlüssel der Dienststelle.")
        return _keys(stored)

    def agency_identity_file(self) -> str:
        """The agency's age identity as the `age` tool reads it, for the IT safe."""
        identity = self.agency_identity()
        return keys.age_identity_file(identity, f"Dienststelle, {identity.fingerprint}")

    # ---- a laptop joins its agency ---------------------------------------------------------
    def join(self, data: bytes, now: datetime | None = None) -> SignedSetup:
        """Check the setup file and join its agency (or take its newer rules); refused for an
        office station and for a setup of other keys than the agency already joined."""
        signed = self.preview(data)
        joined = self._agency.get()
        if joined is not None and joined.fingerprint != signed.setup.fingerprint:
            raise AgencyKeysChanged()
        if joined is not None and read_setup(joined.setup_file).issued_at > signed.issued_at:
            raise DomainError(
                "Diese Einrichtungsdatei ist älter als die, mit der der Laptop beigetreten ist; "
                "es bleibt bei den neueren Regeln."
            )
        if joined is not None and joined.setup_file == signed.data:
            return signed  # the same file again: nothing to do
        setup, at = signed.setup, _utc(now)
        self._agency.save(
            Agency(setup.name, setup.fingerprint, setup.age_recipient, setup.sign_public,
                   rules_to_dict(setup.rules), setup.rules.retention_days, at, signed.data)
        )  # fmt: skip
        self._sync.append(SyncEntry(at, "join", "ok", detail=f"Dienststelle {setup.fingerprint}"))
        return signed

    def preview(self, data: bytes) -> SignedSetup:
        """Check a setup file without joining (the GUI shows its fingerprint first)."""
        signed = read_setup(data)
        if self.role() != "field":
            raise DomainError("Ein Bürotresor tritt keiner Dienststelle bei; er ist sie.")
        return signed

    def join_from_site(self, now: datetime | None = None) -> str:
        """IT's setup file in the site configuration: join (or take its newer rules) without
        asking, as IT manages the machine. Returns a problem to show, or ""; never raises."""
        path = paths.site_config_dir() / FILE_NAME
        if self.role() != "field" or not path.is_file():
            return ""
        try:
            self.join(path.read_bytes(), now)
        except (OSError, UserError) as exc:
            log.warning("site setup file not used: %s", type(exc).__name__)
            return f"Die Einrichtungsdatei der IT ({path}) wurde nicht verwendet: {exc}"
        return ""

    def joined(self) -> JoinedAgency | None:
        agency = self._agency.get()
        if agency is None:
            return None
        setup = read_setup(agency.setup_file).setup
        return JoinedAgency(agency.name, agency.fingerprint, rules_from_dict(agency.rules),
                            agency.joined_at, setup.recovery_recipient)  # fmt: skip

    def joined_setup(self) -> SignedSetup | None:
        """The setup file the laptop joined with (or took last), as kept in the vault."""
        agency = self._agency.get()
        return None if agency is None else read_setup(agency.setup_file)

    def agency_keys(self) -> keys.PublicKeys | None:
        """The joined agency's public keys (a laptop encrypts its exports to them)."""
        agency = self._agency.get()
        return None if agency is None else keys.PublicKeys(agency.age_recipient, agency.sign_public)

    def rules(self, site: SiteRules) -> RulesInForce:
        """The home-visit timeline in force and where it comes from: the joined agency's, else
        the site configuration's, else the instruction's defaults (never the caseworker's)."""
        joined = self.joined()
        agency = (joined.name, joined.rules) if joined is not None else None
        return rules_in_force(agency, site.timeline, str(site.path), site.problem)


def _utc(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
