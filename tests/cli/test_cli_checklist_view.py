"""`checklist show` renders its JSON and its text from one typed view: on every appointment of a
demo vault, the text says what the JSON holds."""

from __future__ import annotations

import contextlib
import io
import json
from datetime import date
from typing import Any

from outreach_desktop.cli.checklist_commands import _print_text, checklist_json
from outreach_desktop.cli.checklist_view import checklist_view
from outreach_desktop.demo import fill_demo
from outreach_desktop.services.session import Session

DAY = date(2025, 3, 12)
MARKS = {"done": "[x]", "open": "[ ]", "not-applicable": "[-]"}


def text_says_what_json_holds(text: str, data: dict[str, Any]) -> None:
    lines = text.splitlines()
    assert f"Status: {data['appointment']['status_label']}" in lines
    progress = data["progress"]
    assert f"Erledigt: {progress['done']}/{progress['total']} Pflichtpunkte" in lines
    for phase in data["phases"]:
        done, total = phase["progress"]["done"], phase["progress"]["total"]
        assert f"{phase['label']} ({done}/{total})" in lines
        for item in phase["items"]:
            start = f"  {MARKS[item['state']]} {item['label']}"
            line = next(x for x in lines if x.startswith(start))
            assert ("sperrt „" in line) == item["blocking"]
            if item["source_label"]:  # pre-filled from a recorded fact: marked, no time
                assert line.endswith(f"[{item['source_label']}]"), line
                assert item["answered_by"] is None
    for step in data["transitions"]:
        assert f"  {step['label']}: {'möglich' if step['allowed'] else 'gesperrt'}" in lines
        assert all(f"    – {reason}" in lines for reason in step["reasons"])
    conduct = data["conduct"]
    outcome = [x for x in lines if x.startswith("Ergebnis: ")]
    assert len(outcome) == (1 if conduct["outcome"] else 0)
    if conduct["outcome"]:
        assert outcome[0].startswith(f"Ergebnis: {conduct['outcome_label']} am ")
        assert conduct["outcome_reason"] in outcome[0]
    line = data["timeline"]
    if line is None:
        assert "Anrufversuche" not in lines
        return
    ready = "möglich" if line["can_announce"] else "noch nicht"
    assert f"  Erfolglose Anrufversuche: {line['failed_calls']} (Ankündigung {ready})" in lines
    assert all(f"  Warnung: {w['message']}" in lines for w in line["warnings"])
    calls = lines[lines.index("Anrufversuche") + 1 :]
    calls = calls[: calls.index("")] if "" in calls else calls
    assert len(calls) == (len(data["calls"]) or 1)  # "  keine" when there are none


def test_text_and_json_come_from_one_view(session: Session) -> None:
    fill_demo(session, clients=12, seed=3, today=DAY)
    appointments = session.appointments.search("", limit=-1)
    assert len(appointments) > 10
    for a in appointments:
        view = checklist_view(session, a.id, DAY)
        data = json.loads(json.dumps(checklist_json(view), default=str))
        assert data["appointment"]["id"] == a.id
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            _print_text(view)
        assert out.getvalue().startswith("Termin: ")
        text_says_what_json_holds(out.getvalue(), data)


def test_prefilled_items_are_marked_in_text_and_json(session: Session) -> None:
    """The meeting point from the place, the staff from the appointment (the demo's visits
    have two staff), marked "… aus dem Termin übernommen"."""
    fill_demo(session, clients=12, seed=3, today=DAY)
    sources: dict[str, set[str]] = {}
    for a in session.appointments.search("", limit=-1):
        data = json.loads(json.dumps(checklist_json(checklist_view(session, a.id, DAY)),
                                     default=str))  # fmt: skip
        for phase in data["phases"]:
            for item in phase["items"]:
                if item["source"]:
                    sources.setdefault(item["id"], set()).add(item["source_label"])
                    if item["id"] == "hv.second_staff":
                        assert item["display"] == ", ".join(data["appointment"]["staff_names"])
    assert sources.get("wt.meeting_point") == {"Ort aus dem Termin übernommen"}
    assert sources.get("hv.second_staff") == {"Mitarbeitende aus dem Termin übernommen"}
