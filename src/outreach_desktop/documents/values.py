"""The placeholder values of one document, formatted for one language."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from outreach_desktop.documents.bidi_text import isolate, keep_together, ltr_unit
from outreach_desktop.documents.texts import CommonText
from outreach_desktop.domain.documents import RTL_LANGUAGES, DocumentData, PersonRef


def format_date(value: date | datetime | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def format_time(value: datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def format_datetime(value: datetime | None) -> str:
    return value.strftime("%d.%m.%Y %H:%M") if value else ""


def one_line(address: str) -> str:
    return ", ".join(part.strip() for part in address.splitlines() if part.strip())


def unbroken(text: str) -> str:
    """A short value (a name, a place, a few words in German inside Arabic text) kept on one
    line: a phrase split over two lines of right-to-left text reads in the wrong order."""
    text = " ".join(text.split())
    return keep_together(text) if len(text) <= 40 else text


def join_names(names: list[str], and_word: str, rtl: bool = False) -> str:
    names = [unbroken(n) for n in names if n.strip()]
    if rtl:
        names = [ltr_unit(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {and_word} {names[-1]}"


def contact_line(person: PersonRef | None) -> str:
    """ "Name, Telefon" – how to reach a person, or "" if nothing is known."""
    if person is None:
        return ""
    return ", ".join(part for part in (person.name, person.phone) if part.strip())


def placeholder_values(data: DocumentData, common: CommonText) -> dict[str, str]:
    """Values for the `{placeholders}` of texts in `common.language`, each isolated so it
    cannot reorder the text around it; in right-to-left text each value without Arabic
    letters is kept as one left-to-right unit."""
    rtl = common.language in RTL_LANGUAGES
    values = _values(data, common, rtl)
    return {
        key: value if key in CONDITIONS else isolate(value, rtl) for key, value in values.items()
    }


CONDITIONS = ("approach", "scope")  # values only for `when`, never printed


def _values(data: DocumentData, common: CommonText, rtl: bool) -> dict[str, str]:
    start = data.appointment_start
    end = start + timedelta(minutes=data.duration_min) if start and data.duration_min else None
    caseworker = data.caseworker
    third = data.third_party
    head = data.letterhead
    return {
        "client_name": unbroken(data.client.name),
        "customer_number": data.customer_number,
        "date": format_date(start),
        "weekday": common.weekdays[start.weekday()] if start else "",
        "time": format_time(start),
        "end_time": format_time(end),
        "duration": str(data.duration_min) if data.duration_min else "",
        "place": unbroken(data.place),
        "staff": join_names([s.name for s in data.staff], common.and_word, rtl),
        "caseworker": unbroken(caseworker.name) if caseworker else "",
        "caseworker_phone": caseworker.phone if caseworker else "",
        "caseworker_email": caseworker.email if caseworker else "",
        "third_party": unbroken(third.name) if third else "",
        "third_party_address": one_line(third.address) if third else "",
        "purpose": unbroken(data.purpose),
        "topics": unbroken(data.topics),
        "valid_until": format_date(data.valid_until),
        "others_present": "; ".join(
            f"{name} ({role})" if role else name for name, role in data.others_present
        ),
        "main_caseworker": unbroken(data.main_caseworker.name) if data.main_caseworker else "",
        "cancel_contact": data.cancel_contact or contact_line(caseworker),
        "recognition_sign": unbroken(data.recognition_sign),
        "exception_reason": unbroken(data.exception_reason),
        "agency": head.agency_name,
        "agency_phone": head.phone,
        "agency_address": ", ".join(p for p in (head.street, head.postcode_city) if p),
        # conditions only (not placeholders in texts):
        "approach": data.approach.value if data.approach else "",
        "scope": data.accompaniment_scope,
    }
