"""The passphrase policy: NFC normalization, minimum length, repetition."""

from __future__ import annotations

import unicodedata

import pytest

from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.domain.passphrase import (
    MIN_LENGTH,
    check_new_passphrase,
    normalize_passphrase,
)

COMPOSED = "Bärenstarke Übung 7"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def test_composed_and_decomposed_umlauts_are_equal() -> None:
    assert COMPOSED != DECOMPOSED  # really different code points
    assert normalize_passphrase(DECOMPOSED) == normalize_passphrase(COMPOSED) == COMPOSED


def test_check_returns_nfc() -> None:
    assert check_new_passphrase(DECOMPOSED) == COMPOSED


def test_repetition_in_other_normal_form_matches() -> None:
    assert check_new_passphrase(COMPOSED, DECOMPOSED) == COMPOSED


def test_length_is_counted_after_normalization() -> None:
    # 11 letters typed as 22 code points (each "ä" decomposed) are still too short.
    short = unicodedata.normalize("NFD", "ä" * (MIN_LENGTH - 1))
    assert len(short) > MIN_LENGTH
    with pytest.raises(ValidationError) as info:
        check_new_passphrase(short)
    assert info.value.fields == ["passphrase"]


def test_minimum_length() -> None:
    assert MIN_LENGTH == 12
    check_new_passphrase("a" * 12)
    with pytest.raises(ValidationError) as info:
        check_new_passphrase("a" * 11)
    (error,) = info.value.errors
    assert (error.field, error.label) == ("passphrase", "Passphrase")
    assert "12" in error.message


def test_only_spaces_refused() -> None:
    with pytest.raises(ValidationError) as info:
        check_new_passphrase(" " * 20)
    assert info.value.fields == ["passphrase"]
    assert "Leerzeichen" in str(info.value)


def test_mismatched_repetition() -> None:
    with pytest.raises(ValidationError) as info:
        check_new_passphrase("Korrekt Pferd Batterie 42", "Korrekt Pferd Batterie 43")
    (error,) = info.value.errors
    assert (error.field, error.label) == ("passphrase_repeat", "Wiederholung")
    assert "stimmen nicht" in error.message


def test_short_and_mismatched_reports_both() -> None:
    with pytest.raises(ValidationError) as info:
        check_new_passphrase("kurz", "anders")
    assert info.value.fields == ["passphrase", "passphrase_repeat"]


def test_no_repetition_given_means_no_repetition_check() -> None:
    assert check_new_passphrase("Korrekt Pferd Batterie 42", None) == "Korrekt Pferd Batterie 42"
