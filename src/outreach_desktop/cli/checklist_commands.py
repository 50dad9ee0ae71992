"""`outreach-desktop checklist show`: an appointment's checklists by phase, what blocks which
step of the conduct flow, and for home visits the timeline with its call attempts."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from outreach_desktop.cli.appointment_commands import appointment_json
from outreach_desktop.cli.common import german_day, german_moment, print_json, unlocked
from outreach_desktop.domain.checklists import Item, ItemKind, ItemState, ItemStatus, Phase
from outreach_desktop.domain.home_visit import LetterKind
from outreach_desktop.services.session import Session

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


def _display(item: Item, value: Any, staff: dict[str, str]) -> str:
    """The answer as the caseworker reads it."""
    if isinstance(value, bool):
        return "Ja" if value else "Nein"
    if not isinstance(value, str):
        return str(value)
    if item.kind is ItemKind.PERSON:
        return staff.get(value, value)
    if item.kind is ItemKind.DATE:
        try:
            return german_day(date.fromisoformat(value))
        except ValueError:
            return value
    if item.kind is ItemKind.CHOICE:
        return next((c.label_de for c in item.choices if c.id == value), value)
    return value.replace("\n", " ")


def _item_json(s: ItemStatus, staff: dict[str, str], versions: dict[str, int]) -> dict[str, Any]:
    item, answer = s.item, s.answer
    blocking = item.blocks is not None and item.required and s.state is ItemState.OPEN
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
        "display": None if answer is None else _display(item, answer.value, staff),
        "answered_at": None if answer is None else _iso(answer.answered_at),
        "answered_by": None if answer is None else answer.answered_by,
        "answered_by_name": None
        if answer is None or not answer.answered_by
        else staff.get(answer.answered_by, answer.answered_by),
        "answered_checklist_version": versions.get(item.id),
        "consent": item.consent.value if item.consent else None,
        "blocks": item.blocks.value if item.blocks else None,
        "blocks_label": item.blocks.label_de if item.blocks else None,
        "blocking": blocking,
    }


def checklist_data(session: Session, appointment_id: str, today: date) -> dict[str, Any]:
    wf = session.workflow
    state = wf.state(appointment_id, today)
    a = state.appointment
    view = session.appointments.views([a])[0]
    staff = {s.id: s.name for s in session.staff.all()}
    versions = {k: v.checklist_version for k, v in wf.repo.answers(a.id).items()}
    phases = []
    for phase in Phase:
        done, total = state.progress(phase)
        phases.append(
            {
                "phase": phase.value,
                "label": phase.label_de,
                "progress": {"done": done, "total": total},
                "items": [
                    _item_json(s, staff, versions)
                    for s in state.status.items
                    if s.item.phase is phase
                ],
            }
        )
    transitions = [
        {
            "transition": step.transition.value,
            "label": step.transition.label_de,
            "allowed": step.allowed,
            "reasons": step.messages,
        }
        for step in state.options.steps
    ]
    c = state.conduct
    timeline = None
    if state.timeline is not None:
        line = state.timeline
        timeline = {
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
                    "sent_on": _iso(
                        line.announcement_sent_on
                        if kind is LetterKind.ANNOUNCEMENT
                        else line.reminder_sent_on
                    ),
                }
                for kind in LetterKind
            ],
            "warnings": [{"code": w.code.value, "message": w.message} for w in line.warnings],
        }
    done, total = state.progress()
    return {
        "appointment": appointment_json(view, (done, total)),
        "today": _iso(today),
        "checklists": [
            {"id": cl.id, "version": cl.version, "title": cl.title_de} for cl in state.checklists
        ],
        "progress": {"done": done, "total": total},
        "phases": phases,
        "transitions": transitions,
        "conduct": {
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
        },
        "consents": sorted(k.value for k in state.consents),
        "timeline": timeline,
        "calls": [
            {
                "id": stored.id,
                "at": _iso(stored.call.at),
                "outcome": stored.call.outcome.value,
                "outcome_label": stored.call.outcome.label_de,
                "failed": stored.call.failed,
                "note": stored.call.note,
            }
            for stored in state.calls
        ],
        "warnings": list(state.warnings),
    }


def _when(value: str | None) -> str:
    return german_moment(datetime.fromisoformat(value)) if value else ""


def _day(value: str | None) -> str:
    return german_day(date.fromisoformat(value)) if value else ""


def _print_text(data: dict[str, Any]) -> None:
    a = data["appointment"]
    start, end = datetime.fromisoformat(a["start"]), datetime.fromisoformat(a["end"])
    head = [
        f"{german_moment(start)}–{end:%H:%M}",
        a["approach_label"],
        a["client_name"] or "anonym",
    ]
    if a["where"]:
        head.append(a["where"])
    print("Termin: " + " · ".join(head))
    print(f"Status: {a['status_label']}")
    conduct = data["conduct"]
    steps = [
        ("begonnen", conduct["started_at"]),
        ("in der Wohnung", conduct["entered_home_at"]),
        ("weitere Personen anwesend", conduct["others_present_at"]),
        ("Gespräch mit Dritten allein", conduct["third_party_alone_at"]),
    ]
    done_steps = [f"{label} {_when(at)}" for label, at in steps if at]
    if done_steps:
        print("Durchführung: " + "; ".join(done_steps))
    if conduct["outcome"]:
        outcome = f"Ergebnis: {conduct['outcome_label']} am {_when(conduct['outcome_at'])}"
        if conduct["broken_off_by_label"]:
            outcome += f", abgebrochen von: {conduct['broken_off_by_label']}"
        if conduct["outcome_reason"]:
            outcome += f" – {conduct['outcome_reason']}"
        print(outcome)
    print(
        "Checklisten: "
        + ", ".join(f"{c['title']} ({c['id']}, Version {c['version']})" for c in data["checklists"])
    )
    progress = data["progress"]
    print(f"Erledigt: {progress['done']}/{progress['total']} Pflichtpunkte")

    for phase in data["phases"]:
        p = phase["progress"]
        print()
        print(f"{phase['label']} ({p['done']}/{p['total']})")
        for item in phase["items"]:
            mark = MARKS[ItemState(item["state"])]
            line = f"  {mark} {item['label']}"
            if not item["required"]:
                line += " (freiwillig)"
            if item["display"] is not None and item["kind"] != ItemKind.TICK.value:
                line += f": {item['display']}"
            if item["blocking"]:
                line += f" – sperrt „{item['blocks_label']}“"
            elif item["blocks"] and item["state"] != ItemState.NOT_APPLICABLE.value:
                line += f" – Voraussetzung für „{item['blocks_label']}“"
            if item["answered_at"]:
                line += f" [{_when(item['answered_at'])}"
                if item["answered_by_name"]:
                    line += f", {item['answered_by_name']}"
                line += "]"
            print(line)

    timeline = data["timeline"]
    if timeline is not None:
        print()
        print(f"Zeitplan Hausbesuch ({_day(timeline['visit_day'])})")
        for letter in timeline["letters"]:
            text = (
                f"  {letter['label']}: {_day(letter['opens'])} bis {_day(letter['due'])}"
                f" – {letter['state_label']}"
            )
            if letter["sent_on"]:
                text += f" am {_day(letter['sent_on'])}"
            print(text)
        ready = "Ankündigung möglich" if timeline["can_announce"] else "Ankündigung noch nicht"
        print(f"  Erfolglose Anrufversuche: {timeline['failed_calls']} ({ready})")
        for warning in timeline["warnings"]:
            print(f"  Warnung: {warning['message']}")
        print()
        print("Anrufversuche")
        if not data["calls"]:
            print("  keine")
        for call in data["calls"]:
            text = f"  {_when(call['at'])}  {call['outcome_label']}"
            if call["note"]:
                text += f" – {call['note']}"
            print(text)

    timeline_messages = {w["message"] for w in timeline["warnings"]} if timeline else set()
    others = [w for w in data["warnings"] if w not in timeline_messages]
    if others:
        print()
        print("Hinweise")
        for warning in others:
            print(f"  {warning}")

    print()
    print("Schritte der Durchführung")
    for step in data["transitions"]:
        if step["allowed"]:
            print(f"  {step['label']}: möglich")
            continue
        print(f"  {step['label']}: gesperrt")
        for reason in step["reasons"]:
            print(f"    – {reason}")


def show(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        data = checklist_data(session, args.appointment, date.today())
    if args.json:
        print_json(data)
    else:
        _print_text(data)
    return 0
