-- Schema 11: indexes for the statistics (storage/statistics_repo.py). The statistics read every
-- appointment of a period with what hangs on it; these indexes hold exactly the columns it reads,
-- so it scans them in order instead of looking up table pages at random (a vault is encrypted
-- page by page: every page read is decrypted). No table changes, no personal text in them
-- beyond what the tables hold.

CREATE INDEX appointments_statistics ON appointments
    (start, id, approach, status, first_meeting, planned_duration_min, buffer_min, client_id);
CREATE INDEX appointments_follow_ups ON appointments (predecessor_id, status)
    WHERE predecessor_id IS NOT NULL;
CREATE INDEX protocols_success ON protocols (appointment_id, met_at, success)
    WHERE appointment_id IS NOT NULL;
CREATE INDEX checklist_answers_item ON checklist_answers (item_id, appointment_id, value);
