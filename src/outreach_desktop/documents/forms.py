"""The five consent forms. One layout; the wording comes from resources/forms/<kind>/.

Page 1 starts with the agency's letterhead, the title in German and in the client's language,
the notice that German is authoritative, and a table of what the form is about (pre-filled
from the vault, or lines to fill by hand). Then each section of the text: German first, the
translation right below it, marked by a rule at its start edge. The declaration and the
signature boxes stay together on one page. Each page's footer names the form, the version of
its wording, the reference and "page x/y".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Spacer

from outreach_desktop.documents import styles
from outreach_desktop.documents.flowables import (
    Caption,
    SignatureField,
    SignatureRow,
    TextParagraph,
    grid_table,
    note_box,
)
from outreach_desktop.documents.layout import (
    PAGE_WIDTH,
    draw_footer_lines,
    draw_form_letterhead,
)
from outreach_desktop.documents.pages import build_pdf, frame
from outreach_desktop.documents.styles import PAGE_MARGIN, TextStyle
from outreach_desktop.documents.texts import (
    BLANK,
    CommonText,
    FormText,
    FormTextError,
    Section,
    common_text,
    fill,
    form_text,
    form_version,
    is_included,
)
from outreach_desktop.documents.values import format_date, format_datetime, placeholder_values
from outreach_desktop.domain.documents import DocumentData, DocumentKind

REVIEW_NOTE = "Übersetzung – von der Dienststelle zu prüfen / translation for review by the agency"
REVIEW_COPY = "Prüfexemplar für die Dienststelle – nicht zur Unterschrift"
AUTHORITATIVE_DE = "Maßgeblich ist der deutsche Text."
CONTENT_WIDTH = PAGE_WIDTH - 2 * PAGE_MARGIN
LABEL_WIDTH = 52 * mm
TICKED, UNTICKED = "☒", "☐"
BLANK_ROWS = 3  # empty rows for persons present, when none are known yet


@dataclass(frozen=True)
class Side:
    """The German or the translated side of a document."""

    language: str
    text: FormText
    common: CommonText
    values: dict[str, str]

    def style(self, style: TextStyle) -> TextStyle:
        return style.for_language(self.language)


@dataclass(frozen=True)
class Sides:
    data: DocumentData
    de: Side
    tr: Side | None

    @property
    def all(self) -> tuple[Side, ...]:
        return (self.de,) if self.tr is None else (self.de, self.tr)


def sides_for(data: DocumentData) -> Sides:
    def side(language: str) -> Side:
        common = common_text(language)
        return Side(
            language, form_text(data.kind, language), common, placeholder_values(data, common)
        )

    return Sides(data, side("de"), side(data.language) if data.bilingual else None)


def review_box(sides: Sides, width: float) -> list[Flowable]:
    """On the agency's review copy only: says so, and whether the translation awaits review.
    The copy the client signs carries neither (DocumentData.review_copy)."""
    if not sides.data.review_copy:
        return []
    lines = [REVIEW_COPY]
    if sides.tr is not None and not sides.tr.text.reviewed:
        lines.append(REVIEW_NOTE)
    notes: list[Flowable] = [
        TextParagraph(line, styles.BODY.with_(bold=True, space_after=1)) for line in lines
    ]
    return [note_box(notes, width), Spacer(1, 2 * mm)]


def footer_name(data: DocumentData, version: str) -> str:
    """The footer's record line: the form's German name, its wording's version, the reference."""
    return f"{data.kind.label_de} · Fassung {version}" + (
        f" · Ref. {data.reference}" if data.reference else ""
    )


def pair(
    sides: Sides, de: str, tr: str | None, de_style: TextStyle, tr_style: TextStyle
) -> list[Flowable]:
    """German paragraph, then its translation (if the document has a second language)."""
    out: list[Flowable] = [TextParagraph(de, de_style)]
    if sides.tr is not None and tr is not None:
        out.append(TextParagraph(tr, sides.tr.style(tr_style)))
    return out


def label_cell(sides: Sides, key: str) -> list[Flowable]:
    tr = sides.tr.common.label(key) if sides.tr else None
    return pair(sides, sides.de.common.label(key), tr, styles.LABEL, styles.LABEL_TRANSLATION)


# ---- the table of facts ------------------------------------------------------------------


