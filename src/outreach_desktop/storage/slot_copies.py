"""The two key files read slot by slot, which slot opens the vault, and what a repair writes.

Each slot of each copy is *sound* (its checksum matches, or two older copies agree on it),
*unchecked* (an older file without checksum whose structure is fine), *absent* (no recovery
slot) or *damaged*. A passphrase slot that unwrapped is proven. Copies are repaired slot by slot
and a slot is only ever replaced by a better one: a damaged slot never overwrites a sound one,
and two unchecked slots that disagree are both kept (either may be the intact one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from outreach_desktop.storage.errors import (
    KeySlotsChanged,
    KeySlotsDamaged,
    RecoveryFailed,
    VaultError,
    WeakKeyParameters,
    WrongPassphrase,
)
from outreach_desktop.storage.keyslots import (
    BACKUP_FILE,
    SLOTS_FILE,
    KeySlots,
    PassphraseSlot,
    RecoverySlot,
    document,
    parse_document,
    read_limited,
)

SOUND, UNCHECKED, ABSENT, DAMAGED = "sound", "unchecked", "absent", "damaged"
RANK = {SOUND: 2, UNCHECKED: 1, ABSENT: 0, DAMAGED: 0}


class _Slot(Protocol):
    def to_json(self) -> dict[str, Any]: ...


S = TypeVar("S", bound=_Slot)


@dataclass(frozen=True)
class Found(Generic[S]):
    """One slot of one copy: its state, the slot when it could be read, the JSON as found."""

    state: str
    slot: S | None = None
    raw: object = None
    problem: KeySlotsDamaged | None = None

    @property
    def rank(self) -> int:
        return RANK[self.state]

    @property
    def usable(self) -> bool:
        return self.slot is not None and self.state in (SOUND, UNCHECKED)

    def as_json(self) -> object:
        """What a file holds for this slot: a sound one with its checksum, any other as found."""
        if self.state == SOUND and self.slot is not None:
            return self.slot.to_json()
        return self.raw


NO_RECOVERY: Found[RecoverySlot] = Found(ABSENT)


@dataclass(frozen=True)
class SlotCopy:
    name: str
    data: bytes | None  # as read; None when missing or unreadable
    vault_id: str | None
    passphrase: Found[PassphraseSlot]
    recovery: Found[RecoverySlot]
    problem: KeySlotsDamaged | None = None  # the file as a whole


def _found(read: Callable[[], tuple[S, bool]], raw: object) -> Found[S]:
    try:
        slot, checked = read()
    except KeySlotsDamaged as exc:
        return Found(DAMAGED, raw=raw, problem=exc)
    return Found(SOUND if checked else UNCHECKED, slot, raw)


def read_copy(directory: Path, name: str) -> SlotCopy:
    data: bytes | None = None
    try:
        data = read_limited(directory / name)
        vault_id, doc = parse_document(data)
    except FileNotFoundError:
        missing = KeySlotsDamaged(f"{name} fehlt")
        return SlotCopy(name, None, None, Found(DAMAGED), NO_RECOVERY, missing)
    except OSError as exc:
        problem = KeySlotsDamaged(exc.strerror or type(exc).__name__)
        return SlotCopy(name, None, None, Found(DAMAGED), NO_RECOVERY, problem)
    except KeySlotsDamaged as exc:
        return SlotCopy(name, data, None, Found(DAMAGED), NO_RECOVERY, exc)
    phrase, recovery = doc.get("passphrase"), doc.get("recovery")
    return SlotCopy(
        name,
        data,
        vault_id,
        _found(lambda: PassphraseSlot.from_json(phrase), phrase),
        NO_RECOVERY
        if recovery is None
        else _found(lambda: RecoverySlot.from_json(recovery, vault_id), recovery),
    )


def _agreed(a: Found[S], b: Found[S]) -> Found[S]:
    """Two older copies holding the same slot vouch for each other."""
    if a.state == UNCHECKED and b.state == UNCHECKED and a.slot == b.slot:
        return replace(a, state=SOUND)
    return a


def read_copies(directory: Path) -> tuple[SlotCopy, SlotCopy]:
    """The primary and the backup copy, in that order."""
    primary, backup = read_copy(directory, SLOTS_FILE), read_copy(directory, BACKUP_FILE)
    if primary.vault_id is None or primary.vault_id != backup.vault_id:
        return primary, backup
    return (
        replace(
            primary,
            passphrase=_agreed(primary.passphrase, backup.passphrase),
            recovery=_agreed(primary.recovery, backup.recovery),
        ),
        replace(
            backup,
            passphrase=_agreed(backup.passphrase, primary.passphrase),
            recovery=_agreed(backup.recovery, primary.recovery),
        ),
    )


def damage(copies: Sequence[SlotCopy]) -> KeySlotsDamaged:
    """Nothing opens the vault with the passphrase: one message, promising the office's
    recovery only when a usable recovery slot is left."""
    details = [p.detail for c in copies for p in (c.problem, c.passphrase.problem) if p]
    recoverable = any(c.recovery.usable for c in copies)
    return KeySlotsDamaged(details[0] if details else "", recoverable=recoverable)


def unwrap_passphrase(
    copies: Sequence[SlotCopy], passphrase: str
) -> tuple[bytearray, SlotCopy, PassphraseSlot]:
    """The data key from the first passphrase slot that opens with `passphrase` (primary
    first); a wrong passphrase is reported before any damage."""
    errors: list[VaultError] = []
    tried: list[tuple[PassphraseSlot, str]] = []
    for copy in copies:
        slot, vault_id = copy.passphrase.slot, copy.vault_id
        if not copy.passphrase.usable or slot is None or vault_id is None:
            continue
        if (slot, vault_id) in tried:
            continue
        tried.append((slot, vault_id))
        try:
            return slot.unwrap(passphrase, vault_id), copy, slot
        except (WrongPassphrase, WeakKeyParameters, KeySlotsDamaged) as exc:
            errors.append(exc)
    for kind in (WrongPassphrase, WeakKeyParameters):
        for error in errors:
            if isinstance(error, kind):
                raise error
    raise damage(copies)


def unwrap_recovery(
    copies: Sequence[SlotCopy], identity_file_text: str
) -> tuple[bytearray, SlotCopy, RecoverySlot]:
    """The data key from the first recovery slot the agency's identity opens."""
    errors: list[RecoveryFailed] = []
    tried: list[RecoverySlot] = []
    for copy in copies:
        slot, vault_id = copy.recovery.slot, copy.vault_id
        if not copy.recovery.usable or slot is None or vault_id is None or slot in tried:
            continue
        tried.append(slot)
        try:
            return slot.unwrap(identity_file_text, vault_id), copy, slot
        except RecoveryFailed as exc:
            errors.append(exc)
    if errors:
        raise errors[0]
    if any(c.recovery.state == DAMAGED for c in copies):
        raise RecoveryFailed(
            "Der Wiederherstellungsschlüssel in den Schlüsseldateien ist beschädigt; so lässt "
            "sich der Tresor nicht wiederherstellen. Möglich ist nur: die Schlüsseldateien aus "
            "einer Sicherung zurücklegen oder eine Sicherungskopie des Tresorordners verwenden."
        )
    if all(c.vault_id is None for c in copies):
        raise damage(copies)
    raise RecoveryFailed("Dieser Tresor hat keinen Wiederherstellungsschlüssel.")


