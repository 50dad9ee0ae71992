"""Außentermine heute: the day plan read from the vault (one query) and rendered as a PDF with
the agency's letterhead. Client names only when the caseworker asks for them."""

from __future__ import annotations

from datetime import date, datetime

from outreach_desktop.documents.day_plan import render_day_plan
from outreach_desktop.domain.day_plan import DayPlan, day_plan
from outreach_desktop.services.agency import letterhead
from outreach_desktop.services.session import Session
from outreach_desktop.services.settings import load_settings


def plan_for(session: Session, day: date, *, with_names: bool = False) -> DayPlan:
    return day_plan(day, session.appointments.outings_on(day), with_names=with_names)


def day_plan_pdf(session: Session, day: date, now: datetime, *, with_names: bool = False) -> bytes:
    """The day plan of `day` as PDF bytes (nothing written; save with documents.save_pdf)."""
    joined = session.identity.joined_setup()
    head = letterhead(load_settings(), joined.setup if joined else None)
    return render_day_plan(plan_for(session, day, with_names=with_names), head, now)
