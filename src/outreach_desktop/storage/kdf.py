"""Argon2id key derivation for the passphrase slot: parameters, minimum and calibration."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

from outreach_desktop.storage.errors import KeySlotsDamaged, WeakKeyParameters

MIN_MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 3
MIN_PARALLELISM = 4
MAX_MEMORY_KIB = 1024 * 1024  # keep unlock possible on an 8 GiB laptop
MAX_TIME_COST = 12
MAX_PARALLELISM = 16  # calibration uses 4; more lanes buy nothing on a laptop
TARGET_SECONDS = 0.5


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = MIN_MEMORY_KIB
    time_cost: int = MIN_TIME_COST
    parallelism: int = MIN_PARALLELISM

    def require_minimum(self) -> None:
        if (
            self.memory_kib < MIN_MEMORY_KIB
            or self.time_cost < MIN_TIME_COST
            or self.parallelism < MIN_PARALLELISM
        ):
            raise WeakKeyParameters()

    def require_bounds(self) -> None:
        """The minimum, and no more than this program ever writes: a key file asking for
        terabytes or a million passes is damaged, refused before Argon2 runs (no hang)."""
        values = (self.memory_kib, self.time_cost, self.parallelism)
        if not all(type(v) is int for v in values):
            raise KeySlotsDamaged("Schlüsselparameter sind keine ganzen Zahlen")
        if (
            self.memory_kib > MAX_MEMORY_KIB
            or self.time_cost > MAX_TIME_COST
            or self.parallelism > MAX_PARALLELISM
        ):
            raise KeySlotsDamaged("Schlüsselparameter über dem Höchstmaß")
        self.require_minimum()

    def as_dict(self) -> dict[str, int]:
        return {
            "memory_kib": self.memory_kib,
            "time_cost": self.time_cost,
            "parallelism": self.parallelism,
        }


MINIMUM = KdfParams()


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """32-byte key from an (already NFC-normalised) passphrase."""
    params.require_bounds()
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _time_once(params: KdfParams, clock: Callable[[], float]) -> float:
    start = clock()
    derive_key("calibration passphrase", b"\0" * 16, params)
    return clock() - start


def calibrate(
    target_seconds: float = TARGET_SECONDS,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[KdfParams, float]:
    """Parameters that take about `target_seconds` here, never below the minimum.

    Memory grows first (it is what makes guessing expensive on GPUs), then time cost.
    Returns the parameters and the measured seconds for them.
    """
    base = MINIMUM
    elapsed = _time_once(base, clock)
    if elapsed >= target_seconds:
        return base, elapsed
    scale = target_seconds / max(elapsed, 1e-3)
    memory = min(MAX_MEMORY_KIB, int(base.memory_kib * scale) // 1024 * 1024)
    memory = max(memory, MIN_MEMORY_KIB)
    time_cost = base.time_cost
    if memory == MAX_MEMORY_KIB:
        rest = scale * base.memory_kib / MAX_MEMORY_KIB
        time_cost = min(MAX_TIME_COST, max(MIN_TIME_COST, round(base.time_cost * rest)))
    params = KdfParams(memory, time_cost, MIN_PARALLELISM)
    return params, _time_once(params, clock)
