-- Heute right after unlock, on a cold cache: its lists were read through indexes that then
-- looked up every listed appointment's row (wide rows, scattered pages: 25-60 ms each on a
-- large vault). These indexes hold what the lists read, so the reads stay in the index.
-- Only ids, times, statuses and client ids: copies of what the tables hold, no text.

-- the upcoming appointments and today's (`ids_between`, read INDEXED BY)
CREATE INDEX appointments_start_status ON appointments (start, status, id);

-- the planned home visits within the letters' horizon (`planned_home_visit_days`, INDEXED BY)
CREATE INDEX appointments_planned_visits ON appointments (start, id)
    WHERE status = 'planned' AND approach = 'home-visit';

-- the open follow-ups' status and client (`open_follow_up_ids` joins by id)
CREATE INDEX appointments_id_status_client ON appointments (id, status, client_id);

-- which of the open follow-ups were documented at the MAP (`with_map_documentation`, INDEXED BY)
CREATE INDEX conducts_map_documented ON conducts (appointment_id)
    WHERE map_documented_at IS NOT NULL;
