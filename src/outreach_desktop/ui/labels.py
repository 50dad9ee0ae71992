"""Labels of domain values as the GUI shows them: the domain declares each label once, in
German (`label_de`, marked for lupdate in the "Labels" context); here it is translated."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication

from outreach_desktop.domain.labels import LABELS_CONTEXT, Labelled
from outreach_desktop.domain.people import Client


def label_of(value: Labelled) -> str:
    """The value's label in the interface language (German: the domain's own words)."""
    return QCoreApplication.translate(LABELS_CONTEXT, value.label_de)


def client_choices(clients: list[Client]) -> list[tuple[str, str]]:
    """(label, id) for a client list; equal names are told apart by customer number or town."""
    counts = Counter(c.display_name.casefold() for c in clients)
    choices = []
    for c in clients:
        label = c.display_name
        if counts[c.display_name.casefold()] > 1:
            lines = [line.strip() for line in c.address.splitlines() if line.strip()]
            extra = c.customer_number or (lines[-1] if lines else c.id[:8])
            label = f"{label} ({extra})"
        choices.append((label, c.id))
    again = Counter(label.casefold() for label, _id in choices)
    return [
        (f"{label} · {client_id[:8]}" if again[label.casefold()] > 1 else label, client_id)
        for label, client_id in choices
    ]
