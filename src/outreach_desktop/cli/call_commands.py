"""`outreach-desktop calls add|list`: the call attempts before a home visit, on the same service
as the GUI's "Anruf erfassen" (`WorkflowService.log_call`)."""

from __future__ import annotations

import argparse
from datetime import datetime

from outreach_desktop.cli.common import german_moment, print_json, print_table, unlocked
from outreach_desktop.domain.home_visit import CallAttempt, CallOutcome

OUTCOMES = [o.value for o in CallOutcome]
OUTCOMES_HELP = "; ".join(f"{o.value} = {o.label_de}" for o in CallOutcome)


def add(args: argparse.Namespace) -> int:
    at: datetime = args.at or datetime.now()
    call = CallAttempt(
        at.replace(second=0, microsecond=0), CallOutcome(args.outcome), args.note, args.agreed
    )
    with unlocked(args) as session:
        call_id = session.workflow.log_call(args.appointment, call)
        state = session.workflow.state(args.appointment, datetime.now().date())
        needed = session.workflow.timeline_settings.min_failed_calls
    print(call_id)
    if state.timeline is not None and state.timeline.agreed_by_phone:
        print("Termin telefonisch vereinbart: Ankündigung und Erinnerung sind freiwillig; "
              "eine Terminbestätigung passt.")  # fmt: skip
    elif state.timeline is not None:
        print(f"Erfolglose Anrufversuche: {state.timeline.failed_calls} (nötig vor der "
              f"Ankündigung: {needed})")  # fmt: skip
    return 0


def list_calls(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        calls = session.workflow.state(args.appointment, datetime.now().date()).calls
    if args.json:
        print_json([
            {"id": c.id, "at": c.call.at.isoformat(timespec="minutes"),
             "outcome": c.call.outcome.value, "outcome_label": c.call.outcome.label_de,
             "note": c.call.note, "agreed": c.call.agreed}
            for c in calls
        ])  # fmt: skip
        return 0
    if not calls:
        print("Keine Anrufversuche erfasst.")
        return 0
    print_table(
        ["Zeitpunkt", "Ergebnis", "Notiz", "ID"],
        [[german_moment(c.call.at), _outcome(c.call), c.call.note, c.id] for c in calls],
    )
    return 0


def _outcome(call: CallAttempt) -> str:
    return call.outcome.label_de + (", Termin vereinbart" if call.agreed else "")
