"""`outreach-desktop protocols new|write|finalize`: write a memory protocol's draft from a text
file (or standard input) and finalize it, on the services of the GUI's protocol editor
(`ProtocolService.begin`, `.save_draft`, `.finalize`) with their rules: a finalized protocol never
changes, finalizing refuses without topics or course, without a handover consent for information
to the main caseworker, or while a person present has no documented consent.

The text file: lines before the first heading are the course of the conversation
(*Gesprächsverlauf*); a line `# Themen` (any field's German name) starts that field."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime
from pathlib import Path

from outreach_desktop.cli.common import unlocked
from outreach_desktop.cli.secrets import read_text_file
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.protocols import TEXT_FIELDS, Protocol, SuccessRating
from outreach_desktop.services.session import Session

FIELDS = {label.casefold(): name for name, label in TEXT_FIELDS}
FIELDS_HELP = ", ".join(label for _name, label in TEXT_FIELDS)
SUCCESS = {r.value: r for r in SuccessRating}
SUCCESS_HELP = "; ".join(f"{r.value} = {r.label_de}" for r in SuccessRating)
ROUTES = ("to_verbis", "benefit_relevant", "inform_network", "to_main_caseworker")
_HEADING = re.compile(r"^#\s+(.+?)\s*:?\s*$")


def parse_sections(text: str) -> dict[str, str]:
    """Field name → text; a heading that names no field is refused, not taken as text."""
    sections: dict[str, list[str]] = {}
    current = "course"
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            name = FIELDS.get(heading.group(1).casefold())
            if name is None:
                raise DomainError(
                    f"Unbekannter Abschnitt „{line.strip()}“. Möglich sind: {FIELDS_HELP}."
                )
            current = name
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(line)
    return {name: "\n".join(lines).strip() for name, lines in sections.items()}


def _read_text(source: str | None) -> str | None:
    if source is None:
        return None
    if source == "-":
        return sys.stdin.read()
    return read_text_file(Path(source), "Die Textdatei")


def _sections(args: argparse.Namespace) -> dict[str, str]:
    text = _read_text(args.text)
    return parse_sections(text) if text is not None else {}


def _write(
    session: Session, protocol: Protocol, sections: dict[str, str], args: argparse.Namespace
) -> Protocol:
    """The draft with what the command line gives: the file's sections, duration, success and
    the routing flags; everything else stays as it is."""
    draft = session.protocols.copy_draft(protocol)
    for name, value in sections.items():
        setattr(draft, name, value)
    if args.duration is not None:
        draft.duration_min = args.duration
    if args.success is not None:
        draft.success = SUCCESS[args.success]
    for name in ROUTES:
        if getattr(args, name):
            setattr(draft, name, True)
    return session.protocols.save_draft(draft)


def new(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        existing = session.protocols.for_appointment(args.appointment)
        if existing:
            raise DomainError(
                f"Zu diesem Termin gibt es schon ein Protokoll (ID {existing[-1].id}); "
                "ändern mit „protocols write --id …“."
            )
        sections = _sections(args)
        with session.transaction():  # a refused text leaves no empty draft behind
            protocol = session.protocols.begin(datetime.now(), appointment_id=args.appointment)
            _write(session, protocol, sections, args)
    print(protocol.id)
    return 0


def write(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        protocol = session.protocols.get(args.id)
        protocol.require_draft()
        _write(session, protocol, _sections(args), args)
    print(f"Entwurf gespeichert: {args.id}")
    return 0


def finalize(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        owner = session.owner()
        final = session.protocols.finalize(args.id, datetime.now(), owner.id if owner else "")
    print(f"Abgeschlossen: {final.id}. Änderungen sind nur noch als Nachtrag möglich.")
    return 0
