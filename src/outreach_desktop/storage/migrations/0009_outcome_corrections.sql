-- Schema 9: corrections of an appointment's outcome. A mis-clicked outcome may be corrected
-- until the appointment's protocol is finalized; every correction is kept (old value, new value,
-- when, why) and shown in the appointment's history. Corrections are appended, never rewritten;
-- they go with their appointment when it is purged.

CREATE TABLE outcome_corrections (
    id             TEXT PRIMARY KEY,
    appointment_id TEXT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    old_outcome    TEXT NOT NULL,
    new_outcome    TEXT NOT NULL CHECK (new_outcome <> old_outcome),
    corrected_at   TEXT NOT NULL,
    reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at     TEXT NOT NULL,
    origin_device  TEXT NOT NULL
) STRICT;
CREATE INDEX outcome_corrections_appointment ON outcome_corrections (appointment_id, corrected_at);

CREATE TRIGGER outcome_corrections_kept BEFORE UPDATE ON outcome_corrections
    BEGIN SELECT RAISE(ABORT, 'outcome correction kept'); END;

-- after the protocol is finalized the outcome is part of the record: no correction any more
CREATE TRIGGER outcome_corrections_after_final BEFORE INSERT ON outcome_corrections
    WHEN EXISTS (SELECT 1 FROM protocols
                  WHERE appointment_id = NEW.appointment_id AND finalized_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'protocol finalized'); END;
