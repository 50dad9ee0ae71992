"""Labels of the domain's values: declared once, in German, the words the agency uses.

Each enumeration with labels has a `label_de` property; every text in it is wrapped in
`QT_TRANSLATE_NOOP("Labels", …)`, which changes nothing here but lets Qt's lupdate collect the
text into the "Labels" context. The CLI, the services and the PDFs show `label_de` as it is;
the GUI shows it through its translator (`ui/labels.py`), German by identity, English from
`resources/translations/outreach_en.ts`.
"""

from __future__ import annotations

from typing import Protocol

LABELS_CONTEXT = "Labels"  # lupdate needs the literal at each call; this names it for the UI


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text` unchanged; marks it for lupdate as a message of `context`."""
    return text


class Labelled(Protocol):
    """A value with a German label declared in the domain."""

    @property
    def label_de(self) -> str: ...
