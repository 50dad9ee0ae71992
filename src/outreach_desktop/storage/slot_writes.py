"""Writing the key files: always under their lock, always slot by slot (see slot_copies)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from outreach_desktop.storage.errors import VaultError
from outreach_desktop.storage.keyslots import KeySlots, PassphraseSlot, RecoverySlot, write_files
from outreach_desktop.storage.slot_copies import (
    NO_RECOVERY,
    SOUND,
    Found,
    SlotCopy,
    best_recovery,
    holding,
    merged,
    plan,
    read_copies,
)
from outreach_desktop.storage.slot_lock import slots_locked

log = logging.getLogger(__name__)


class _Keep:
    """Keep the recovery slots the files hold (merged slot by slot)."""


KEEP = _Keep()
REPAIR_WAIT = 2.0  # seconds an unlock waits for another writer before leaving repair to it


def repair(directory: Path, copies: Sequence[SlotCopy], first: SlotCopy, slots: KeySlots) -> None:
    """After an unlock: bring both files to the best slots found (LUKS lesson: never run on
    one header). Nothing is written when another program changed the files since they were
    read, and a failed repair leaves the files as they were and the vault open."""
    files = plan(copies, slots.vault_id, slots.passphrase, best_recovery(copies, first))
    if not files:
        return
    try:
        with slots_locked(directory, timeout=REPAIR_WAIT):
            if [c.data for c in read_copies(directory)] != [c.data for c in copies]:
                return
            write_files(directory, files)
        log.warning("vault %s: key slot files repaired", slots.vault_id)
    except VaultError:
        log.warning("vault %s: key slot files could not be repaired", slots.vault_id)


def write_slots(
    directory: Path,
    current: KeySlots,
    passphrase: PassphraseSlot,
    recovery: RecoverySlot | _Keep | None = KEEP,
    *,
    check: bool = True,
) -> KeySlots:
    """Write `passphrase`, and `recovery` into both files unless it is KEEP, under the lock;
    returns the slots now in use. With `check`, the files must still hold the passphrase slot of
    `current` (else KeySlotsChanged: another program changed them, nothing is written)."""
    with slots_locked(directory):
        copies = read_copies(directory)
        first = holding(copies, current) if check else copies[0]
        if isinstance(recovery, _Keep):
            best, everywhere = best_recovery(copies, first), False
        else:
            best, everywhere = (Found(SOUND, recovery) if recovery else NO_RECOVERY), True
        files = plan(copies, current.vault_id, passphrase, best, everywhere=everywhere)
        write_files(directory, files)
    if everywhere:
        return KeySlots(current.vault_id, passphrase, best.slot)
    return merged(copies, first, passphrase)