def _appointment(values: dict[str, str]) -> str:
    date, time, end = values["date"], values["time"], values["end_time"]
    if not date:
        return f"{BLANK}, {BLANK} Uhr"
    if not time:
        return f"{values['weekday']}, {date}, {BLANK} Uhr"
    until = f"–{end}" if end else ""
    return f"{values['weekday']}, {date}, {time}{until} Uhr"


def _third_party(data: DocumentData) -> str:
    if data.third_party is None or not data.third_party.name.strip():
        return BLANK
    details = [line.strip() for line in data.third_party.address.splitlines() if line.strip()]
    if data.third_party.phone.strip():
        details.append(f"Telefon {data.third_party.phone.strip()}")
    return "\n".join([data.third_party.name.strip(), *([", ".join(details)] if details else [])])


def _staff(data: DocumentData) -> str:
    lines = []
    for person in data.staff:
        lines.append(", ".join(p for p in (person.name, person.phone) if p.strip()))
    return "\n".join(lines) or BLANK


FIELDS: dict[DocumentKind, tuple[str, ...]] = {
    DocumentKind.HOME_VISIT_CONSENT: (
        "client",
        "customer_number",
        "appointment",
        "address",
        "staff",
    ),
    DocumentKind.CONFIDENTIALITY_RELEASE: (
        "client",
        "customer_number",
        "third_party",
        "purpose",
        "topics",
        "valid_until",
        "caseworker",
    ),
    DocumentKind.PRESENCE_CONSENT: ("client", "customer_number", "appointment", "place", "staff"),
    DocumentKind.ACCOMPANIMENT_CONSENT: (
        "client",
        "customer_number",
        "appointment",
        "meeting_point",
        "third_party",
        "staff",
    ),
    DocumentKind.HANDOVER_CONSENT: (
        "client",
        "customer_number",
        "counselled_on",
        "staff",
        "main_caseworker",
        "topics",
    ),
}


def field_value(data: DocumentData, values: dict[str, str], key: str) -> str:
    simple = {
        "client": data.client.name,
        "customer_number": data.customer_number,
        "address": data.place or data.client.address,
        "place": data.place,
        "meeting_point": data.place,
        "purpose": data.purpose,
        "topics": data.topics,
        "valid_until": values["valid_until"],
        "caseworker": values["caseworker"],
        "main_caseworker": values["main_caseworker"],
        "counselled_on": values["date"],
    }
    if key in simple:
        return simple[key].strip() or BLANK
    if key == "appointment":
        return _appointment(values)
    if key == "third_party":
        return _third_party(data)
    if key == "staff":
        return _staff(data)
    raise KeyError(key)


def facts_table(sides: Sides) -> Flowable:
    data = sides.data
    rows = [
        [
            label_cell(sides, key),
            TextParagraph(field_value(data, sides.de.values, key), styles.VALUE),
        ]
        for key in FIELDS[data.kind]
    ]
    return grid_table(rows, [LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH])


def others_table(sides: Sides) -> Flowable:
    header = [label_cell(sides, "person_name"), label_cell(sides, "person_role")]
    present = list(sides.data.others_present) or [("", "")] * BLANK_ROWS
    rows = [header] + [
        [TextParagraph(name or " ", styles.VALUE), TextParagraph(role or " ", styles.VALUE)]
        for name, role in present
    ]
    # Empty rows get room to write in by hand.
    heights: list[float | None] = [None]
    heights += [None if name else 8 * mm for name, _ in present]
    return grid_table(
        rows, [CONTENT_WIDTH * 0.55, CONTENT_WIDTH * 0.45], header=True, row_heights=heights
    )


# ---- sections ----------------------------------------------------------------------------


def _tick(section: Section, data: DocumentData) -> str:
    if not section.checkbox:
        return ""
    return f"{TICKED if data.accompaniment_scope == section.checkbox else UNTICKED} "


def _language_block(side: Side, section: Section, tick: str, translated: bool) -> list[Flowable]:
    """Heading and text of one section in one language."""
    heading_style = styles.HEADING_TRANSLATION if translated else styles.HEADING
    body_style = styles.TRANSLATED if translated else styles.BODY
    out: list[Flowable] = []
    if section.heading:
        heading = TextParagraph(fill(section.heading, side.values), side.style(heading_style))
        heading.keepWithNext = True  # never a heading alone at the foot of a page
        out.append(heading)
    if section.text:
        out.append(TextParagraph(tick + fill(section.text, side.values), side.style(body_style)))
    return out


