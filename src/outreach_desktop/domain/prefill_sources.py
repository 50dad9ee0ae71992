"""Where a pre-filled checklist answer comes from (stable codes, used in checklist files)."""

from __future__ import annotations

from enum import StrEnum

from outreach_desktop.domain.labels import QT_TRANSLATE_NOOP


class PrefillSource(StrEnum):
    """The recorded fact that answers an item (stable codes, used in checklist files)."""

    APPOINTMENT_PLACE = "appointment-place"  # text item: the appointment's place
    CONSENT_RECORD = "consent-record"  # tick item: a form of its `consent` kind is prepared
    APPOINTMENT_STAFF = "appointment-staff"  # fact item: the appointment's staff, by id

    @property
    def label_de(self) -> str:
        return {
            PrefillSource.APPOINTMENT_PLACE: QT_TRANSLATE_NOOP(
                "Labels", "Ort aus dem Termin übernommen"
            ),
            PrefillSource.CONSENT_RECORD: QT_TRANSLATE_NOOP(
                "Labels", "aus der Einwilligung übernommen"
            ),
            PrefillSource.APPOINTMENT_STAFF: QT_TRANSLATE_NOOP(
                "Labels", "Mitarbeitende aus dem Termin übernommen"
            ),
        }[self]


# The item kind each source can answer (checked when a checklist file is read).
PREFILL_KINDS = {
    PrefillSource.APPOINTMENT_PLACE: "text",
    PrefillSource.CONSENT_RECORD: "tick",
    PrefillSource.APPOINTMENT_STAFF: "fact",
}
