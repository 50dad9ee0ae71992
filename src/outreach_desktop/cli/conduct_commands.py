"""`outreach-desktop appointments begin|step|finish|map|close`: conducting an appointment and
closing its follow-up on the services and rules of the GUI's *Vor Ort* (`WorkflowService.step`,
`.finish`, `.document_at_map`, `.close`; `conduct.conduct_options`): a hard block refuses here as
there, with its German reasons."""

from __future__ import annotations

import argparse
from datetime import datetime

from outreach_desktop.cli.common import german_moment, german_time, unlocked
from outreach_desktop.domain.checklists import Transition
from outreach_desktop.domain.conduct import OUTCOMES, BrokenOffBy
from outreach_desktop.domain.vocabulary import AppointmentStatus
from outreach_desktop.services.workflow import AppointmentState

# The on-site steps after the beginning, as the GUI's buttons offer them.
STEPS = {
    t.value: t
    for t in (Transition.ENTER_HOME, Transition.OTHERS_PRESENT, Transition.THIRD_PARTY_ALONE)
}
STEPS_HELP = "; ".join(f"{value} = {t.label_de}" for value, t in STEPS.items())
OUTCOME_CHOICES = [o.value for o in OUTCOMES]
OUTCOMES_HELP = "; ".join(f"{o.value} = {o.label_de}" for o in OUTCOMES)
BY = {b.value: b for b in BrokenOffBy}


def describe(state: AppointmentState) -> list[str]:
    """What the GUI's *Vor Ort* shows: the status, each step (since when, or why not now) and
    the outcomes offered now — all from `conduct.conduct_options`."""
    options, conduct = state.options, state.conduct
    status = state.appointment.status.label_de
    if conduct.started_at is not None and conduct.outcome is None:
        status = f"läuft seit {german_time(conduct.started_at)}"
    if conduct.outcome is not None and conduct.outcome_reason:
        status += f" – {conduct.outcome_reason}"
    lines = [f"Stand: {status}"]
    if options.finished:
        return lines + follow_up_lines(state)
    for step in options.steps:
        if step.transition in (Transition.START, Transition.CLOSE):
            continue
        if step.taken_at is not None:
            note = f"seit {german_time(step.taken_at)}"
        else:
            note = "möglich" if step.allowed else "gesperrt: " + " ".join(step.messages)
        lines.append(f"{step.transition.value} ({step.transition.label_de}): {note}")
    offered = ", ".join(f"{o.value} ({o.label_de})" for o in options.outcomes)
    lines.append(f"Mögliche Ergebnisse: {offered}")
    return lines


def begin(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        state = session.workflow.step(args.appointment, Transition.START, datetime.now())
    print("\n".join(describe(state)))
    return 0


def step(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        state = session.workflow.step(args.appointment, STEPS[args.step], datetime.now())
    print("\n".join(describe(state)))
    return 0


def finish(args: argparse.Namespace) -> int:
    outcome = AppointmentStatus(args.outcome)
    by = BY[args.by] if args.by else None
    with unlocked(args) as session:
        state = session.workflow.finish(
            args.appointment, outcome, datetime.now(), broken_off_by=by, reason=args.reason
        )
    print("\n".join(describe(state)))
    return 0


def follow_up_lines(state: AppointmentState) -> list[str]:
    """The follow-up of an ended appointment: documented at the MAP (by whom, when), closed
    (when), or what still keeps it open — `conduct.step_reasons` for the close step."""
    conduct, lines = state.conduct, []
    if conduct.map_documented_at is not None:
        when = german_moment(conduct.map_documented_at)
        lines.append(f"Direkt am MAP in VerBIS dokumentiert: {conduct.map_documented_by}, {when}")
    close = state.options.step(Transition.CLOSE)
    if conduct.closed_at is not None:
        lines.append(f"Nachbereitung abgeschlossen am {german_moment(conduct.closed_at)}")
    elif close is not None and close.allowed:
        lines.append("Nachbereitung: alles erledigt, kann abgeschlossen werden "
                     "(appointments close)")  # fmt: skip
    elif close is not None:
        lines.append("Nachbereitung offen: " + " ".join(close.messages))
    return lines


def document_at_map(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        by = args.by
        if by is None:
            owner = session.owner()
            by = owner.name if owner is not None else ""
        state = session.workflow.document_at_map(args.appointment, by, datetime.now())
    print("\n".join(describe(state)))
    return 0


def close(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        state = session.workflow.close(args.appointment, datetime.now())
    print("\n".join(describe(state)))
    return 0
