-- Schema 4: memory protocols with addenda, anonymous counselling without any content, personal
-- text templates, and a full-text index (FTS5) over clients, appointments and protocols that
-- lives only inside this encrypted file and is kept current by triggers.

CREATE TABLE protocols (
    id                     TEXT PRIMARY KEY,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    revision               INTEGER NOT NULL CHECK (revision > 0),
    origin_device          TEXT NOT NULL,
    approach               TEXT NOT NULL,
    met_at                 TEXT NOT NULL,
    written_at             TEXT,
    duration_min           INTEGER NOT NULL,
    appointment_id         TEXT REFERENCES appointments (id) ON DELETE RESTRICT,
    client_id              TEXT REFERENCES clients (id) ON DELETE RESTRICT,
    staff_ids              TEXT NOT NULL DEFAULT '[]',  -- JSON
    others_present         TEXT NOT NULL DEFAULT '[]',  -- JSON [[name, role, consent id]]
    place                  TEXT NOT NULL DEFAULT '',
    topics                 TEXT NOT NULL DEFAULT '',
    course                 TEXT NOT NULL DEFAULT '',
    agreements             TEXT NOT NULL DEFAULT '',
    next_steps             TEXT NOT NULL DEFAULT '',
    new_need               TEXT NOT NULL DEFAULT '',
    strategy_change        TEXT NOT NULL DEFAULT '',
    non_appearance_reasons TEXT NOT NULL DEFAULT '',
    reachability           TEXT NOT NULL DEFAULT '',
    reflection             TEXT NOT NULL DEFAULT '',
    success                TEXT NOT NULL DEFAULT 'open',
    success_notes          TEXT NOT NULL DEFAULT '',
    to_verbis              INTEGER NOT NULL DEFAULT 1,
    benefit_relevant       INTEGER NOT NULL DEFAULT 0,
    inform_network         INTEGER NOT NULL DEFAULT 0,
    to_main_caseworker     INTEGER NOT NULL DEFAULT 0,
    follow_up_id           TEXT REFERENCES appointments (id) ON DELETE SET NULL,
    finalized_at           TEXT,
    finalized_by           TEXT REFERENCES staff (id) ON DELETE SET NULL,
    countersigned_by       TEXT REFERENCES staff (id) ON DELETE SET NULL,
    countersigned_at       TEXT,
    search_text            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX protocols_appointment ON protocols (appointment_id);
CREATE INDEX protocols_client ON protocols (client_id, met_at);

-- A finalized protocol never changes (only its countersignature may be added) and is never
-- deleted: corrections are addenda.
CREATE TRIGGER protocols_final_content BEFORE UPDATE ON protocols
    WHEN OLD.finalized_at IS NOT NULL AND (NEW.approach IS NOT OLD.approach OR NEW.met_at IS NOT OLD.met_at OR NEW.written_at IS NOT OLD.written_at OR NEW.duration_min IS NOT OLD.duration_min OR NEW.appointment_id IS NOT OLD.appointment_id OR NEW.client_id IS NOT OLD.client_id OR NEW.staff_ids IS NOT OLD.staff_ids OR NEW.others_present IS NOT OLD.others_present OR NEW.place IS NOT OLD.place OR NEW.topics IS NOT OLD.topics OR NEW.course IS NOT OLD.course OR NEW.agreements IS NOT OLD.agreements OR NEW.next_steps IS NOT OLD.next_steps OR NEW.new_need IS NOT OLD.new_need OR NEW.strategy_change IS NOT OLD.strategy_change OR NEW.non_appearance_reasons IS NOT OLD.non_appearance_reasons OR NEW.reachability IS NOT OLD.reachability OR NEW.reflection IS NOT OLD.reflection OR NEW.success IS NOT OLD.success OR NEW.success_notes IS NOT OLD.success_notes OR NEW.to_verbis IS NOT OLD.to_verbis OR NEW.benefit_relevant IS NOT OLD.benefit_relevant OR NEW.inform_network IS NOT OLD.inform_network OR NEW.to_main_caseworker IS NOT OLD.to_main_caseworker OR NEW.follow_up_id IS NOT OLD.follow_up_id OR NEW.finalized_at IS NOT OLD.finalized_at OR NEW.finalized_by IS NOT OLD.finalized_by)
    BEGIN SELECT RAISE(ABORT, 'protocol finalized'); END;
CREATE TRIGGER protocols_final_countersign BEFORE UPDATE ON protocols
    WHEN OLD.countersigned_at IS NOT NULL AND (NEW.countersigned_by IS NOT OLD.countersigned_by
        OR NEW.countersigned_at IS NOT OLD.countersigned_at)
    BEGIN SELECT RAISE(ABORT, 'protocol finalized'); END;
CREATE TRIGGER protocols_final_delete BEFORE DELETE ON protocols
    WHEN OLD.finalized_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'protocol finalized'); END;

