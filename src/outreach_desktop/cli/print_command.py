"""`outreach-desktop print KIND`: a consent form or letter of an appointment as a PDF file."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import datetime

from outreach_desktop.cli.common import unlocked
from outreach_desktop.domain.contact_check import contact_warning
from outreach_desktop.domain.documents import DOCUMENT_LANGUAGES, DocumentKind
from outreach_desktop.services.documents import DocumentService, pdf_target, save_pdf

KINDS = [k.value for k in DocumentKind]
LANGUAGES = list(DOCUMENT_LANGUAGES)


def run(args: argparse.Namespace) -> int:
    kind = DocumentKind(args.kind)
    now = datetime.now()
    pdf_target(args.out, replace=args.force)  # a wrong or taken name: before any work
    with unlocked(args) as session:
        service = DocumentService(session)
        if kind.is_letter:
            rendered = service.letter(
                args.appointment, kind, now.date(), args.lang, review=args.review
            )
            consent = None
        else:
            rendered, consent = service.form_for_appointment(
                args.appointment, kind, now.date(), args.lang, review=args.review
            )
            if consent is not None and consent.signed_pdf is not None and not args.review:
                rendered = replace(rendered, pdf=consent.signed_pdf)  # as it was signed
        warning = contact_warning(service.contact_gaps(args.appointment))
        written = save_pdf(args.out, rendered.pdf, replace=args.force)
        if warning:  # only with a document written: an error stays the one line it is
            print(f"Warnung: {warning}", file=sys.stderr)
        if consent is not None:
            service.record_saved(consent.id, now, rendered)  # an unencrypted copy exists
        elif kind.is_letter:  # noted as the GUI notes it
            session.saved_pdfs.letter_saved(args.appointment, kind, rendered.form_version, now)
    copy = ", Prüfexemplar – nicht zur Unterschrift" if args.review else ""
    print(f"Gespeichert: {written} ({kind.label_de}, Fassung {rendered.form_version}{copy})")
    print(
        "Hinweis: Die PDF-Datei ist nicht verschlüsselt und enthält Sozialdaten. "
        "Nach dem Drucken löschen.",
        file=sys.stderr,
    )
    return 0
