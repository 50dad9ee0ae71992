"""The Posteingang's words, in one place: the transfer marks, a record's state, who acts at the
office station, and times in local time."""

from __future__ import annotations

import getpass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from outreach_desktop.services.inbox import InboxItem
from outreach_desktop.services.session import Session
from outreach_desktop.ui.formats import format_datetime

translate = QCoreApplication.translate


def mark_label(mark: str) -> str:
    """The mark as a person sets it ("in VerBIS übernommen"), with its Alt key."""
    return {
        "verbis": translate("Inbox", "entered in &VerBIS"),
        "eakte": translate("Inbox", "noted in the &e-file"),
        "benefits": translate("Inbox", "&benefits department informed"),
    }[str(mark)]


def mark_short(mark: str) -> str:
    """The system the mark is about, for the list ("VerBIS", "e-Akte")."""
    return {
        "verbis": translate("Inbox", "VerBIS"),
        "eakte": translate("Inbox", "e-file"),
        "benefits": translate("Inbox", "benefits dept."),
    }[str(mark)]


def plain_mark(mark: str) -> str:
    return mark_label(mark).replace("&", "")


def marks_text(item: InboxItem) -> str:
    """Set and missing marks at a glance: "✓ VerBIS · ○ e-Akte"."""
    if not item.applies:
        return translate("Inbox", "none needed")
    return " · ".join(("✓ " if m in item.marks else "○ ") + mark_short(m) for m in item.applies)


def marks_spoken(item: InboxItem) -> str:
    """The same for a screen reader, in words."""
    if not item.applies:
        return translate("Inbox", "no marks needed")
    return "; ".join(
        translate("Inbox", "{mark}: set").format(mark=plain_mark(m))
        if m in item.marks
        else translate("Inbox", "{mark}: missing").format(mark=plain_mark(m))
        for m in item.applies
    )


def state_text(item: InboxItem) -> str:
    if item.rejected is not None:
        return translate("Inbox", "rejected")
    if item.transferred:
        return translate("Inbox", "transferred")
    return translate("Inbox", "open")


def local_time(value: datetime) -> str:
    """A stored moment (UTC) as the wall clock here shows it."""
    return format_datetime(value.astimezone().replace(tzinfo=None))


def acting_person(session: Session) -> str:
    """Who marks, rejects or trusts a device at this station: the vault's owner if it has one,
    else the name the operating system knows for the login (as the CLI's --by default)."""
    owner = session.owner()
    if owner is not None:
        return owner.name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return translate("Inbox", "someone at the office")
