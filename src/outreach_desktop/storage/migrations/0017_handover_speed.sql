-- What waits to go to the office, counted without reading every record (the Übergabe page and
-- Heute count it on every visit; a vault may hold 100,000 appointments and 50,000 protocols,
-- all waiting before the first handover). storage/outbox_repo.py counts the records with a
-- reason of their own that never went by these partial indexes (exactly the rows of the reason,
-- with the columns the count reads), instead of scanning the tables with their text; the
-- records that went before are found from the export bookkeeping. The index WHERE clauses are
-- the reasons of outbox_repo.REASON (the appointments' open statuses are AppointmentStatus
-- without an outcome): the queries name these indexes, so a reason that drifts fails loudly.

CREATE INDEX appointments_outbox ON appointments (updated_at, id)
    WHERE status NOT IN ('planned', 'in-progress');
CREATE INDEX protocols_outbox ON protocols (updated_at, id) WHERE finalized_at IS NOT NULL;
-- an appointment waits only once no draft protocol waits for it: the drafts by appointment
CREATE INDEX protocols_drafts ON protocols (appointment_id) WHERE finalized_at IS NULL;
