-- The statistics' answers: only those of the checklists' success items. Schema 19 kept a row
-- for every yes/no answer (over a million in a large vault, with two indexes: the vault grew by
-- two thirds and a bulk fill took several times as long), though the figures count only the
-- success measures' answers. Which items those are is data (a site may replace a checklist), so
-- the app names them in `statistics_items` before it counts (StatisticsRepository.keep_items:
-- when they change, their answers are made again from the view); the triggers of schema 19
-- keep exactly those through the view below.

CREATE TABLE statistics_items (
    item_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

DROP VIEW statistics_answers_source;
CREATE VIEW statistics_answers_source AS
SELECT v.appointment_id, v.item_id, v.value, f.approach, f.occasion, f.month, f.staff_ids, f.day
  FROM checklist_answers v JOIN statistics_facts f ON f.appointment_id = v.appointment_id
 WHERE v.item_id IN (SELECT item_id FROM statistics_items)
   AND CASE WHEN json_valid(v.value) THEN json_type(v.value) END IN ('true', 'false');

-- made again for the items the app names the first time it counts
DELETE FROM statistics_answers;
