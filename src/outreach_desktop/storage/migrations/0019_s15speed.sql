-- Schema 19: the statistics' facts of every appointment, one narrow row each, kept up to date by
-- triggers, so that the statistics of a period are one grouped read of one table (GROUP BY in
-- SQL: a few thousand counted rows) instead of a lookup in six tables per appointment.
-- No personal text: ids, days, codes and counts only (the occasion is a choice id).
--
-- `statistics_facts_source` says how a row is made from the records; `statistics_facts` holds
-- the rows. An appointment written makes its row again from the view (an upsert by the primary
-- key), its deletion deletes it; a record that hangs on it sets the one column it changes, from
-- the same view (SQLite computes only the column asked for) — unless the appointment is being
-- deleted (its records go first, by the cascade). The rules are those of the
-- per-record read (services/statistics_read.py):
--  * staff_ids: who took part, sorted, comma-separated;
--  * follow_ups: the distinct statuses of its follow-up appointments, sorted, comma-separated;
--  * success: the rating of its latest memory protocol (by met_at, then the later written);
--  * failed_calls: a home visit's failed call attempts on or before its day (0 for others);
--  * real_min: whole minutes from begun to outcome as domain.conduct.minutes_between counts
--    them (rounded half to even, never negative), NULL without both times;
--  * announcement_on / reminder_on: when its letters were sent;
--  * occasion: the JSON of its checklist answer "hv.occasion".

CREATE TABLE statistics_facts (
    appointment_id  TEXT PRIMARY KEY,
    day             TEXT NOT NULL,  -- of its start, ISO
    month           TEXT NOT NULL,  -- "2026-03"
    approach        TEXT NOT NULL,
    status          TEXT NOT NULL,
    anonymous       INTEGER NOT NULL,
    first_meeting   INTEGER NOT NULL,
    follow_ups      TEXT NOT NULL,
    success         TEXT,
    failed_calls    INTEGER NOT NULL,
    staff_ids       TEXT NOT NULL,
    real_min        INTEGER,
    planned_min     INTEGER NOT NULL,
    buffer_min      INTEGER NOT NULL,
    announcement_on TEXT,
    reminder_on     TEXT,
    occasion        TEXT
) STRICT, WITHOUT ROWID;

CREATE VIEW statistics_facts_source (appointment_id, day, month, approach, status, anonymous,
    first_meeting, follow_ups, success, failed_calls, staff_ids, real_min, planned_min,
    buffer_min, announcement_on, reminder_on, occasion) AS
SELECT a.id, substr(a.start, 1, 10), substr(a.start, 1, 7), a.approach,
       a.status, a.client_id IS NULL, a.first_meeting,
       coalesce((SELECT group_concat(status, ',') FROM (
           SELECT DISTINCT f.status FROM appointments f
            WHERE f.predecessor_id = a.id ORDER BY f.status)), ''),
       (SELECT p.success FROM protocols p WHERE p.appointment_id = a.id
         ORDER BY p.met_at DESC, p.rowid DESC LIMIT 1),
       CASE WHEN a.approach = 'home-visit' THEN (
           SELECT count(*) FROM call_attempts c
            WHERE c.appointment_id = a.id AND c.outcome <> 'reached'
              AND substr(c.at, 1, 10) <= substr(a.start, 1, 10)) ELSE 0 END,
       coalesce((SELECT group_concat(staff_id, ',') FROM (
           SELECT s.staff_id FROM appointment_staff s
            WHERE s.appointment_id = a.id ORDER BY s.staff_id)), ''),
       (SELECT CASE WHEN d IS NULL THEN NULL WHEN d <= 0 THEN 0
                    ELSE d / 60 + (d % 60 > 30 OR (d % 60 = 30 AND d / 60 % 2 = 1)) END
          FROM (SELECT unixepoch(k.outcome_at) - unixepoch(k.started_at) AS d
                  FROM conducts k WHERE k.appointment_id = a.id)),
       a.planned_duration_min, a.buffer_min,
       (SELECT l.sent_on FROM letters l
         WHERE l.appointment_id = a.id AND l.kind = 'announcement'),
       (SELECT l.sent_on FROM letters l WHERE l.appointment_id = a.id AND l.kind = 'reminder'),
       (SELECT o.value FROM checklist_answers o
         WHERE o.appointment_id = a.id AND o.item_id = 'hv.occasion')
  FROM appointments a;

INSERT INTO statistics_facts SELECT * FROM statistics_facts_source;

-- The grouped read walks one of these in the order of its groups (no sorting): by approach and
-- the facts counted, then by month or by who took part; they hold every column it counts.
CREATE INDEX statistics_facts_by_month ON statistics_facts (approach, status, anonymous,
    first_meeting, follow_ups, success, failed_calls, month, day, real_min, planned_min,
    buffer_min, announcement_on, reminder_on);
CREATE INDEX statistics_facts_by_staff ON statistics_facts (approach, status, anonymous,
    first_meeting, follow_ups, success, failed_calls, staff_ids, day, real_min, planned_min,
    buffer_min, announcement_on, reminder_on);

