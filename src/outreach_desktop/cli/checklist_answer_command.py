"""`outreach-desktop checklist answer`: answer one checklist item of an appointment, as the GUI's
checklist does (`WorkflowService.answer`, which checks the value against the item's kind). Items
the program works out itself (facts, consents) are refused there with the reason."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from outreach_desktop.cli.common import parse_day, unlocked
from outreach_desktop.cli.conduct_commands import follow_up_lines
from outreach_desktop.domain.checklists import ItemKind, ItemState
from outreach_desktop.domain.errors import DomainError, FieldError, ValidationError

YES = {"ja", "j", "yes", "y", "true", "1", "x"}
NO = {"nein", "n", "no", "false", "0"}


def _value(kind: ItemKind, label: str, text: str) -> Any:
    """The value of `text` for an item of `kind`: ja/nein for ticks and yes/no questions, a day
    (TT.MM.JJJJ) for dates, the staff id for persons, the text (or choice id) otherwise."""
    if kind in (ItemKind.TICK, ItemKind.YES_NO):
        word = text.strip().lower()
        if word in YES | NO:
            return word in YES
        raise ValidationError([FieldError("value", label, "Erwartet wird „ja“ oder „nein“.")])
    if kind is ItemKind.DATE:
        try:
            return parse_day(text).isoformat()
        except argparse.ArgumentTypeError as error:
            raise ValidationError([FieldError("value", label, str(error))]) from None
    return text


def answer(args: argparse.Namespace) -> int:
    now = datetime.now()
    with unlocked(args) as session:
        workflow = session.workflow
        found = workflow.state(args.appointment, now.date()).status.find(args.item)
        if found is None:
            raise DomainError(f"Die Checkliste dieses Termins hat keinen Punkt „{args.item}“.")
        label = found.item.label_de
        value = None if args.clear else _value(found.item.kind, label, args.value or "")
        workflow.answer(args.appointment, args.item, value, now)
        state = workflow.state(args.appointment, now.date())
    status = state.status.find(args.item)
    done = status is not None and status.state is ItemState.DONE
    print(f"{label}: {'erledigt' if done else 'offen'}")
    if state.options.finished:
        print("\n".join(follow_up_lines(state)))
    return 0
