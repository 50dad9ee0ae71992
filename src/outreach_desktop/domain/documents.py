"""What a printed document needs: the data contract between the services (which fill it from
the vault) and `documents/` (which renders it to PDF bytes). Pure data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from outreach_desktop.domain.consents import AccompanimentScope, ConsentKind
from outreach_desktop.domain.labels import QT_TRANSLATE_NOOP
from outreach_desktop.domain.vocabulary import Approach

# Second languages a document can carry besides German; "de" means German only.
DOCUMENT_LANGUAGES = ("de", "en", "uk", "ru", "tr", "ar")
RTL_LANGUAGES = frozenset({"ar"})


class DocumentKind(StrEnum):
    HOME_VISIT_CONSENT = "home-visit-consent"
    CONFIDENTIALITY_RELEASE = "confidentiality-release"
    PRESENCE_CONSENT = "presence-consent"
    ACCOMPANIMENT_CONSENT = "accompaniment-consent"
    HANDOVER_CONSENT = "handover-consent"
    ANNOUNCEMENT_LETTER = "announcement-letter"
    REMINDER_LETTER = "reminder-letter"
    CONFIRMATION_LETTER = "confirmation-letter"

    @property
    def is_letter(self) -> bool:
        return self.value.endswith("-letter")

    @property
    def consent_kind(self) -> ConsentKind | None:
        """The consent a form records; None for letters."""
        return _CONSENT_OF.get(self)

    @classmethod
    def for_consent(cls, kind: ConsentKind) -> DocumentKind:
        return next(doc for doc, consent in _CONSENT_OF.items() if consent is kind)

    @property
    def label_de(self) -> str:
        consent = self.consent_kind
        if consent is not None:
            return consent.label_de
        return {
            DocumentKind.ANNOUNCEMENT_LETTER: QT_TRANSLATE_NOOP(
                "Labels", "Ankündigung des Hausbesuchs"
            ),
            DocumentKind.REMINDER_LETTER: QT_TRANSLATE_NOOP(
                "Labels", "Erinnerung an den Hausbesuch"
            ),
            DocumentKind.CONFIRMATION_LETTER: QT_TRANSLATE_NOOP("Labels", "Terminbestätigung"),
        }[self]


# File names suggested when a document is saved: German, ASCII only (umlauts spelled out), so
# they survive every file system, USB stick and mail gateway. No personal data in them.
_FILE_STEMS = {
    DocumentKind.HOME_VISIT_CONSENT: "Einverstaendnis-Hausbesuch",
    DocumentKind.CONFIDENTIALITY_RELEASE: "Schweigepflichtentbindung",
    DocumentKind.PRESENCE_CONSENT: "Einverstaendnis-Anwesenheit",
    DocumentKind.ACCOMPANIMENT_CONSENT: "Einverstaendnis-Begleitung",
    DocumentKind.HANDOVER_CONSENT: "Einverstaendnis-Information-Hauptbetreuung",
    DocumentKind.ANNOUNCEMENT_LETTER: "Ankuendigung-Hausbesuch",
    DocumentKind.REMINDER_LETTER: "Erinnerung-Hausbesuch",
    DocumentKind.CONFIRMATION_LETTER: "Terminbestaetigung",
}


def document_file_name(kind: DocumentKind, day: date | None) -> str:
    """The suggested file name of a saved document, e.g. "Einverstaendnis-Hausbesuch-2026-12-02.pdf"
    (the day is the appointment's, ISO so that names sort; None leaves it out)."""
    stem = _FILE_STEMS[kind]
    return f"{stem}-{day.isoformat()}.pdf" if day is not None else f"{stem}.pdf"


def protocol_file_name(day: date | None) -> str:
    """The suggested file name of a saved memory protocol."""
    return f"Gedaechtnisprotokoll-{day.isoformat()}.pdf" if day else "Gedaechtnisprotokoll.pdf"


_CONSENT_OF = {
    DocumentKind.HOME_VISIT_CONSENT: ConsentKind.HOME_VISIT,
    DocumentKind.CONFIDENTIALITY_RELEASE: ConsentKind.CONFIDENTIALITY_RELEASE,
    DocumentKind.PRESENCE_CONSENT: ConsentKind.PRESENCE,
    DocumentKind.ACCOMPANIMENT_CONSENT: ConsentKind.ACCOMPANIMENT,
    DocumentKind.HANDOVER_CONSENT: ConsentKind.HANDOVER,
}


@dataclass(frozen=True)
class Letterhead:
    agency_name: str
    department: str
    street: str
    postcode_city: str
    phone: str
    email: str
    website: str = ""
    logo_png: bytes | None = None


@dataclass(frozen=True)
class PersonRef:
    name: str
    address: str = ""  # lines separated by "\n" (street, postcode and city)
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class DocumentData:
    """Everything one document shows. Empty strings and None print as a line to fill by hand."""

    kind: DocumentKind
    language: str  # second language: "de" (German only), "en", "uk", "ru", "tr", "ar"
    letterhead: Letterhead
    client: PersonRef
    customer_number: str = ""
    staff: tuple[PersonRef, ...] = ()  # the first is the responsible caseworker
    appointment_start: datetime | None = None
    duration_min: int = 0
    place: str = ""
    approach: Approach | None = None
    third_party: PersonRef | None = None
    purpose: str = ""
    topics: str = ""
    valid_until: date | None = None  # confidentiality release
    others_present: tuple[tuple[str, str], ...] = ()  # (name, role)
    accompaniment_scope: str = ""  # AccompanimentScope value, or "" to tick by hand
    exception_reason: str = ""  # why taking part in the conversation is needed
    main_caseworker: PersonRef | None = None
    cancel_contact: str = ""
    recognition_sign: str = ""
    letter_date: date | None = None
    signature_png: bytes | None = None
    signed_at: datetime | None = None
    reference: str = ""  # e.g. the consent id, printed in the footer for the record
    # The agency's review copy: marks an unreviewed translation as such. The copy the client
    # signs never carries that note (it is a matter between agency and translator).
    review_copy: bool = False

    def __post_init__(self) -> None:
        if self.language not in DOCUMENT_LANGUAGES:
            raise ValueError(f"unsupported document language: {self.language!r}")
        if self.accompaniment_scope and self.accompaniment_scope not in set(AccompanimentScope):
            raise ValueError(f"unknown accompaniment scope: {self.accompaniment_scope!r}")

    @property
    def bilingual(self) -> bool:
        return self.language != "de"

    @property
    def caseworker(self) -> PersonRef | None:
        return self.staff[0] if self.staff else None


@dataclass(frozen=True)
class ProtocolDocument:
    """A memory protocol laid out for the office: header facts, sections, addenda."""

    letterhead: Letterhead
    title: str
    status: str  # e.g. "abgeschlossen am 20.11.2026 16:30 von Alex Beispiel"
    facts: tuple[tuple[str, str], ...]  # (label, value) under the title
    sections: tuple[tuple[str, str], ...]  # (label, text); empty texts are left out
    addenda: tuple[tuple[str, str], ...] = ()  # (when and who, text)
    reference: str = ""


PROTOCOL_PDF = "memory-protocol"  # the kind noted when a memory protocol is saved as PDF


@dataclass(frozen=True)
class SavedPdf:
    """A note that a PDF left the vault: which document (a DocumentKind value, or
    PROTOCOL_PDF), in which wording, and when. No path, no content."""

    kind: str
    saved_at: datetime
    form_version: str = ""

    @property
    def label_de(self) -> str:
        if self.kind == PROTOCOL_PDF:
            return "Gedächtnisprotokoll"
        return DocumentKind(self.kind).label_de