-- The yes/no answers of the checklists (the success measures are among them) with what the
-- statistics group them by, taken from the appointment's row: one row per answer whose value
-- is JSON true or false. Written with the answer; follows its appointment's row.
CREATE TABLE statistics_answers (
    appointment_id TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    value          TEXT NOT NULL,  -- JSON: true or false
    approach       TEXT NOT NULL,
    occasion       TEXT,
    month          TEXT NOT NULL,
    staff_ids      TEXT NOT NULL,
    day            TEXT NOT NULL,
    PRIMARY KEY (appointment_id, item_id)
) STRICT, WITHOUT ROWID;

CREATE VIEW statistics_answers_source AS
SELECT v.appointment_id, v.item_id, v.value, f.approach, f.occasion, f.month, f.staff_ids, f.day
  FROM checklist_answers v JOIN statistics_facts f ON f.appointment_id = v.appointment_id
 WHERE CASE WHEN json_valid(v.value) THEN json_type(v.value) END IN ('true', 'false');

INSERT INTO statistics_answers SELECT * FROM statistics_answers_source;

CREATE INDEX statistics_answers_by_month ON statistics_answers (item_id, approach, occasion,
    value, month, day);
CREATE INDEX statistics_answers_by_staff ON statistics_answers (item_id, approach, occasion,
    value, staff_ids, day);