def section_flowables(sides: Sides, section: Section) -> list[Flowable]:
    """The German section, then the same section translated (headings and text follow the
    German file; the translation supplies only its wording)."""
    tick = _tick(section, sides.data)
    out = _language_block(sides.de, section, tick, translated=False)
    if sides.tr is not None:
        translated = sides.tr.text.section(section.id)
        worded = Section(section.id, translated.text, translated.heading)
        if section.heading and not translated.heading:
            raise FormTextError(f"{sides.tr.language}: section {section.id!r} lacks a heading")
        out += _language_block(sides.tr, worded, tick, translated=True)
    if section.block == "others-table":
        out += [Spacer(1, 1 * mm), others_table(sides), Spacer(1, 3 * mm)]
    return out


# ---- signatures --------------------------------------------------------------------------


def _labels(sides: Sides, key: str) -> tuple[Caption, ...]:
    out = [Caption(sides.de.common.label(key), styles.LABEL)]
    if sides.tr:
        out.append(Caption(sides.tr.common.label(key), sides.tr.style(styles.LABEL_TRANSLATION)))
    return tuple(out)


def signature_row(sides: Sides) -> SignatureRow:
    data = sides.data
    notes: list[Caption] = []
    place_date = ""
    if data.signature_png:
        when = format_datetime(data.signed_at) or BLANK
        note_style = styles.SMALL.with_(size=6.5, leading=7.8)
        for side in sides.all:
            phrase = side.common.label("signed_on_screen").format(datetime=when)
            notes.append(Caption(phrase, side.style(note_style)))
        place_date = format_date(data.signed_at)
    fields = [
        SignatureField(_labels(sides, "place_date"), 0.28, text_in_box=place_date),
        SignatureField(
            _labels(sides, "client_signature"),
            0.42,
            image_png=data.signature_png,
            captions=(Caption(data.client.name, styles.SMALL),),
            notes_in_box=tuple(notes),
        ),
    ]
    if sides.de.text.staff_signature:
        staff_name = data.caseworker.name if data.caseworker else ""
        fields.append(
            SignatureField(
                _labels(sides, "staff_signature"),
                0.30,
                captions=(Caption(staff_name, styles.SMALL),),
            )
        )
    return SignatureRow(fields)


# ---- the whole form ----------------------------------------------------------------------


def story(sides: Sides) -> list[Flowable]:
    de, tr = sides.de, sides.tr
    out: list[Flowable] = review_box(sides, CONTENT_WIDTH)
    out += pair(
        sides,
        fill(de.text.title, de.values),
        fill(tr.text.title, tr.values) if tr else None,
        styles.TITLE,
        styles.TITLE_TRANSLATION,
    )
    if tr is not None:
        notes: list[Flowable] = [
            TextParagraph(AUTHORITATIVE_DE, styles.BODY.with_(bold=True, space_after=1)),
            TextParagraph(
                tr.common.authoritative, tr.style(styles.BODY.with_(bold=True, space_after=2))
            ),
        ]
        out += [Spacer(1, 1 * mm), note_box(notes, CONTENT_WIDTH)]
    out += [Spacer(1, 3 * mm), facts_table(sides), Spacer(1, 2 * mm)]
    sections = [s for s in de.text.sections if is_included(s, de.values)]
    signed_at = next((i for i, s in enumerate(sections) if s.block == "signature"), None)
    for index, section in enumerate(sections):
        parts = section_flowables(sides, section)
        if index == signed_at:
            out.append(KeepTogether([*parts, signature_row(sides)]))
        else:
            out += parts
    if signed_at is None:
        out.append(KeepTogether([signature_row(sides)]))
    return out


def _footer(data: DocumentData, version: str, canvas: Canvas, page: int, pages: int) -> None:
    left = [footer_name(data, version)]
    draw_footer_lines(canvas, left, f"Seite {page}/{pages}", PAGE_MARGIN, CONTENT_WIDTH)


def render_form(data: DocumentData) -> bytes:
    sides = sides_for(data)
    version = form_version(data.kind, data.language)

    def first_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        draw_form_letterhead(canvas, data.letterhead, PAGE_MARGIN, CONTENT_WIDTH)

    def later_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        pass

    bottom = 22 * mm
    return build_pdf(
        data,
        sides.de.text.title,
        story(sides),
        (frame(PAGE_MARGIN, 34 * mm, PAGE_MARGIN, bottom, "first"), first_page),
        (frame(PAGE_MARGIN, 15 * mm, PAGE_MARGIN, bottom, "later"), later_page),
        partial(_footer, data, version),
    )
