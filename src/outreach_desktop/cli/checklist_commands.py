"""`outreach-desktop checklist show`: an appointment's checklists by phase, what blocks which
step of the conduct flow, and for home visits the timeline with its call attempts. Both outputs
are rendered from one `ChecklistView`."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from outreach_desktop.cli.appointment_commands import appointment_json
from outreach_desktop.cli.checklist_view import (
    ChecklistView,
    ItemView,
    PhaseView,
    checklist_view,
)
from outreach_desktop.cli.common import german_day, german_moment, print_json, unlocked
from outreach_desktop.domain.checklists import ItemKind, ItemState
from outreach_desktop.domain.conduct import Conduct, StepOption
from outreach_desktop.domain.home_visit import LetterKind
from outreach_desktop.domain.home_visit_timeline import TimelineStatus

if TYPE_CHECKING:
    from outreach_desktop.storage.workflow_repo import StoredCall

MARKS = {ItemState.DONE: "[x]", ItemState.OPEN: "[ ]", ItemState.NOT_APPLICABLE: "[-]"}
STATE_LABELS = {
    ItemState.DONE: "erledigt",
    ItemState.OPEN: "offen",
    ItemState.NOT_APPLICABLE: "entfällt",
}


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


# ---- JSON ---------------------------------------------------------------------------------------
def _item_json(view: ItemView) -> dict[str, Any]:
    s = view.status
    item, answer = s.item, s.answer
    return {
        "id": item.id,
        "checklist_id": s.checklist.id,
        "label": item.label_de,
        "kind": item.kind.value,
        "required": item.required,
        "success": item.success,
        "state": s.state.value,
        "state_label": STATE_LABELS[s.state],
        "value": None if answer is None else answer.value,
        "display": view.display,
        "answered_at": None if answer is None else _iso(answer.answered_at),
        "answered_by": None if answer is None else answer.answered_by,
        "answered_by_name": view.answered_by_name,
        "answered_checklist_version": view.answered_checklist_version,
        "source": answer.source.value if answer and answer.source else None,
        "source_label": answer.source.label_de if answer and answer.source else None,
        "consent": item.consent.value if item.consent else None,
        "blocks": item.blocks.value if item.blocks else None,
        "blocks_label": item.blocks.label_de if item.blocks else None,
        "blocking": view.blocking,
    }


def _phase_json(view: PhaseView) -> dict[str, Any]:
    return {
        "phase": view.phase.value,
        "label": view.phase.label_de,
        "progress": {"done": view.done, "total": view.total},
        "items": [_item_json(item) for item in view.items],
    }


def _step_json(step: StepOption) -> dict[str, Any]:
    return {
        "transition": step.transition.value,
        "label": step.transition.label_de,
        "allowed": step.allowed,
        "reasons": step.messages,
    }


def _timeline_json(line: TimelineStatus) -> dict[str, Any]:
    return {
        "visit_day": _iso(line.visit_day),
        "cancelled": line.cancelled,
        "failed_calls": line.failed_calls,
        "can_announce": line.can_announce,
        "letters": [
            {
                "kind": kind.value,
                "label": kind.label_de,
                "opens": _iso(line.window(kind).opens),
                "due": _iso(line.window(kind).due),
                "state": line.state(kind).value,
                "state_label": line.state(kind).label_de,
                "sent_on": _iso(line.sent_on(kind)),
            }
            for kind in LetterKind
        ],
        "warnings": [{"code": w.code.value, "message": w.message} for w in line.warnings],
    }


def _conduct_json(c: Conduct) -> dict[str, Any]:
    return {
        "started_at": _iso(c.started_at),
        "entered_home_at": _iso(c.entered_home_at),
        "others_present_at": _iso(c.others_present_at),
        "third_party_alone_at": _iso(c.third_party_alone_at),
        "outcome": c.outcome.value if c.outcome else None,
        "outcome_label": c.outcome.label_de if c.outcome else None,
        "outcome_at": _iso(c.outcome_at),
        "broken_off_by": c.broken_off_by.value if c.broken_off_by else None,
        "broken_off_by_label": c.broken_off_by.label_de if c.broken_off_by else None,
        "outcome_reason": c.outcome_reason,
    }


def _call_json(stored: StoredCall) -> dict[str, Any]:
    call = stored.call
    return {
        "id": stored.id,
        "at": _iso(call.at),
        "outcome": call.outcome.value,
        "outcome_label": call.outcome.label_de,
        "failed": call.failed,
        "note": call.note,
    }


def checklist_json(view: ChecklistView) -> dict[str, Any]:
    return {
        "appointment": appointment_json(view.appointment, (view.done, view.total)),
        "today": _iso(view.today),
        "checklists": [
            {"id": cl.id, "version": cl.version, "title": cl.title_de} for cl in view.checklists
        ],
        "progress": {"done": view.done, "total": view.total},
        "phases": [_phase_json(phase) for phase in view.phases],
        "transitions": [_step_json(step) for step in view.steps],
        "conduct": _conduct_json(view.conduct),
        "consents": [kind.value for kind in view.consents],
        "timeline": None if view.timeline is None else _timeline_json(view.timeline),
        "calls": [_call_json(call) for call in view.calls],
        "warnings": list(view.warnings),
    }


# ---- text ---------------------------------------------------------------------------------------
def _print_head(view: ChecklistView) -> None:
    a = view.appointment.appointment
    head = [
        f"{german_moment(a.start)}–{a.end:%H:%M}",
        a.approach.label_de,
        view.appointment.client_name or "anonym",
    ]
    if view.appointment.where:
        head.append(view.appointment.where)
    print("Termin: " + " · ".join(head))
    print(f"Status: {a.status.label_de}")
    c = view.conduct
    steps = [
        ("begonnen", c.started_at),
        ("in der Wohnung", c.entered_home_at),
        ("weitere Personen anwesend", c.others_present_at),
        ("Gespräch mit Dritten allein", c.third_party_alone_at),
    ]
    done_steps = [f"{label} {german_moment(at)}" for label, at in steps if at]
    if done_steps:
        print("Durchführung: " + "; ".join(done_steps))
    if c.outcome:
        at = german_moment(c.outcome_at) if c.outcome_at else ""
        outcome = f"Ergebnis: {c.outcome.label_de} am {at}"
        if c.broken_off_by:
            outcome += f", abgebrochen von: {c.broken_off_by.label_de}"
        if c.outcome_reason:
            outcome += f" – {c.outcome_reason}"
        print(outcome)
    titles = (f"{c.title_de} ({c.id}, Version {c.version})" for c in view.checklists)
    print("Checklisten: " + ", ".join(titles))
    print(f"Erledigt: {view.done}/{view.total} Pflichtpunkte")


def _item_line(view: ItemView) -> str:
    s = view.status
    item, answer = s.item, s.answer
    line = f"  {MARKS[s.state]} {item.label_de}"
    if not item.required:
        line += " (freiwillig)"
    if view.display is not None and item.kind is not ItemKind.TICK:
        line += f": {view.display}"
    if view.blocking and item.blocks:
        line += f" – sperrt „{item.blocks.label_de}“"
    elif item.blocks and s.state is not ItemState.NOT_APPLICABLE:
        line += f" – Voraussetzung für „{item.blocks.label_de}“"
    if answer is not None and answer.source is not None:  # pre-filled from a recorded fact
        line += f" [{answer.source.label_de}]"
    elif answer is not None and answer.answered_at:
        line += f" [{german_moment(answer.answered_at)}"
        if view.answered_by_name:
            line += f", {view.answered_by_name}"
        line += "]"
    return line


def _print_timeline(line: TimelineStatus, calls: tuple[StoredCall, ...]) -> None:
    print()
    print(f"Zeitplan Hausbesuch ({german_day(line.visit_day)})")
    for kind in LetterKind:
        window, sent = line.window(kind), line.sent_on(kind)
        text = (
            f"  {kind.label_de}: {german_day(window.opens)} bis {german_day(window.due)}"
            f" – {line.state(kind).label_de}"
        )
        if sent:
            text += f" am {german_day(sent)}"
        print(text)
    ready = "Ankündigung möglich" if line.can_announce else "Ankündigung noch nicht"
    print(f"  Erfolglose Anrufversuche: {line.failed_calls} ({ready})")
    for warning in line.warnings:
        print(f"  Warnung: {warning.message}")
    print()
    print("Anrufversuche")
    if not calls:
        print("  keine")
    for stored in calls:
        call = stored.call
        text = f"  {german_moment(call.at)}  {call.outcome.label_de}"
        if call.note:
            text += f" – {call.note}"
        print(text)


def _print_text(view: ChecklistView) -> None:
    _print_head(view)
    for phase in view.phases:
        print()
        print(f"{phase.phase.label_de} ({phase.done}/{phase.total})")
        for item in phase.items:
            print(_item_line(item))
    if view.timeline is not None:
        _print_timeline(view.timeline, view.calls)
    timeline_messages = {w.message for w in view.timeline.warnings} if view.timeline else set()
    others = [w for w in view.warnings if w not in timeline_messages]
    if others:
        print()
        print("Hinweise")
        for warning in others:
            print(f"  {warning}")
    print()
    print("Schritte der Durchführung")
    for step in view.steps:
        if step.allowed:
            print(f"  {step.transition.label_de}: möglich")
            continue
        print(f"  {step.transition.label_de}: gesperrt")
        for reason in step.messages:
            print(f"    – {reason}")


def show(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        view = checklist_view(session, args.appointment, date.today())
    if args.json:
        print_json(checklist_json(view))
    else:
        _print_text(view)
    return 0
