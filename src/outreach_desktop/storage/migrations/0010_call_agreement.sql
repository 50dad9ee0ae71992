-- Schema 10: a reached call may record that the client agreed to the home visit on the phone.
-- Then announcement and reminder (the procedure after several failed calls) are optional and a
-- confirmation letter fits. Older calls were not agreed (0); only a reached call can be.

ALTER TABLE call_attempts ADD COLUMN agreed INTEGER NOT NULL DEFAULT 0
    CHECK (agreed IN (0, 1) AND (agreed = 0 OR outcome = 'reached'));
