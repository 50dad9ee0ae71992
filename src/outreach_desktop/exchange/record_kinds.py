"""The kinds of records a bundle carries and, for each, the fields that travel (with their
limits) and the domain attributes that do not (with the reason). docs/exchange-format.md
explains the choices; the JSON Schemas in resources/exchange/schemas/ are made from this."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.appointments import MAX_BUFFER_MIN, MAX_DURATION_MIN, Appointment
from outreach_desktop.domain.consents import (
    AccompanimentScope,
    Consent,
    ConsentEvent,
    ConsentKind,
    ConsentState,
    GivenHow,
)
from outreach_desktop.domain.labels import QT_TRANSLATE_NOOP
from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.protocols import (
    MAX_FIELD,
    TEXT_FIELDS,
    Addendum,
    AnonymousCounselling,
    OtherPresent,
    Protocol,
    SuccessRating,
)
from outreach_desktop.domain.records import Record
from outreach_desktop.domain.vocabulary import (
    AppointmentStatus,
    Approach,
    Department,
    Language,
    ThirdPartyKind,
)
from outreach_desktop.exchange.acknowledgements import Acknowledgement, AckState
from outreach_desktop.exchange.record_fields import (
    Choice,
    Day,
    Digest,
    Field,
    Flag,
    Items,
    LocalTime,
    Ref,
    Refs,
    Shaped,
    Text,
    Whole,
    ref,
)


class RecordKind(StrEnum):
    CLIENTS = "clients"
    STAFF = "staff"
    THIRD_PARTIES = "third_parties"
    APPOINTMENTS = "appointments"
    PROTOCOLS = "protocols"
    CONSENTS = "consents"
    ANONYMOUS_COUNSELLING = "anonymous_counselling"
    ACKNOWLEDGEMENTS = "acknowledgements"  # receipts only

    @property
    def label_de(self) -> str:
        """The German name of the kind ("Gedächtnisprotokolle"), as lists show it."""
        return SPECS[self].title


# the German name of each kind, as lists show it (translated where shown, like the domain's)
TITLES = {
    RecordKind.CLIENTS: QT_TRANSLATE_NOOP("Labels", "Kundinnen und Kunden"),
    RecordKind.STAFF: QT_TRANSLATE_NOOP("Labels", "Mitarbeitende"),
    RecordKind.THIRD_PARTIES: QT_TRANSLATE_NOOP("Labels", "Dritte Stellen"),
    RecordKind.APPOINTMENTS: QT_TRANSLATE_NOOP("Labels", "Termine"),
    RecordKind.PROTOCOLS: QT_TRANSLATE_NOOP("Labels", "Gedächtnisprotokolle"),
    RecordKind.CONSENTS: QT_TRANSLATE_NOOP("Labels", "Einwilligungen"),
    RecordKind.ANONYMOUS_COUNSELLING: QT_TRANSLATE_NOOP("Labels", "Anonyme Beratungen"),
    RecordKind.ACKNOWLEDGEMENTS: QT_TRANSLATE_NOOP("Labels", "Empfangsbestätigungen"),
}


@dataclass(frozen=True)
class KindSpec:
    kind: RecordKind
    make: type[Record]
    title: str
    fields: tuple[Field, ...]
    dropped: dict[str, str] = field(default_factory=dict)  # attribute → why it stays home


# Limits: the domain's, declared once per field in domain/field_limits.py.
NAME = limits.NAME
PHONE = Shaped(
    "phone",
    shape={
        "type": "string",
        "maxLength": limits.CLIENT_PHONE,
        "pattern": "^\\s*([0-9+()/ .-]{3,40}\\s*)?$",
    },
    doc="3-40 of 0-9 + ( ) / . - and spaces, possibly surrounded by white space; or empty",
)
CUSTOMER_NUMBER = Shaped(
    "customer_number",
    shape={"type": "string", "anyOf": [
        {"const": ""},
        {"pattern": "^[0-9]{3}[A-Z][0-9]{6}$", "minLength": 10, "maxLength": 10},
    ]},
    doc="Kundennummer: three digits, a capital letter, six digits; or empty",
)  # fmt: skip


def _optional_ref(name: str, doc: str = "") -> Ref:
    return Ref(name, doc=doc, nullable=True)


def _optional_time(name: str, doc: str = "") -> LocalTime:
    return LocalTime(name, doc=doc, nullable=True)


CLIENTS = KindSpec(RecordKind.CLIENTS, Client, TITLES[RecordKind.CLIENTS], (
    Text("display_name", max_len=NAME, min_len=1),
    CUSTOMER_NUMBER,
    Text("address", max_len=limits.CLIENT_ADDRESS),
    PHONE,
    Choice("preferred_language", enum=Language),
    Text("reachability_notes", max_len=limits.CLIENT_REACHABILITY_NOTES),
    _optional_ref("main_caseworker_id", "staff"),
    Flag("in_own_caseload"),
))  # fmt: skip

STAFF = KindSpec(RecordKind.STAFF, Staff, TITLES[RecordKind.STAFF], (
    Text("name", max_len=NAME, min_len=1),
    Choice("department", enum=Department),
    PHONE,
    Flag("is_team_leader"),
), dropped={
    "is_owner": "whose laptop the vault is: bookkeeping of one vault; an office must not gain "
    "an owner from a laptop (a record names its people by id)",
})  # fmt: skip

THIRD_PARTIES = KindSpec(RecordKind.THIRD_PARTIES, ThirdParty, TITLES[RecordKind.THIRD_PARTIES], (
    Text("name", max_len=NAME, min_len=1),
    Choice("kind", enum=ThirdPartyKind),
    Text("address", max_len=limits.THIRD_PARTY_ADDRESS),
    Text("contact", max_len=limits.THIRD_PARTY_CONTACT),
))  # fmt: skip

APPOINTMENTS = KindSpec(RecordKind.APPOINTMENTS, Appointment, TITLES[RecordKind.APPOINTMENTS], (
    Choice("approach", enum=Approach),
    LocalTime("start"),
    Whole("planned_duration_min", minimum=5, maximum=MAX_DURATION_MIN),
    Whole("buffer_min", minimum=0, maximum=MAX_BUFFER_MIN),
    Text("place", max_len=limits.APPOINTMENT_PLACE),
    _optional_ref("client_id", "null: anonymous (Walk and Talk only)"),
    _optional_ref("third_party_id"),
    Refs("staff_ids", min_items=1, unique=True),
    Choice("status", enum=AppointmentStatus, doc="states after in-progress are outcomes"),
    Flag("first_meeting"),
    Flag("spontaneous"),
    _optional_ref("predecessor_id", "this is a follow-up of that appointment"),
    _optional_ref("relocated_from_id", "moved here because that place was unsuitable"),
))  # fmt: skip

PROTOCOLS = KindSpec(RecordKind.PROTOCOLS, Protocol, TITLES[RecordKind.PROTOCOLS], (
    Choice("approach", enum=Approach),
    LocalTime("met_at"),
    _optional_time("written_at", "when the protocol was begun"),
    Whole("duration_min", minimum=1, maximum=8 * 60),
    _optional_ref("appointment_id"),
    _optional_ref("client_id"),
    Refs("staff_ids", min_items=1),
    Items("others_present", make=OtherPresent, max_items=100, parts=(
        Text("name", max_len=limits.OTHER_PRESENT_NAME),
        Text("role", max_len=limits.OTHER_PRESENT_ROLE),
        _optional_ref("consent_id", "the presence consent that covers them"),
    )),
    *(Text(name, max_len=MAX_FIELD) for name, _label in TEXT_FIELDS),
    Choice("success", enum=SuccessRating),
    Flag("to_verbis"),
    Flag("benefit_relevant"),
    Flag("inform_network"),
    Flag("to_main_caseworker"),
    _optional_ref("follow_up_id", "appointment"),
    _optional_time("finalized_at"),
    _optional_ref("finalized_by", "staff"),
    _optional_ref("countersigned_by", "staff"),
    _optional_time("countersigned_at"),
    Items("addenda", make=Addendum, parts=(
        LocalTime("at"), Ref("by", doc="staff"), Text("text", max_len=limits.ADDENDUM_TEXT),
    )),
))  # fmt: skip

CONSENT_EVENTS = ("prepared", "printed", "signed", "refused", "revoked", "pdf-saved")
CONSENTS = KindSpec(RecordKind.CONSENTS, Consent, TITLES[RecordKind.CONSENTS], (
    Ref("client_id"),
    Choice("kind", enum=ConsentKind),
    _optional_ref("appointment_id"),
    _optional_ref("third_party_id", "release: the third party it names"),
    Text("purpose", max_len=limits.CONSENT_PURPOSE),
    Text("topics", max_len=limits.CONSENT_TOPICS),
    Day("valid_until", nullable=True),
    Items("others_present", make=tuple, max_items=100, parts=(
        Text("name", max_len=limits.CONSENT_PERSON_NAME),
        Text("role", max_len=limits.CONSENT_PERSON_ROLE),
    )),
    Choice("scope", enum=AccompanimentScope, nullable=True),
    Text("participation_reason", max_len=limits.CONSENT_PARTICIPATION_REASON),
    _optional_ref("main_caseworker_id", "handover: staff"),
    Choice("state", enum=ConsentState),
    Choice("given_how", enum=GivenHow, nullable=True),
    _optional_time("given_at"),
    _optional_ref("oral_documented_by", "staff"),
    Text("oral_witness", max_len=limits.CONSENT_ORAL_WITNESS),
    Shaped("language", shape={"type": "string", "enum": ["", *(x.value for x in Language)]},
           doc="second language of the printed form; empty: the client's"),
    Text("form_version", max_len=limits.CONSENT_FORM_VERSION),
    _optional_time("refused_at"),
    _optional_time("revoked_at"),
    Text("revoked_how", max_len=limits.CONSENT_REVOKED_HOW),
    Digest("signed_form_sha256", source="signed_pdf", nullable=True,
           doc="SHA-256 of the member forms/<id>.pdf (the form as signed); null: none"),
    Items("events", make=ConsentEvent, parts=(
        LocalTime("at"),
        Shaped("event", shape={"type": "string", "enum": list(CONSENT_EVENTS)}),
        Text("detail", max_len=limits.CONSENT_EVENT_DETAIL),
    )),
), dropped={
    "signature_png": "travels inside the signed form (forms/<id>.pdf), the legal record; "
    "not a second time on its own",
})  # fmt: skip

ANONYMOUS_COUNSELLING = KindSpec(
    RecordKind.ANONYMOUS_COUNSELLING, AnonymousCounselling,
    TITLES[RecordKind.ANONYMOUS_COUNSELLING], (
        Day("day"),
        Choice("approach", enum=Approach),
        Whole("duration_min", minimum=1, maximum=8 * 60),
        Refs("staff_ids", min_items=1),
    ),
)  # fmt: skip

SENT_KINDS = tuple(k.value for k in RecordKind if k is not RecordKind.ACKNOWLEDGEMENTS)
ACKNOWLEDGEMENTS = KindSpec(RecordKind.ACKNOWLEDGEMENTS, Acknowledgement,
                            TITLES[RecordKind.ACKNOWLEDGEMENTS], (
    Shaped("record_kind", shape={"type": "string", "enum": list(SENT_KINDS)}),
    Ref("record_id"),
    Whole("revision", source="record_revision", minimum=1),
    Shaped("content_hash", shape=ref("sha256"), doc="content_hash of the record as sent"),
    Choice("state", enum=AckState),
    Text("reason", max_len=limits.ACKNOWLEDGEMENT_REASON, doc="why it was rejected"),
))  # fmt: skip

SPECS: dict[str, KindSpec] = {
    spec.kind.value: spec
    for spec in (CLIENTS, STAFF, THIRD_PARTIES, APPOINTMENTS, PROTOCOLS, CONSENTS,
                 ANONYMOUS_COUNSELLING, ACKNOWLEDGEMENTS)
}  # fmt: skip


def spec_for(kind: str) -> KindSpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise ValueError(f"unknown record kind {kind!r}") from None
