"""What an export must satisfy beyond its container, checked before anything is written: every
record member against its schema (ids once, content hashes, real dates), every consent against
its signed form and no form without its consent, every reference to another record answered by
the bundle or by the office vault, and an order in which the records can be stored (what a
record names goes in before it).

`open_bundle` has checked the container (age, tar, signed manifest, member hashes) already.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from outreach_desktop.domain.records import Record
from outreach_desktop.exchange.bundle import OpenedBundle
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.manifest import FORM_KIND
from outreach_desktop.exchange.records import form_member, from_record, member_name, parse_member

Json = dict[str, Any]

# the order records are stored in: what a record names comes before it
MERGE_ORDER = (
    "staff",
    "third_parties",
    "clients",
    "appointments",
    "consents",
    "protocols",
    "anonymous_counselling",
)

# per kind: where its fields name another record ("field" or "list_field.part") and its kind
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "clients": (("main_caseworker_id", "staff"),),
    "staff": (),
    "third_parties": (),
    "appointments": (
        ("client_id", "clients"),
        ("third_party_id", "third_parties"),
        ("staff_ids", "staff"),
        ("predecessor_id", "appointments"),
        ("relocated_from_id", "appointments"),
    ),
    "consents": (
        ("client_id", "clients"),
        ("appointment_id", "appointments"),
        ("third_party_id", "third_parties"),
        ("main_caseworker_id", "staff"),
        ("oral_documented_by", "staff"),
    ),
    "protocols": (
        ("appointment_id", "appointments"),
        ("client_id", "clients"),
        ("staff_ids", "staff"),
        ("others_present.consent_id", "consents"),
        ("follow_up_id", "appointments"),
        ("finalized_by", "staff"),
        ("countersigned_by", "staff"),
        ("addenda.by", "staff"),
    ),
    "anonymous_counselling": (("staff_ids", "staff"),),
}


@dataclass(frozen=True)
class Incoming:
    """One record of the bundle: as it travelled, and as the domain object it stands for."""

    kind: str
    record: Json
    obj: Record

    @property
    def id(self) -> str:
        return str(self.record["id"])


Stored = Callable[[str, str], bool]  # (kind, id) → the office vault holds it


def read_records(bundle: OpenedBundle) -> dict[str, list[Incoming]]:
    """Every record of every member, by kind, each consent with its form; BundleRefused for
    anything a member or a form gets wrong."""
    forms = {
        entry.path: bundle.members[entry.path]
        for entry in bundle.manifest.members
        if entry.kind == FORM_KIND
    }
    used: set[str] = set()
    found: dict[str, list[Incoming]] = {}
    for entry in bundle.manifest.members:
        if entry.kind == FORM_KIND:
            continue
        records = parse_member(entry.kind, bundle.members[entry.path])
        found[entry.kind] = [_incoming(entry.kind, r, forms, used) for r in records]
    extra = sorted(forms.keys() - used)
    if extra:
        raise BundleRefused(f"Das Paket enthält das Formular {extra[0]} ohne seine Einwilligung.")
    return found


def _incoming(kind: str, record: Json, forms: Mapping[str, bytes], used: set[str]) -> Incoming:
    form = None
    if kind == "consents":
        path = form_member(record["id"])
        form = forms.get(path)
        if form is not None:
            used.add(path)
    try:
        obj = from_record(kind, record, signed_form=form)
    except BundleRefused:
        raise
    except (ValueError, TypeError, OverflowError):
        raise BundleRefused(
            f"Die Datei {member_name(kind)} im Paket enthält den ungültigen Eintrag {record['id']}."
        ) from None
    return Incoming(kind, record, obj)


def references(kind: str, fields: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(kind, id) of every record that `fields` of a record of `kind` name."""
    for path, target in REFERENCES[kind]:
        name, _, part = path.partition(".")
        value = fields[name]
        if value is None:
            continue
        if isinstance(value, str):
            yield target, value
        elif part:
            yield from ((target, item[part]) for item in value if item[part] is not None)
        else:
            yield from ((target, item) for item in value)


def check_references(records: Mapping[str, list[Incoming]], stored: Stored) -> None:
    """Every record a record names is in the bundle or in the office vault."""
    present = {kind: {r.id for r in found} for kind, found in records.items()}
    for kind, found in records.items():
        for incoming in found:
            for target, target_id in references(kind, incoming.record["fields"]):
                if target_id in present.get(target, ()) or stored(target, target_id):
                    continue
                raise BundleRefused(
                    f"Der Eintrag {incoming.id} in {member_name(kind)} verweist auf "
                    f"{target_id} ({member_name(target)}), der weder im Paket noch im "
                    "Bürotresor ist."
                )


def merge_order(records: Mapping[str, list[Incoming]]) -> list[Incoming]:
    """All records, kind after kind in MERGE_ORDER, and within a kind each after the records
    of its kind it names (an appointment after its predecessor)."""
    ordered: list[Incoming] = []
    for kind in MERGE_ORDER:
        ordered += _dependencies_first(kind, records.get(kind, []))
    return ordered


def _dependencies_first(kind: str, found: list[Incoming]) -> list[Incoming]:
    by_id = {r.id: r for r in found}
    done: set[str] = set()
    ordered: list[Incoming] = []
    for start in found:
        path: list[str] = []
        stack = [(start.id, False)]
        while stack:
            record_id, expanded = stack.pop()
            if expanded:
                path.pop()
                if record_id not in done:
                    done.add(record_id)
                    ordered.append(by_id[record_id])
                continue
            if record_id in done:
                continue
            if record_id in path:
                raise BundleRefused(
                    f"Die Einträge in {member_name(kind)} verweisen im Kreis aufeinander."
                )
            path.append(record_id)
            stack.append((record_id, True))
            fields = by_id[record_id].record["fields"]
            stack += [
                (ref, False)
                for target, ref in references(kind, fields)
                if target == kind and ref in by_id and ref not in done
            ]
    return ordered
