-- Heute lists every appointment whose follow-up is still open, however old. Finding them among
-- years of closed ones scanned every ended appointment (60,000 in a large vault, 0.25-0.6 s).
-- `open_follow_ups` holds just the open ones, kept by triggers: appointments with an outcome
-- that has a follow-up phase (carried out, held in the surroundings, ended at the door, broken
-- off: `services.today.OUTCOMES_WITH_FOLLOW_UP`, a test checks both agree) whose conduct is not
-- closed. Derived data: rebuilt here from the records, never exported.

CREATE TABLE open_follow_ups (
    appointment_id TEXT PRIMARY KEY REFERENCES appointments (id) ON DELETE CASCADE,
    start          TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX open_follow_ups_start ON open_follow_ups (start);

INSERT INTO open_follow_ups (appointment_id, start)
SELECT a.id, a.start FROM appointments a
WHERE a.status IN ('done', 'held-nearby', 'ended-at-door', 'broken-off')
  AND NOT EXISTS (SELECT 1 FROM conducts c WHERE c.appointment_id = a.id
                  AND c.closed_at IS NOT NULL);

CREATE TRIGGER open_follow_ups_appointment_insert AFTER INSERT ON appointments
WHEN new.status IN ('done', 'held-nearby', 'ended-at-door', 'broken-off') BEGIN
    INSERT OR REPLACE INTO open_follow_ups (appointment_id, start)
    SELECT new.id, new.start WHERE NOT EXISTS (
        SELECT 1 FROM conducts c WHERE c.appointment_id = new.id AND c.closed_at IS NOT NULL);
END;

CREATE TRIGGER open_follow_ups_appointment_update AFTER UPDATE OF id, status, start
ON appointments BEGIN
    DELETE FROM open_follow_ups WHERE appointment_id IN (old.id, new.id);
    INSERT INTO open_follow_ups (appointment_id, start)
    SELECT new.id, new.start
    WHERE new.status IN ('done', 'held-nearby', 'ended-at-door', 'broken-off')
      AND NOT EXISTS (SELECT 1 FROM conducts c WHERE c.appointment_id = new.id
                      AND c.closed_at IS NOT NULL);
END;

CREATE TRIGGER open_follow_ups_appointment_delete AFTER DELETE ON appointments BEGIN
    DELETE FROM open_follow_ups WHERE appointment_id = old.id;
END;

CREATE TRIGGER open_follow_ups_conduct_insert AFTER INSERT ON conducts
WHEN new.closed_at IS NOT NULL BEGIN
    DELETE FROM open_follow_ups WHERE appointment_id = new.appointment_id;
END;

CREATE TRIGGER open_follow_ups_conduct_update AFTER UPDATE OF appointment_id, closed_at
ON conducts BEGIN
    DELETE FROM open_follow_ups WHERE appointment_id IN (old.appointment_id, new.appointment_id);
    INSERT INTO open_follow_ups (appointment_id, start)
    SELECT a.id, a.start FROM appointments a
    WHERE a.id IN (old.appointment_id, new.appointment_id)
      AND a.status IN ('done', 'held-nearby', 'ended-at-door', 'broken-off')
      AND NOT EXISTS (SELECT 1 FROM conducts c WHERE c.appointment_id = a.id
                      AND c.closed_at IS NOT NULL);
END;

CREATE TRIGGER open_follow_ups_conduct_delete AFTER DELETE ON conducts BEGIN
    INSERT OR REPLACE INTO open_follow_ups (appointment_id, start)
    SELECT a.id, a.start FROM appointments a
    WHERE a.id = old.appointment_id
      AND a.status IN ('done', 'held-nearby', 'ended-at-door', 'broken-off');
END;
