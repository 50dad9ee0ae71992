"""Errors raised by domain rules. Messages are German, as the agency reads them."""

from __future__ import annotations

from dataclasses import dataclass

from outreach_desktop.domain.field_limits import NAME, too_long


class UserError(Exception):
    """A known problem whose message (German, one sentence or two) is meant for the user.

    Everything else that escapes is a bug: logged by type and location, never shown raw.
    """


class DomainError(UserError):
    """A rule of the domain was broken."""


class StaleRecord(UserError):
    """The record was changed elsewhere since this copy was read (its revision is behind).

    Raised by storage; declared here so the GUI can tell it apart from other known problems
    (e.g. reload and write again) without reaching into storage.
    """

    def __init__(self) -> None:
        super().__init__(
            "Der Eintrag wurde inzwischen an anderer Stelle geändert. Bitte neu laden."
        )


@dataclass(frozen=True)
class FieldError:
    field: str  # attribute name, e.g. "display_name"
    label: str  # German field label, e.g. "Name"
    message: str  # German sentence naming the problem

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"


class ValidationError(DomainError):
    """One or more fields are invalid; each error names its field."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    @property
    def fields(self) -> list[str]:
        return [e.field for e in self.errors]


class Checker:
    """Collects field errors, then raises them together."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    @property
    def fields(self) -> set[str]:
        return {e.field for e in self.errors}

    def fail(self, field: str, label: str, message: str) -> None:
        self.errors.append(FieldError(field, label, message))

    def require_text(self, value: str, field: str, label: str, max_len: int = NAME) -> None:
        if not value.strip():
            self.fail(field, label, "Bitte ausfüllen.")
        else:
            self.limit_text(value, field, label, max_len)

    def limit_text(self, value: str, field: str, label: str, max_len: int) -> None:
        """A value longer than `max_len` characters (field_limits.py) is refused."""
        if len(value) > max_len:
            self.fail(field, label, too_long(max_len, len(value)))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
