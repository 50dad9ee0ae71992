"""German where a German reader looks: footers name the form in German, file names are German
and filesystem-safe, and the note that a translation awaits review is printed only on the
agency's review copy, never on the copy the client signs."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from documents.samples import Rendered, normalized, sample
from outreach_desktop.documents import render
from outreach_desktop.domain.documents import DocumentKind, document_file_name

K = DocumentKind
REVIEW_NOTE = "Übersetzung – von der Dienststelle zu prüfen"
FOOTER_NAMES = {
    K.HOME_VISIT_CONSENT: "Einverständniserklärung zum Hausbesuch",
    K.CONFIDENTIALITY_RELEASE: "Schweigepflichtentbindung",
    K.PRESENCE_CONSENT: "Einverständnis zur Anwesenheit weiterer Personen",
    K.ACCOMPANIMENT_CONSENT: "Einverständnis zur Begleitung",
    K.HANDOVER_CONSENT: "Einverständnis zur Information der Hauptbetreuung",
    K.ANNOUNCEMENT_LETTER: "Ankündigung des Hausbesuchs",
    K.REMINDER_LETTER: "Erinnerung an den Hausbesuch",
    K.CONFIRMATION_LETTER: "Terminbestätigung",
}


@pytest.mark.parametrize("kind", list(K), ids=lambda k: k.value)
def test_footer_names_the_form_in_german(kind: K) -> None:
    text = normalized(Rendered(render(sample(kind, "de"))).poppler_text())
    assert f"{FOOTER_NAMES[kind]} · Fassung" in text
    assert kind.value not in text  # no English code like "home-visit-consent"


@pytest.mark.parametrize("kind", list(K), ids=lambda k: k.value)
def test_signing_copy_has_no_review_note_the_review_copy_has(kind: K) -> None:
    data = sample(kind, "uk")
    signing = normalized(Rendered(render(data)).poppler_text())
    review = normalized(Rendered(render(replace(data, review_copy=True))).poppler_text())
    assert REVIEW_NOTE not in signing
    assert "Maßgeblich ist der deutsche Text." in signing  # the translation is still marked
    assert REVIEW_NOTE in review
    assert "Prüfexemplar" in review and "Prüfexemplar" not in signing


def test_file_names_are_german_and_filesystem_safe() -> None:
    day = date(2026, 12, 2)
    assert document_file_name(K.HOME_VISIT_CONSENT, day) == (
        "Einverstaendnis-Hausbesuch-2026-12-02.pdf"
    )
    assert document_file_name(K.CONFIRMATION_LETTER, None) == "Terminbestaetigung.pdf"
    names = {document_file_name(kind, day) for kind in K}
    assert len(names) == len(K)
    for name in names:
        assert re.fullmatch(r"[A-Za-z0-9-]+\.pdf", name), name
        assert not any(part in name.lower() for part in ("consent", "letter", "release"))