CREATE TABLE protocol_addenda (
    protocol_id TEXT NOT NULL REFERENCES protocols (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    at          TEXT NOT NULL,
    by_staff    TEXT NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (protocol_id, position)
) STRICT;
CREATE TRIGGER addenda_no_update BEFORE UPDATE ON protocol_addenda
    BEGIN SELECT RAISE(ABORT, 'protocol finalized'); END;
CREATE TRIGGER addenda_no_delete BEFORE DELETE ON protocol_addenda
    BEGIN SELECT RAISE(ABORT, 'protocol finalized'); END;

-- Anonymous counselling: there is no column for a client or for content.
CREATE TABLE anonymous_counselling (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    revision      INTEGER NOT NULL CHECK (revision > 0),
    origin_device TEXT NOT NULL,
    day           TEXT NOT NULL,
    approach      TEXT NOT NULL,
    duration_min  INTEGER NOT NULL,
    staff_ids     TEXT NOT NULL DEFAULT '[]',
    search_text   TEXT NOT NULL DEFAULT ''
) STRICT;

-- Personal text templates (the agency's come from resources/templates/).
CREATE TABLE text_templates (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    revision      INTEGER NOT NULL CHECK (revision > 0),
    origin_device TEXT NOT NULL,
    field         TEXT NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    search_text   TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_clients_insert AFTER INSERT ON clients BEGIN
    INSERT INTO search_index (kind, ref, title, body) VALUES ('client', new.id, new.display_name,
        new.customer_number || ' ' || new.address || ' ' || new.phone || ' ' || new.reachability_notes);
END;
CREATE TRIGGER search_clients_update AFTER UPDATE ON clients BEGIN
    DELETE FROM search_index WHERE kind = 'client' AND ref = old.id;
    INSERT INTO search_index (kind, ref, title, body) VALUES ('client', new.id, new.display_name,
        new.customer_number || ' ' || new.address || ' ' || new.phone || ' ' || new.reachability_notes);
END;
CREATE TRIGGER search_clients_delete AFTER DELETE ON clients BEGIN
    DELETE FROM search_index WHERE kind = 'client' AND ref = old.id;
END;

CREATE TRIGGER search_appointments_insert AFTER INSERT ON appointments BEGIN
    INSERT INTO search_index (kind, ref, title, body) VALUES ('appointment', new.id,
        new.approach || ' ' || new.start, new.place);
END;
CREATE TRIGGER search_appointments_update AFTER UPDATE ON appointments BEGIN
    DELETE FROM search_index WHERE kind = 'appointment' AND ref = old.id;
    INSERT INTO search_index (kind, ref, title, body) VALUES ('appointment', new.id,
        new.approach || ' ' || new.start, new.place);
END;
CREATE TRIGGER search_appointments_delete AFTER DELETE ON appointments BEGIN
    DELETE FROM search_index WHERE kind = 'appointment' AND ref = old.id;
END;

CREATE TRIGGER search_protocols_insert AFTER INSERT ON protocols BEGIN
    INSERT INTO search_index (kind, ref, title, body) VALUES ('protocol', new.id,
        new.topics, new.place || ' ' || new.topics || ' ' || new.course || ' ' || new.agreements || ' ' || new.next_steps || ' ' || new.new_need || ' ' || new.strategy_change || ' ' || new.non_appearance_reasons || ' ' || new.reachability || ' ' || new.reflection || ' ' || new.success_notes);
END;
CREATE TRIGGER search_protocols_update AFTER UPDATE ON protocols BEGIN
    DELETE FROM search_index WHERE kind = 'protocol' AND ref = old.id;
    INSERT INTO search_index (kind, ref, title, body) VALUES ('protocol', new.id,
        new.topics, new.place || ' ' || new.topics || ' ' || new.course || ' ' || new.agreements || ' ' || new.next_steps || ' ' || new.new_need || ' ' || new.strategy_change || ' ' || new.non_appearance_reasons || ' ' || new.reachability || ' ' || new.reflection || ' ' || new.success_notes);
END;
CREATE TRIGGER search_protocols_delete AFTER DELETE ON protocols BEGIN
    DELETE FROM search_index WHERE kind = 'protocol' AND ref = old.id;
END;

CREATE TRIGGER search_addenda_insert AFTER INSERT ON protocol_addenda BEGIN
    INSERT INTO search_index (kind, ref, title, body)
        VALUES ('addendum', new.protocol_id, 'Nachtrag', new.text);
END;

INSERT INTO search_index (kind, ref, title, body)
    SELECT 'client', id, display_name,
        customer_number || ' ' || address || ' ' || phone || ' ' || reachability_notes
    FROM clients;
INSERT INTO search_index (kind, ref, title, body)
    SELECT 'appointment', id, approach || ' ' || start, place FROM appointments;
