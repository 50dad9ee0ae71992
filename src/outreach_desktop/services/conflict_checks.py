"""Whether a conflict's other version can take the stored record's place, and that version as a
domain record. Storage allows what the import allows for an update (`import_merge.grows_only`):
a finalized protocol changes only by addenda and a first countersignature, a consent's history
only by new events; and a record is stored only with the records it names, a consent only with
its signed form — the conflicts table keeps the other version's fields, not its form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from outreach_desktop.domain.consents import Consent
from outreach_desktop.domain.records import Record
from outreach_desktop.exchange.record_fields import utc_text
from outreach_desktop.exchange.records import FORM_DIGEST, from_record, to_record
from outreach_desktop.services.import_checks import references
from outreach_desktop.services.import_merge import grows_only
from outreach_desktop.storage.conflict_repo import Conflict

Find = Callable[[str, str], Record | None]  # (kind, id) → the stored record

ONLY_KEEP = "Hier bleibt nur, die gespeicherte Fassung zu behalten."
FINALIZED = (
    "Ein abgeschlossenes Gedächtnisprotokoll wird nicht umgeschrieben (Berichtigungen kommen als "
    "Nachtrag). " + ONLY_KEEP
)
PROTOCOL_GROWS = (
    "Nachträge und Gegenzeichnung eines Gedächtnisprotokolls werden nur ergänzt, nie "
    "umgeschrieben. " + ONLY_KEEP
)
CONSENT_GROWS = "Der Verlauf einer Einwilligung wird nur ergänzt, nie umgeschrieben. " + ONLY_KEEP
NO_FORM = "Das unterschriebene Formular dieser Fassung liegt im Büro nicht vor. " + ONLY_KEEP
GONE = "Der gespeicherte Eintrag ist nicht mehr vorhanden. " + ONLY_KEEP


def refusal(conflict: Conflict, stored: Record | None, find: Find) -> str:
    """Why the other version cannot replace `stored`, one German sentence; "" when it can."""
    if stored is None:
        return GONE
    ours: dict[str, Any] = to_record(conflict.kind, stored)["fields"]
    if not grows_only(conflict.kind, ours, conflict.fields):
        if conflict.kind == "consents":
            return CONSENT_GROWS
        return FINALIZED if ours["finalized_at"] is not None else PROTOCOL_GROWS
    if form_missing(conflict, stored):
        return NO_FORM
    for kind, record_id in references(conflict.kind, conflict.fields):
        if find(kind, record_id) is None:
            return (
                f"Die andere Fassung nennt einen Eintrag, der im Büro fehlt ({kind} {record_id}). "
                + ONLY_KEEP
            )
    return ""


def form_missing(conflict: Conflict, stored: Record | None) -> bool:
    """The other version of a consent names a signed form the office does not hold."""
    if conflict.kind != "consents":
        return False
    digest = conflict.fields.get(FORM_DIGEST)
    return digest is not None and digest != _stored_digest(conflict, stored)


def other_version(
    conflict: Conflict, stored: Record | None, revision: int, updated: datetime
) -> Record:
    """The other version as a domain record at `revision`, last changed `updated` (UTC), from
    the device that sent it; created when the stored one was. A consent takes the stored signed
    form when it names the same one; one naming a form the office lacks is made without it
    (to be read, never stored: `refusal` says so)."""
    fields = dict(conflict.fields)
    form = stored.signed_pdf if isinstance(stored, Consent) else None
    if conflict.kind == "consents" and form_missing(conflict, stored):
        fields[FORM_DIGEST], form = None, None
    created = stored.created_at if stored is not None and stored.created_at else conflict.found_at
    record = {
        "id": conflict.record_id,
        "revision": revision,
        "origin_device": conflict.sender,
        "created_at": utc_text(created),
        "updated_at": utc_text(updated),
        "fields": fields,
    }
    if conflict.kind == "consents" and fields.get(FORM_DIGEST) is None:
        form = None
    return from_record(conflict.kind, record, signed_form=form)


def _stored_digest(conflict: Conflict, stored: Record | None) -> str | None:
    if stored is None:
        return None
    digest: str | None = to_record(conflict.kind, stored)["fields"].get(FORM_DIGEST)
    return digest
