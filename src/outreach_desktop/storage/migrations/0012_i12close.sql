-- Schema 11: closing the follow-up (Nachbereitung abschließen) and documentation directly at the
-- mobile workstation (MAP) in VerBIS, which replaces the memory protocol ("sofern keine Nutzung
-- eines MAP erfolgt"). Both belong to the conduct of an appointment: when, and for MAP by whom.
-- Older appointments are not closed: their follow-up stays open on *Heute* until it is closed.

ALTER TABLE conducts ADD COLUMN closed_at TEXT;
ALTER TABLE conducts ADD COLUMN map_documented_at TEXT;
ALTER TABLE conducts ADD COLUMN map_documented_by TEXT NOT NULL DEFAULT ''
    CHECK (length(map_documented_by) <= 200 AND (map_documented_by = '' OR map_documented_at IS NOT NULL));
