"""The values a checklist item can take: one check for the GUI, the CLI and bulk writes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from outreach_desktop.domain.checklists import Item, ItemKind
from outreach_desktop.domain.date_window import MESSAGE as DATE_WINDOW
from outreach_desktop.domain.date_window import in_window
from outreach_desktop.domain.errors import FieldError, ValidationError
from outreach_desktop.domain.field_limits import CHECKLIST_ANSWER, too_long


def check_answer_value(item: Item, value: Any, is_staff: Callable[[str], bool]) -> None:
    """Refuse a value `item` cannot take (ValidationError naming the item)."""

    def bad(message: str) -> ValidationError:
        return ValidationError([FieldError(item.id, item.label_de, message)])

    kind = item.kind
    if kind in (ItemKind.FACT, ItemKind.CONSENT):
        raise bad("Wird vom Programm ermittelt und kann nicht angekreuzt werden.")
    if kind in (ItemKind.TICK, ItemKind.YES_NO):
        if not isinstance(value, bool):
            raise bad("Erwartet wird ja oder nein.")
        return
    if not isinstance(value, str):
        raise bad("Erwartet wird ein Text.")
    if len(value) > CHECKLIST_ANSWER:
        raise bad(too_long(CHECKLIST_ANSWER, len(value)))
    if kind is ItemKind.CHOICE and value not in {c.id for c in item.choices}:
        raise bad("Bitte eine der Möglichkeiten wählen.")
    if kind is ItemKind.DATE:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise bad("Bitte ein Datum angeben.") from None
        if not in_window(day):
            raise bad(DATE_WINDOW)
    if kind is ItemKind.PERSON and not is_staff(value):
        raise bad("Diese Person gibt es nicht.")
