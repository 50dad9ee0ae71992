"""How an appointment is documented: as a memory protocol, or directly at the mobile workstation
(MAP) in VerBIS. The instruction asks for the memory protocol only "sofern keine Nutzung eines MAP
erfolgt" (GA, Dokumentation): a documentation at the MAP — who, when — meets the documentation
item instead, and it is itself the entry into VerBIS, so the follow-up's VerBIS items are met by
it too, not by a second tick.

The facts here feed the checklists (`checklists.evaluate`): the documentation item asks for
`DOCUMENTED`; a tick item for the VerBIS entry is also met by `VERBIS_DOCUMENTED`.
"""

from __future__ import annotations

from datetime import datetime

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.appointments import Appointment
from outreach_desktop.domain.conduct import Conduct, is_finished
from outreach_desktop.domain.errors import Checker
from outreach_desktop.domain.text_safety import clean_line

PROTOCOL_FINALIZED = "protocol_finalized"
MAP_DOCUMENTED = "map_documented"
DOCUMENTED = "documented"  # a finalized memory protocol or the documentation at the MAP
VERBIS_DOCUMENTED = "verbis_documented"  # in VerBIS: entered at the MAP, or by the office
EAKTE_DOCUMENTED = "eakte_documented"  # the office noted it in the e-Akte, informed benefits

MAP_LABEL_DE = "direkt am mobilen Arbeitsplatz (MAP) in VerBIS dokumentiert"


def documentation_facts(
    conduct: Conduct, protocol_finalized: bool, office: tuple[bool, bool] = (False, False)
) -> dict[str, bool]:
    """The checklist facts of how the appointment is documented. `office`: (VerBIS, e-Akte)
    as the office's receipts acknowledge it entered (its marks, `transfer.marks_that_apply`) —
    the same items are met by them, not by a second tick on the laptop."""
    mapped = conduct.map_documented_at is not None
    return {
        PROTOCOL_FINALIZED: protocol_finalized,
        MAP_DOCUMENTED: mapped,
        DOCUMENTED: protocol_finalized or mapped,
        VERBIS_DOCUMENTED: mapped or office[0],
        EAKTE_DOCUMENTED: office[1],
    }


def map_reasons(appointment: Appointment, conduct: Conduct) -> list[str]:
    """Why the documentation at the MAP cannot be recorded now; empty means it can."""
    reasons = []
    if not is_finished(appointment, conduct):
        reasons.append("Der Termin hat noch kein Ergebnis.")
    if appointment.client_id is None:
        reasons.append(
            "Eine anonyme Beratung wird nicht in VerBIS dokumentiert (VerBIS kennt nur "
            "Kundinnen und Kunden)."
        )
    if conduct.map_documented_at is not None:
        reasons.append("Die Dokumentation am MAP ist bereits erfasst.")
    if conduct.closed_at is not None:
        reasons.append("Die Nachbereitung ist bereits abgeschlossen.")
    return reasons


def record_map(appointment: Appointment, conduct: Conduct, by: str, now: datetime) -> None:
    """Record that the appointment was documented directly at the MAP in VerBIS, by whom and
    when; raises ValidationError with the reasons (`map_reasons`) or a missing name."""
    check = Checker()
    for reason in map_reasons(appointment, conduct):
        check.fail("map", "MAP", reason)
    name = clean_line(by).strip()
    check.require_text(name, "map_documented_by", "Dokumentiert von", limits.NAME)
    check.raise_if_any()
    conduct.map_documented_at = now
    conduct.map_documented_by = name
