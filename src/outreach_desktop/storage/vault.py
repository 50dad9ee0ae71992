"""The vault: a folder with `vault.db` (SQLCipher 4) and its key slots.

The database is keyed with a random 256-bit data key, never with the passphrase. Changing the
passphrase rewraps that key and leaves `vault.db` untouched.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from outreach_desktop.domain.records import new_id
from outreach_desktop.storage import backups
from outreach_desktop.storage import migrations as mig
from outreach_desktop.storage.atomic import fsync_dir, os_error, os_errors, private_dir
from outreach_desktop.storage.backups import BACKUP_DIR, KEEP_BACKUPS
from outreach_desktop.storage.database import Database, known_errors
from outreach_desktop.storage.errors import (
    KeySlotsDamaged,
    VaultCorrupt,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
)
from outreach_desktop.storage.kdf import KdfParams, calibrate
from outreach_desktop.storage.keyslots import (
    DATA_KEY_BYTES,
    KeySlots,
    PassphraseSlot,
    RecoverySlot,
)
from outreach_desktop.storage.media import write_problem
from outreach_desktop.storage.opening import (
    clean_stale_staging,
    damage_found,
    open_database,
    staging_prefix,
)
from outreach_desktop.storage.slot_copies import (
    SlotCopy,
    merged,
    read_copies,
    unwrap_passphrase,
    unwrap_recovery,
)
from outreach_desktop.storage.slot_lock import LOCK_FILE
from outreach_desktop.storage.slot_writes import repair, write_slots
from outreach_desktop.storage.throttle import throttle

log = logging.getLogger(__name__)

DB_FILE = "vault.db"


def _params_of(copy: SlotCopy) -> KdfParams:
    """The passphrase slot's parameters for a recovered vault, when they are sane."""
    slot = copy.passphrase.slot
    if slot is not None:
        with contextlib.suppress(VaultError):
            slot.params.require_bounds()
            return slot.params
    return calibrate()[0]


def _zero(key: bytearray) -> None:
    """Best effort: overwrite our copy of a key (Python may hold others briefly)."""
    for i in range(len(key)):
        key[i] = 0


def is_vault(path: Path) -> bool:
    return path.is_dir() and KeySlots.exists(path)


