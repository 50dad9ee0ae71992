"""Argon2id calibration (the only test that calibrates)."""

from __future__ import annotations

from outreach_desktop.storage.kdf import MAX_MEMORY_KIB, MINIMUM, calibrate


def test_calibrate_never_goes_below_minimum_and_measures() -> None:
    params, seconds = calibrate(target_seconds=0.001)
    assert params == MINIMUM
    assert seconds > 0

    params, seconds = calibrate(target_seconds=0.4)
    params.require_minimum()
    assert params.memory_kib >= MINIMUM.memory_kib
    assert params.memory_kib <= MAX_MEMORY_KIB
    assert params.memory_kib % 1024 == 0
    assert params.time_cost >= MINIMUM.time_cost
    assert params.parallelism >= MINIMUM.parallelism
    assert 0 < seconds < 10