-- an appointment: its own row made again; its predecessor's follow-ups
CREATE TRIGGER statistics_appointments_insert AFTER INSERT ON appointments BEGIN
    INSERT INTO statistics_facts SELECT * FROM statistics_facts_source
     WHERE appointment_id = new.id
    ON CONFLICT (appointment_id) DO UPDATE SET
        day = excluded.day, month = excluded.month, approach = excluded.approach,
        status = excluded.status, anonymous = excluded.anonymous,
        first_meeting = excluded.first_meeting, follow_ups = excluded.follow_ups,
        success = excluded.success, failed_calls = excluded.failed_calls,
        staff_ids = excluded.staff_ids, real_min = excluded.real_min,
        planned_min = excluded.planned_min, buffer_min = excluded.buffer_min,
        announcement_on = excluded.announcement_on, reminder_on = excluded.reminder_on,
        occasion = excluded.occasion;
    UPDATE statistics_facts SET follow_ups = (
        SELECT follow_ups FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = new.predecessor_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_appointments_update AFTER UPDATE OF id, approach, start, status,
    client_id, first_meeting, planned_duration_min, buffer_min, predecessor_id ON appointments
BEGIN
    DELETE FROM statistics_facts WHERE appointment_id = old.id AND old.id IS NOT new.id;
    INSERT INTO statistics_facts SELECT * FROM statistics_facts_source
     WHERE appointment_id = new.id
    ON CONFLICT (appointment_id) DO UPDATE SET
        day = excluded.day, month = excluded.month, approach = excluded.approach,
        status = excluded.status, anonymous = excluded.anonymous,
        first_meeting = excluded.first_meeting, follow_ups = excluded.follow_ups,
        success = excluded.success, failed_calls = excluded.failed_calls,
        staff_ids = excluded.staff_ids, real_min = excluded.real_min,
        planned_min = excluded.planned_min, buffer_min = excluded.buffer_min,
        announcement_on = excluded.announcement_on, reminder_on = excluded.reminder_on,
        occasion = excluded.occasion;
    UPDATE statistics_facts SET follow_ups = (
        SELECT follow_ups FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id IN (old.predecessor_id, new.predecessor_id)
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_appointments_delete AFTER DELETE ON appointments BEGIN
    DELETE FROM statistics_facts WHERE appointment_id = old.id;
    UPDATE statistics_facts SET follow_ups = (
        SELECT follow_ups FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = old.predecessor_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;

-- the records that hang on an appointment: the column they change (a moved record: in both
-- rows)
CREATE TRIGGER statistics_staff_insert AFTER INSERT ON appointment_staff BEGIN
    UPDATE statistics_facts SET staff_ids = (
        SELECT staff_ids FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = new.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_staff_update AFTER UPDATE ON appointment_staff BEGIN
    UPDATE statistics_facts SET staff_ids = (
        SELECT staff_ids FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id IN (old.appointment_id, new.appointment_id)
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_staff_delete AFTER DELETE ON appointment_staff BEGIN
    UPDATE statistics_facts SET staff_ids = (
        SELECT staff_ids FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = old.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_conducts_insert AFTER INSERT ON conducts BEGIN
    UPDATE statistics_facts SET real_min = (
        SELECT real_min FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = new.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_conducts_update AFTER UPDATE OF appointment_id, started_at, outcome_at
    ON conducts BEGIN
    UPDATE statistics_facts SET real_min = (
        SELECT real_min FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id IN (old.appointment_id, new.appointment_id)
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_conducts_delete AFTER DELETE ON conducts BEGIN
    UPDATE statistics_facts SET real_min = (
        SELECT real_min FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = old.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_calls_insert AFTER INSERT ON call_attempts BEGIN
    UPDATE statistics_facts SET failed_calls = (
        SELECT failed_calls FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = new.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_calls_update AFTER UPDATE OF appointment_id, at, outcome
    ON call_attempts BEGIN
    UPDATE statistics_facts SET failed_calls = (
        SELECT failed_calls FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id IN (old.appointment_id, new.appointment_id)
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_calls_delete AFTER DELETE ON call_attempts BEGIN
    UPDATE statistics_facts SET failed_calls = (
        SELECT failed_calls FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = old.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_letters_insert AFTER INSERT ON letters BEGIN
    UPDATE statistics_facts SET (announcement_on, reminder_on) = (
        SELECT announcement_on, reminder_on FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = new.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_letters_update AFTER UPDATE OF appointment_id, kind, sent_on
    ON letters BEGIN
    UPDATE statistics_facts SET (announcement_on, reminder_on) = (
        SELECT announcement_on, reminder_on FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id IN (old.appointment_id, new.appointment_id)
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_letters_delete AFTER DELETE ON letters BEGIN
    UPDATE statistics_facts SET (announcement_on, reminder_on) = (
        SELECT announcement_on, reminder_on FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = old.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_protocols_insert AFTER INSERT ON protocols
    WHEN new.appointment_id IS NOT NULL BEGIN
    UPDATE statistics_facts SET success = (
        SELECT success FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = new.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_protocols_update AFTER UPDATE OF appointment_id, met_at, success
    ON protocols
    WHEN old.appointment_id IS NOT NULL OR new.appointment_id IS NOT NULL BEGIN
    UPDATE statistics_facts SET success = (
        SELECT success FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id IN (old.appointment_id, new.appointment_id)
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_protocols_delete AFTER DELETE ON protocols
    WHEN old.appointment_id IS NOT NULL BEGIN
    UPDATE statistics_facts SET success = (
        SELECT success FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = old.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_occasion_insert AFTER INSERT ON checklist_answers
    WHEN new.item_id = 'hv.occasion' BEGIN
    UPDATE statistics_facts SET occasion = (
        SELECT occasion FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = new.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_occasion_update AFTER UPDATE OF appointment_id, item_id, value
    ON checklist_answers
    WHEN old.item_id = 'hv.occasion' OR new.item_id = 'hv.occasion' BEGIN
    UPDATE statistics_facts SET occasion = (
        SELECT occasion FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id IN (old.appointment_id, new.appointment_id)
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;
CREATE TRIGGER statistics_occasion_delete AFTER DELETE ON checklist_answers
    WHEN old.item_id = 'hv.occasion' BEGIN
    UPDATE statistics_facts SET occasion = (
        SELECT occasion FROM statistics_facts_source s
         WHERE s.appointment_id = statistics_facts.appointment_id)
     WHERE appointment_id = old.appointment_id
       AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = statistics_facts.appointment_id);
END;

-- the yes/no answers: each written, changed or deleted with its answer; all of an appointment's
-- follow its row (approach, day, month, staff, occasion), and go with it
CREATE TRIGGER statistics_answers_insert AFTER INSERT ON checklist_answers BEGIN
    INSERT OR REPLACE INTO statistics_answers SELECT * FROM statistics_answers_source
     WHERE appointment_id = new.appointment_id AND item_id = new.item_id;
END;
CREATE TRIGGER statistics_answers_update AFTER UPDATE OF appointment_id, item_id, value
    ON checklist_answers BEGIN
    DELETE FROM statistics_answers
     WHERE appointment_id = old.appointment_id AND item_id = old.item_id;
    INSERT INTO statistics_answers SELECT * FROM statistics_answers_source
     WHERE appointment_id = new.appointment_id AND item_id = new.item_id;
END;
CREATE TRIGGER statistics_answers_delete AFTER DELETE ON checklist_answers BEGIN
    DELETE FROM statistics_answers
     WHERE appointment_id = old.appointment_id AND item_id = old.item_id;
END;
CREATE TRIGGER statistics_answers_follow_insert AFTER INSERT ON statistics_facts BEGIN
    INSERT OR REPLACE INTO statistics_answers SELECT * FROM statistics_answers_source
     WHERE appointment_id = new.appointment_id;
END;
CREATE TRIGGER statistics_answers_follow_update AFTER UPDATE ON statistics_facts
    WHEN new.approach IS NOT old.approach OR new.occasion IS NOT old.occasion
      OR new.month IS NOT old.month OR new.staff_ids IS NOT old.staff_ids
      OR new.day IS NOT old.day BEGIN
    UPDATE statistics_answers SET approach = new.approach, occasion = new.occasion,
           month = new.month, staff_ids = new.staff_ids, day = new.day
     WHERE appointment_id = new.appointment_id;
END;
CREATE TRIGGER statistics_answers_follow_delete AFTER DELETE ON statistics_facts BEGIN
    DELETE FROM statistics_answers WHERE appointment_id = old.appointment_id;
END;
