"""`outreach-desktop appointments …`"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time, timedelta
from typing import Any

from outreach_desktop.cli.common import (
    german_day,
    german_time,
    print_json,
    print_table,
    unlocked,
)
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.errors import FieldError, ValidationError
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.appointments import AppointmentView
from outreach_desktop.services.session import Session

DEFAULT_DAYS = 28


def _range(args: argparse.Namespace, today: date) -> tuple[date, date] | None:
    first: date = args.from_day or today
    last: date = args.to_day or first + timedelta(days=DEFAULT_DAYS)
    if last < first:
        return None
    return first, last


def appointment_json(view: AppointmentView, progress: tuple[int, int]) -> dict[str, Any]:
    a = view.appointment
    return {
        "id": a.id,
        "start": a.start.isoformat(timespec="minutes"),
        "end": a.end.isoformat(timespec="minutes"),
        "planned_duration_min": a.planned_duration_min,
        "buffer_min": a.buffer_min,
        "approach": a.approach.value,
        "approach_label": a.approach.label_de,
        "status": a.status.value,
        "status_label": a.status.label_de,
        "client_id": a.client_id,
        "client_name": view.client_name or None,
        "third_party_id": a.third_party_id,
        "third_party_name": view.third_party_name or None,
        "staff_ids": list(a.staff_ids),
        "staff_names": list(view.staff_names),
        "place": a.place,
        "where": view.where,
        "first_meeting": a.first_meeting,
        "spontaneous": a.spontaneous,
        "predecessor_id": a.predecessor_id,
        "relocated_from_id": a.relocated_from_id,
        "progress": {"done": progress[0], "total": progress[1]},
    }


def list_appointments(args: argparse.Namespace) -> int:
    today = date.today()
    span = _range(args, today)
    if span is None:
        print("Aufruf fehlerhaft: --to liegt vor --from.", file=sys.stderr)
        return 2
    first, last = span
    with unlocked(args) as session:
        start = datetime.combine(first, time.min)
        end = datetime.combine(last + timedelta(days=1), time.min)
        views = session.appointments.between_views(start, end)
        progress = [session.workflow.state(v.appointment.id, today).progress() for v in views]
    if args.json:
        print_json([appointment_json(v, p) for v, p in zip(views, progress, strict=True)])
        return 0
    if not views:
        print(f"Keine Termine vom {german_day(first)} bis {german_day(last)}.")
        return 0
    rows = []
    for view, (done, total) in zip(views, progress, strict=True):
        a = view.appointment
        rows.append(
            [
                german_day(a.start),
                f"{german_time(a.start)}–{german_time(a.end)}",
                a.approach.label_de,
                view.client_name or "anonym",
                view.where,
                a.status.label_de,
                f"{done}/{total}",
                a.id,
            ]
        )
    print_table(
        ["Datum", "Zeit", "Ansatz", "Kundin/Kunde", "Ort", "Status", "Checkliste", "ID"], rows
    )
    return 0


def _check_people(session: Session, args: argparse.Namespace, staff_ids: list[str]) -> None:
    """Unknown ids are named per field before anything is written."""
    errors = []
    if args.client and session.clients.find(args.client) is None:
        errors.append(
            FieldError("client_id", "Kundin/Kunde", f"Die ID „{args.client}“ gibt es nicht.")
        )
    if args.third_party and session.third_parties.find(args.third_party) is None:
        errors.append(
            FieldError("third_party_id", "Dritte", f"Die ID „{args.third_party}“ gibt es nicht.")
        )
    for staff_id in staff_ids:
        if session.staff.find(staff_id) is None:
            errors.append(
                FieldError("staff_ids", "Mitarbeitende", f"Die ID „{staff_id}“ gibt es nicht.")
            )
    if errors:
        raise ValidationError(errors)


def add(args: argparse.Namespace) -> int:
    approach = Approach(args.approach)
    fields: dict[str, Any] = {
        "client_id": None if args.anonymous else args.client,
        "third_party_id": args.third_party,
        "place": args.place,
        "first_meeting": args.first_meeting,
        "spontaneous": args.spontaneous,
    }
    if args.duration is not None:
        fields["planned_duration_min"] = args.duration
    if args.buffer is not None:
        fields["buffer_min"] = args.buffer
    start = args.start.replace(second=0, microsecond=0)
    with unlocked(args) as session:
        staff_ids = list(args.staff or [])
        if not staff_ids:
            owner = session.owner()
            staff_ids = [owner.id] if owner else []
        _check_people(session, args, staff_ids)
        appointment = Appointment.plan(approach, start, staff_ids=staff_ids, **fields)
        session.appointments.save(appointment)
        warnings = session.appointments.clash_warnings(appointment)
    for warning in warnings:  # a warning, not a block: the appointment is planned
        print(f"Hinweis: {warning}", file=sys.stderr)
    print(appointment.id)
    return 0