def _ours(copies: Sequence[SlotCopy], first: SlotCopy) -> list[SlotCopy]:
    return [first] + [c for c in copies if c.name != first.name and c.vault_id == first.vault_id]


def best_recovery(copies: Sequence[SlotCopy], first: SlotCopy) -> Found[RecoverySlot]:
    """The best recovery slot of the copies belonging to `first`'s vault, `first`'s on a tie."""
    return max((c.recovery for c in _ours(copies, first)), key=lambda f: f.rank)


def merged(copies: Sequence[SlotCopy], first: SlotCopy, passphrase: PassphraseSlot) -> KeySlots:
    """The slots in use after unlocking with `first`'s vault id and this passphrase slot."""
    best = best_recovery(copies, first)
    damaged = not best.usable and any(c.recovery.state == DAMAGED for c in _ours(copies, first))
    vault_id = first.vault_id or ""
    return KeySlots(vault_id, passphrase, best.slot if best.usable else None, damaged)


def plan(
    copies: Sequence[SlotCopy],
    vault_id: str,
    passphrase: PassphraseSlot,
    recovery: Found[RecoverySlot],
    *,
    everywhere: bool = False,
) -> dict[str, bytes]:
    """The files to write (only those that change): the (proven) passphrase slot in both, and
    `recovery` where it is better than what a copy holds, or in both when `everywhere`."""
    files = {}
    for copy in copies:
        own = copy.recovery if copy.vault_id == vault_id else NO_RECOVERY
        take = everywhere or recovery.state == SOUND or own.rank < recovery.rank
        data = document(vault_id, passphrase.to_json(), (recovery if take else own).as_json())
        if data != copy.data:
            files[copy.name] = data
    return files


def holding(copies: Sequence[SlotCopy], slots: KeySlots) -> SlotCopy:
    """The copy that still holds the passphrase slot this vault was opened with; none means
    another program changed the key files meanwhile (a second `vault passwd`, say)."""
    for copy in copies:
        if copy.vault_id == slots.vault_id and copy.passphrase.slot == slots.passphrase:
            return copy
    raise KeySlotsChanged()
