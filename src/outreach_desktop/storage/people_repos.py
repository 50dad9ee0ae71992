"""Repositories for clients, staff and third parties."""

from __future__ import annotations

from typing import Any

from outreach_desktop.domain.people import Client, Staff, ThirdParty
from outreach_desktop.domain.vocabulary import Department, Language, ThirdPartyKind
from outreach_desktop.storage.database import Row
from outreach_desktop.storage.errors import RecordInUse
from outreach_desktop.storage.record_repo import RecordRepository


class ClientRepository(RecordRepository[Client]):
    table = "clients"
    what = "Die Kundin/der Kunde"

    def to_row(self, c: Client) -> dict[str, Any]:
        return {
            "display_name": c.display_name,
            "customer_number": c.customer_number,
            "address": c.address,
            "phone": c.phone,
            "preferred_language": c.preferred_language.value,
            "reachability_notes": c.reachability_notes,
            "main_caseworker_id": c.main_caseworker_id,
            "in_own_caseload": int(c.in_own_caseload),
        }

    def from_row(self, r: Row) -> Client:
        return Client(
            **self._meta(r),
            display_name=r["display_name"],
            customer_number=r["customer_number"],
            address=r["address"],
            phone=r["phone"],
            preferred_language=Language(r["preferred_language"]),
            reachability_notes=r["reachability_notes"],
            main_caseworker_id=r["main_caseworker_id"],
            in_own_caseload=bool(r["in_own_caseload"]),
        )

    def delete(self, record_id: str) -> None:
        uses = self.db.scalar("SELECT count(*) FROM appointments WHERE client_id = ?", (record_id,))
        if uses:
            raise RecordInUse(
                f"Die Kundin/der Kunde hat noch {uses} Termin(e) und kann nicht gelöscht werden."
            )
        super().delete(record_id)


class StaffRepository(RecordRepository[Staff]):
    table = "staff"
    what = "Die Mitarbeiterin/der Mitarbeiter"

    def to_row(self, s: Staff) -> dict[str, Any]:
        return {
            "name": s.name,
            "department": s.department.value,
            "phone": s.phone,
            "is_team_leader": int(s.is_team_leader),
            "is_owner": int(s.is_owner),
        }

    def from_row(self, r: Row) -> Staff:
        return Staff(
            **self._meta(r),
            name=r["name"],
            department=Department(r["department"]),
            phone=r["phone"],
            is_team_leader=bool(r["is_team_leader"]),
            is_owner=bool(r["is_owner"]),
        )

    def owner(self) -> Staff | None:
        row = self.db.one("SELECT * FROM staff WHERE is_owner = 1")
        return self.from_row(row) if row else None

    def delete(self, record_id: str) -> None:
        staff = self.get(record_id)
        if staff.is_owner:
            raise RecordInUse("Die Inhaberin/der Inhaber des Tresors kann nicht gelöscht werden.")
        uses = self.db.scalar(
            "SELECT (SELECT count(*) FROM appointment_staff WHERE staff_id = :id)"
            " + (SELECT count(*) FROM clients WHERE main_caseworker_id = :id)"
            " + (SELECT count(*) FROM consents"
            "    WHERE oral_documented_by = :id OR main_caseworker_id = :id)",
            {"id": record_id},
        )
        # protocols name their staff (and who finalized, countersigned, added to them)
        written = self.db.scalar(
            "SELECT (SELECT count(*) FROM protocols WHERE finalized_by = :id"
            "    OR countersigned_by = :id"
            "    OR EXISTS (SELECT 1 FROM json_each(protocols.staff_ids) WHERE value = :id))"
            " + (SELECT count(*) FROM protocol_addenda WHERE by_staff = :id)"
            " + (SELECT count(*) FROM anonymous_counselling"
            "    WHERE EXISTS (SELECT 1 FROM json_each(anonymous_counselling.staff_ids)"
            "    WHERE value = :id))",
            {"id": record_id},
        )
        if uses or written:
            raise RecordInUse(
                f"{staff.name} ist noch in {uses + written} Termin(en), Protokoll(en) oder als "
                "Hauptbetreuung eingetragen."
            )
        super().delete(record_id)


class ThirdPartyRepository(RecordRepository[ThirdParty]):
    table = "third_parties"
    what = "Die dritte Stelle"

    def to_row(self, t: ThirdParty) -> dict[str, Any]:
        return {"name": t.name, "kind": t.kind.value, "address": t.address, "contact": t.contact}

    def from_row(self, r: Row) -> ThirdParty:
        return ThirdParty(
            **self._meta(r),
            name=r["name"],
            kind=ThirdPartyKind(r["kind"]),
            address=r["address"],
            contact=r["contact"],
        )

    def delete(self, record_id: str) -> None:
        uses = self.db.scalar(
            "SELECT count(*) FROM appointments WHERE third_party_id = ?", (record_id,)
        )
        if uses:
            raise RecordInUse(f"Die Stelle ist noch in {uses} Termin(en) eingetragen.")
        super().delete(record_id)