@dataclass
class Vault:
    """An unlocked vault. `lock()` closes the database and forgets the key."""

    path: Path
    slots: KeySlots
    db: Database
    _key: bytearray = field(repr=False)
    device_id: str = ""
    migrated: list[int] = field(default_factory=list)
    last_backup: Path | None = None
    notices: list[str] = field(default_factory=list)  # German lines the user must see
    damage: list[str] = field(default_factory=list)  # found at open; `check` reports it

    # ---- lifecycle -------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        *,
        recovery_recipient: str | None = None,
        kdf: KdfParams | None = None,
        migrations: list[mig.Migration] | None = None,
    ) -> Vault:
        """Create a new vault in `path` (missing or empty). Built in a sibling temp folder and
        renamed into place, so an interrupted creation leaves no half vault behind."""
        path = Path(path)
        with os_errors():
            if path.exists() and (not path.is_dir() or any(path.iterdir())):
                raise VaultExists(path)
            private_dir(path.parent)  # e.g. the profiles folder: 0700 whatever the umask
        if (problem := write_problem(path.parent)) is not None:
            raise problem.error(opened=False)
        clean_stale_staging(path)
        params = kdf or calibrate()[0]
        vault_id = new_id()
        key = bytearray(os.urandom(DATA_KEY_BYTES))
        recovery = (
            RecoverySlot.wrap(key, vault_id, recovery_recipient) if recovery_recipient else None
        )
        slots = KeySlots(vault_id, PassphraseSlot.wrap(key, passphrase, vault_id, params), recovery)
        with os_errors():
            staging = Path(tempfile.mkdtemp(prefix=staging_prefix(path), dir=path.parent))
        try:
            os.chmod(staging, 0o700)
            db = Database.open(staging / DB_FILE, key)
            os.chmod(staging / DB_FILE, 0o600)
            try:
                mig.migrate(db, migrations or mig.load_migrations())
                device_id = new_id()
                now = datetime.now(UTC).isoformat(timespec="seconds")
                with db.transaction():
                    for k, v in (
                        ("vault_id", vault_id),
                        ("device_id", device_id),
                        ("created_at", now),
                    ):
                        db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (k, v))
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                db.close()
            slots.save(staging)
            if path.exists():
                path.rmdir()
            os.rename(staging, path)
            fsync_dir(path.parent)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise os_error(exc) from exc
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        log.info("vault %s created", vault_id)
        return cls._open(path, slots, key, migrations)

    @classmethod
    def unlock(
        cls, path: Path, passphrase: str, *, migrations: list[mig.Migration] | None = None
    ) -> Vault:
        """Open with the passphrase: the primary key file's slot, else the copy's (each slot
        checked on its own); then both files are repaired slot by slot."""
        path = Path(path)
        copies = cls._read_slots(path)
        try:
            key, first, slot = unwrap_passphrase(copies, passphrase)
        except WrongPassphrase:
            log.info("vault: wrong passphrase")
            throttle.failed(str(path.resolve()))
            raise
        throttle.succeeded(str(path.resolve()))
        vault = cls._open(path, merged(copies, first, slot), key, migrations)
        repair(path, copies, first, vault.slots)
        return vault

    @classmethod
    def recover(
        cls,
        path: Path,
        identity_file_text: str,
        new_passphrase: str,
        *,
        kdf: KdfParams | None = None,
        migrations: list[mig.Migration] | None = None,
    ) -> Vault:
        """Open with the agency's age identity (a sound recovery slot of either key file) and
        set a new passphrase."""
        path = Path(path)
        copies = cls._read_slots(path)
        key, first, recovery = unwrap_recovery(copies, identity_file_text)
        vault_id = first.vault_id or ""
        try:
            slot = PassphraseSlot.wrap(key, new_passphrase, vault_id, kdf or _params_of(first))
        except BaseException:
            _zero(key)
            raise
        vault = cls._open(path, KeySlots(vault_id, slot, recovery), key, migrations)
        try:
            vault.slots = write_slots(path, vault.slots, slot, recovery, check=False)
        except BaseException:
            vault.lock()
            raise
        log.info("vault %s recovered", vault_id)
        return vault

    @staticmethod
    def _read_slots(path: Path) -> tuple[SlotCopy, SlotCopy]:
        if not path.is_dir():
            raise VaultNotFound(path)
        if not KeySlots.exists(path):
            if (path / DB_FILE).exists():
                raise KeySlotsDamaged("keyslots.json und keyslots.backup.json fehlen")
            raise VaultNotFound(path)
        return read_copies(path)

    @classmethod
    def _open(
        cls,
        path: Path,
        slots: KeySlots,
        key: bytearray,
        migrations: list[mig.Migration] | None,
    ) -> Vault:
        db_path = path / DB_FILE
        if not db_path.is_file():
            raise VaultCorrupt("vault.db fehlt")
        if db_path.stat().st_size == 0:
            raise VaultCorrupt("vault.db ist leer")
        try:
            opened = open_database(path, key)
        except BaseException:
            _zero(key)
            raise
        db = opened.db
        try:
            if mig.schema_version(db) == 0:
                raise VaultCorrupt("vault.db enthält kein Schema")
            vault = cls(path=path, slots=slots, db=db, _key=key)
            vault.notices, vault.damage = opened.notices, opened.damage
            vault.migrated = mig.migrate(
                db, migrations or mig.load_migrations(), backup=vault.backup
            )
            if vault.migrated and vault.last_backup is not None:
                vault.prune_backups(keeping=vault.last_backup)
            meta = vault.meta()
            if meta.get("vault_id") != slots.vault_id:
                raise VaultCorrupt("vault.db gehört zu einem anderen Tresor")
            vault.device_id = meta["device_id"]
        except BaseException:
            db.close()
            _zero(key)
            raise
        if db.read_only is None:
            clean_stale_staging(path)
        log.info("vault %s unlocked (schema %d)", slots.vault_id, mig.schema_version(db))
        return vault

    def lock(self) -> None:
        if self.db.closed:
            return
        try:
            with contextlib.suppress(VaultError):
                self.db.checkpoint()
        finally:
            try:
                self.db.close()
            finally:
                _zero(self._key)
        log.info("vault %s locked", self.slots.vault_id)

    @property
    def is_locked(self) -> bool:
        return self.db.closed

    # ---- keys ------------------------------------------------------------------------------
    def verify_passphrase(self, passphrase: str) -> None:
        key = self.slots.passphrase.unwrap(passphrase, self.slots.vault_id)
        try:
            if not hmac.compare_digest(key, self._key):  # no immutable copies of the key
                raise WrongPassphrase()
        finally:
            _zero(key)

    def change_passphrase(self, current: str, new: str, kdf: KdfParams | None = None) -> None:
        """Rewrap the data key; `vault.db` stays byte-identical."""
        if self.is_locked:
            raise VaultLocked()
        self.verify_passphrase(current)
        self._rewrap(new, kdf or self.slots.passphrase.params)
        log.info("vault %s: passphrase changed", self.slots.vault_id)

    def _rewrap(self, new: str, params: KdfParams) -> None:
        """Argon2 runs first; then, under the key files' lock, the new slot is written if the
        files still hold the one this vault was opened with (else KeySlotsChanged)."""
        slot = PassphraseSlot.wrap(self._key, new, self.slots.vault_id, params)
        self.slots = write_slots(self.path, self.slots, slot)

    def set_recovery_recipient(self, recipient: str | None) -> None:
        if self.is_locked:
            raise VaultLocked()
        recovery = (
            RecoverySlot.wrap(self._key, self.slots.vault_id, recipient) if recipient else None
        )
        self.slots = write_slots(self.path, self.slots, self.slots.passphrase, recovery)

    # ---- maintenance -----------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.db.execute("SELECT key, value FROM meta")}

    def set_meta(self, key: str, value: str) -> None:
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def backup(self, schema: int) -> Path:
        """An encrypted copy (same key) via VACUUM INTO, never a plaintext export."""
        folder = self.path / BACKUP_DIR
        with os_errors():
            folder.mkdir(mode=0o700, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = folder / f"vault-schema{schema:04d}-{stamp}.db"
        with known_errors():
            self.db.execute("VACUUM INTO ?", (str(target),))
        with os_errors():
            os.chmod(target, 0o600)
        log.info("vault %s: backup before migration (schema %d)", self.slots.vault_id, schema)
        self.last_backup = target
        return target

    def prune_backups(self, keep: int = KEEP_BACKUPS, keeping: Path | None = None) -> list[Path]:
        """Delete all but the newest `keep` migration backups (backups.prune)."""
        return backups.prune(self.path / BACKUP_DIR, keep, keeping)

    def prune_backups_before(self, moment: datetime) -> list[Path]:
        """Delete the migration backups taken at or before `moment` (backups.prune_before)."""
        return backups.prune_before(self.path / BACKUP_DIR, moment)

    def check(self) -> list[str]:
        """Problems found by `cipher_integrity_check` and `integrity_check`; empty means sound."""
        problems: list[str] = self.damage + damage_found(self.path)
        try:
            self.db.checkpoint()
            problems += [str(r[0]) for r in self.db.execute("PRAGMA cipher_integrity_check")]
            result = [str(r[0]) for r in self.db.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems += result
        except VaultCorrupt as exc:
            problems.append(str(exc))
        return problems

    @property
    def read_only(self) -> bool:
        """Opened for reading only (full disk, read-only medium): `notices` says why."""
        return self.db.read_only is not None

    def schema_version(self) -> int:
        return mig.schema_version(self.db)

    def file_sizes(self) -> dict[str, int]:
        files = sorted(p for p in self.path.iterdir() if p.is_file() and p.name != LOCK_FILE)
        return {p.name: p.stat().st_size for p in files}
