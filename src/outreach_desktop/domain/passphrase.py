"""The passphrase policy. Passphrases are compared in NFC so that the same word typed on
different keyboards (composed or decomposed umlauts) unlocks the same vault."""

from __future__ import annotations

import unicodedata

from outreach_desktop.domain.errors import FieldError, ValidationError

MIN_LENGTH = 12


def normalize_passphrase(passphrase: str) -> str:
    return unicodedata.normalize("NFC", passphrase)


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> str:
    """Return the normalized passphrase or raise ValidationError naming the problem."""
    value = normalize_passphrase(passphrase)
    errors: list[FieldError] = []
    if len(value) < MIN_LENGTH:
        errors.append(
            FieldError("passphrase", "Passphrase", f"Mindestens {MIN_LENGTH} Zeichen verwenden.")
        )
    elif not value.strip():
        errors.append(FieldError("passphrase", "Passphrase", "Nur Leerzeichen sind nicht erlaubt."))
    if repeated is not None and normalize_passphrase(repeated) != value:
        errors.append(
            FieldError("passphrase_repeat", "Wiederholung", "Die Eingaben stimmen nicht überein.")
        )
    if errors:
        raise ValidationError(errors)
    return value
