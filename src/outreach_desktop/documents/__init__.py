"""Printed documents: consent forms and letters, rendered in memory as A4 PDF bytes.

`render(data)` is the one entry point; `form_version(kind, language)` names the wording a
document uses (store it on the consent). This package imports only the domain (and the
resource locator); it reads its fonts and texts from `resources/` and writes nothing.
"""

from __future__ import annotations

from outreach_desktop.documents.texts import FormTextError, form_version
from outreach_desktop.domain.documents import DocumentData, DocumentKind, ProtocolDocument
from outreach_desktop.domain.statistics_report import StatisticsReport

__all__ = [
    "FormTextError",
    "form_version",
    "render",
    "render_protocol",
    "render_statistics_report",
    "warm_up",
]


def warm_up() -> None:
    """Load what the first document needs (the modules, the fonts) ahead of it, so the first
    print or PDF does not stall the window for the fonts. Renders and reads nothing."""
    from outreach_desktop.documents import forms, letters, protocol  # noqa: F401
    from outreach_desktop.documents.fonts import ensure_fonts

    ensure_fonts()


def render_protocol(document: ProtocolDocument) -> bytes:
    """A memory protocol as PDF bytes."""
    from outreach_desktop.documents.bidi_text import cleaned_data
    from outreach_desktop.documents.protocol import render_protocol as render_it

    return render_it(cleaned_data(document))


def render_statistics_report(report: StatisticsReport) -> bytes:
    """The statistics report (counts only) as PDF bytes."""
    from outreach_desktop.documents.statistics_report import render_statistics_report as render_it

    return render_it(report)


def render(data: DocumentData) -> bytes:
    """The document `data.kind` as PDF bytes (fonts embedded, nothing written to disk)."""
    from outreach_desktop.documents.bidi_text import cleaned_data

    data = cleaned_data(data)
    kind = DocumentKind(data.kind)
    if kind.is_letter:
        from outreach_desktop.documents.letters import render_letter

        return render_letter(data)
    from outreach_desktop.documents.forms import render_form

    return render_form(data)
