"""Checklist answers as a caseworker gives them, through the workflow service: plausible values,
phase by phase, at the times they would be given."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from outreach_desktop.demo.days import at, workday_after, workday_before
from outreach_desktop.demo.run import DemoRun
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.checklists import Item, ItemKind, ItemState, Phase

NOT_ANSWERED = (ItemKind.FACT, ItemKind.CONSENT)  # the program works these out


def value(run: DemoRun, a: Appointment, item: Item, when: datetime) -> Any:
    """A plausible answer. Yes/no questions that open further items are answered "no" unless
    a story asks otherwise; success measures are mostly "yes"."""
    rng = run.rng
    if item.kind is ItemKind.TICK:
        return True
    if item.kind is ItemKind.YES_NO:
        if item.expect is not None:
            return item.expect
        return rng.random() < 0.75 if item.success else False
    if item.kind is ItemKind.CHOICE:
        if item.id == "acc.scope":  # taking part in the conversation is the exception
            return item.choices[0].id
        return rng.choice(item.choices).id
    if item.kind is ItemKind.DATE:
        if item.phase is Phase.FOLLOW_UP:
            day = workday_after(a.start.date() + timedelta(days=1))
        else:
            day = workday_before(when.date() - timedelta(days=rng.randint(0, 3)))
        return day.isoformat()
    if item.kind is ItemKind.PERSON:
        if item.id.endswith(".leader"):
            return run.leader.id
        others = [s for s in run.colleagues[:3] if s.id not in a.staff_ids]
        return rng.choice(others).id
    if item.id == "wt.meeting_point":
        return a.place or rng.choice(run.names.meeting_points)
    if item.id == "dp.recognition_sign":
        return rng.choice(run.texts.recognition_signs)
    return run.texts.answer(item.id)


def open_items(run: DemoRun, a: Appointment, phase: Phase, when: datetime) -> list[Item]:
    """Items of `phase` that apply now and still wait for an answer."""
    status = run.session.workflow.state(a.id, when.date()).status
    return [
        s.item
        for s in status.items
        if s.item.phase is phase
        and s.state is ItemState.OPEN
        and s.answer is None
        and s.item.kind not in NOT_ANSWERED
    ]


def answer_phase(
    run: DemoRun,
    a: Appointment,
    phase: Phase,
    when: datetime,
    share: float = 1.0,
    overrides: dict[str, Any] | None = None,
) -> None:
    """Answer about `share` of the open items of `phase`, a minute apart; `overrides` always,
    with the given values. Answers may make further items apply, so the status is read
    again (three rounds at most)."""
    overrides = overrides or {}
    skipped: set[str] = set()
    for _ in range(3):
        todo = [i for i in open_items(run, a, phase, when) if i.id not in skipped]
        if not todo:
            return
        for item in todo:
            if item.id not in overrides and run.rng.random() >= share:
                skipped.add(item.id)
                continue
            answer = overrides[item.id] if item.id in overrides else value(run, a, item, when)
            run.session.workflow.answer(a.id, item.id, answer, when, by=run.owner.id)
            run.count("answers")
            when += timedelta(minutes=1)


def prep_time(run: DemoRun, a: Appointment) -> datetime:
    """When the preparation was done: some days ahead, and before the demo day."""
    rng = run.rng
    day = a.start.date() - timedelta(days=rng.randint(2, 6))
    day = workday_before(min(day, run.today - timedelta(days=1)))
    return at(day, rng.choice((9, 10, 11, 13, 14)), rng.choice((0, 15, 30)))


def prepare(run: DemoRun, a: Appointment, share: float = 1.0) -> None:
    """The preparation phase, answered some days ahead."""
    answer_phase(run, a, Phase.PREPARATION, prep_time(run, a), share=share)
