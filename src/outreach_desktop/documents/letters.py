"""The three letters of the home-visit timeline and the appointment confirmation, laid out
after DIN 5008 form B for a window envelope: letterhead in the top 45 mm, the address field
20 mm from the left and 45 mm from the top (85 × 45 mm), the information block with the date at
the right, subject in bold, body, closing. With a second language the translation follows on
a new page, headed by the notice that the German letter is authoritative."""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, PageBreak, Spacer

from outreach_desktop.documents import styles
from outreach_desktop.documents.bidi_text import plain
from outreach_desktop.documents.flowables import TextParagraph, note_box
from outreach_desktop.documents.forms import (
    AUTHORITATIVE_DE,
    Side,
    footer_name,
    review_box,
    sides_for,
)
from outreach_desktop.documents.layout import (
    PAGE_WIDTH,
    Din5008,
    contact_parts,
    draw_address_field,
    draw_fold_marks,
    draw_footer_lines,
    draw_info_block,
    draw_letter_letterhead,
)
from outreach_desktop.documents.pages import build_pdf, frame
from outreach_desktop.documents.texts import BLANK, fill, form_version, is_included
from outreach_desktop.documents.values import format_date
from outreach_desktop.domain.documents import DocumentData

BODY_WIDTH = PAGE_WIDTH - Din5008.LEFT_MARGIN - Din5008.RIGHT_MARGIN


def address_lines(data: DocumentData) -> list[str]:
    lines = [data.client.name, *(line.strip() for line in data.client.address.splitlines())]
    lines = [line for line in lines if line]
    return lines if len(lines) > 1 else [*lines, BLANK, BLANK]


def info_rows(data: DocumentData) -> list[tuple[str, str]]:
    caseworker = data.caseworker
    head = data.letterhead
    rows = []
    if data.customer_number:
        rows.append(("Kundennummer", data.customer_number))
    if caseworker:
        rows.append(("Ansprechperson", caseworker.name))
    rows.append(("Telefon", (caseworker.phone if caseworker else "") or head.phone))
    rows.append(("E-Mail", (caseworker.email if caseworker else "") or head.email))
    rows.append(("Datum", format_date(data.letter_date) or BLANK))
    return [(label, value) for label, value in rows if value]


def letter_body(side: Side, german: Side, data: DocumentData) -> list[Flowable]:
    """Subject, greeting, sections, closing and the signer's name, in one language. Which
    sections apply is decided by the German file; the translation supplies the wording."""
    body = side.style(styles.LETTER_BODY)
    out: list[Flowable] = [
        TextParagraph(fill(side.text.title, side.values), side.style(styles.LETTER_SUBJECT)),
        TextParagraph(fill(side.text.greeting, side.values), body),
    ]
    for rule in german.text.sections:
        if not is_included(rule, german.values):
            continue
        section = side.text.section(rule.id)
        if rule.heading:
            heading = TextParagraph(
                fill(section.heading, side.values),
                side.style(styles.LETTER_BODY.with_(bold=True, space_after=1)),
            )
            heading.keepWithNext = True
            out.append(heading)
        out.append(TextParagraph(fill(section.text, side.values), body))
    signer = [p.name for p in data.staff[:1]] + [data.letterhead.department]
    out.append(
        KeepTogether(
            [
                TextParagraph(side.text.closing, body.with_(space_after=0)),
                Spacer(1, 13 * mm),
                *(TextParagraph(line, body.with_(space_after=0)) for line in signer if line),
            ]
        )
    )
    return out


def translation_notice(side: Side) -> Flowable:
    heading = f"Übersetzung ({side.common.language_name_de}) · {side.common.language_name}"
    notes: list[Flowable] = [
        TextParagraph(heading, styles.BODY.with_(bold=True, space_after=2)),
        TextParagraph(AUTHORITATIVE_DE, styles.BODY.with_(space_after=1)),
        TextParagraph(side.common.authoritative, side.style(styles.BODY.with_(space_after=2))),
    ]
    return note_box(notes, BODY_WIDTH)


def _footer(data: DocumentData, version: str, canvas: Canvas, page: int, pages: int) -> None:
    head = data.letterhead
    lines = [
        " · ".join(p for p in (head.agency_name, head.street, head.postcode_city) if p),
        " · ".join(contact_parts(head)),
        footer_name(data, version),
    ]
    right = f"Seite {page} von {pages}" if pages > 1 else ""
    draw_footer_lines(
        canvas, [line for line in lines if line], right, Din5008.LEFT_MARGIN, BODY_WIDTH
    )


def render_letter(data: DocumentData) -> bytes:
    sides = sides_for(data)
    story = review_box(sides, BODY_WIDTH) + letter_body(sides.de, sides.de, data)
    if sides.tr is not None:
        story += [PageBreak(), translation_notice(sides.tr), Spacer(1, 6 * mm)]
        story += letter_body(sides.tr, sides.de, data)

    def first_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        draw_letter_letterhead(canvas, data.letterhead)
        draw_address_field(canvas, data.letterhead, address_lines(data))
        draw_info_block(canvas, info_rows(data))
        draw_fold_marks(canvas)

    def later_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        draw_fold_marks(canvas)

    d = Din5008
    return build_pdf(
        data,
        plain(fill(sides.de.text.title, sides.de.values)),
        story,
        (
            frame(d.LEFT_MARGIN, d.SUBJECT_TOP, d.RIGHT_MARGIN, d.BOTTOM_MARGIN, "first"),
            first_page,
        ),
        (frame(d.LEFT_MARGIN, 20 * mm, d.RIGHT_MARGIN, d.BOTTOM_MARGIN, "later"), later_page),
        partial(_footer, data, form_version(data.kind, data.language)),
    )
