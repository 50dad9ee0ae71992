-- Fast on years of data. The full-text index is keyed for deletion: `search_keys` maps each
-- entry (kind, record id) to its rowid in `search_index`, so the triggers change an entry by
-- rowid instead of scanning the whole index (FTS5 cannot index the UNINDEXED kind and ref it
-- filtered on). The index is rebuilt from the records, with the same kinds, titles and bodies.
-- And the relocations of an appointment (`followers`) are found by an index.

CREATE INDEX appointments_relocated_from ON appointments (relocated_from_id);

DROP TRIGGER search_clients_insert;
DROP TRIGGER search_clients_update;
DROP TRIGGER search_clients_delete;
DROP TRIGGER search_appointments_insert;
DROP TRIGGER search_appointments_update;
DROP TRIGGER search_appointments_delete;
DROP TRIGGER search_protocols_insert;
DROP TRIGGER search_protocols_update;
DROP TRIGGER search_protocols_delete;
DROP TRIGGER search_addenda_insert;
DROP TRIGGER search_addenda_delete;
DROP TRIGGER search_client_protocols_rename;
DROP TRIGGER search_client_appointments_rename;
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

-- one row per index entry, its id the entry's rowid (an addendum: several per protocol)
CREATE TABLE search_keys (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref  TEXT NOT NULL
) STRICT;
CREATE INDEX search_keys_ref ON search_keys (kind, ref);

-- each insert trigger adds the key first and gives its id to the entry as rowid
CREATE TRIGGER search_clients_insert AFTER INSERT ON clients BEGIN
    INSERT INTO search_keys (kind, ref) VALUES ('client', new.id);
    INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (last_insert_rowid(),
        'client', new.id, new.display_name,
        new.customer_number || ' ' || new.address || ' ' || new.phone || ' ' || new.reachability_notes);
END;
CREATE TRIGGER search_clients_update AFTER UPDATE ON clients BEGIN
    UPDATE search_index SET title = new.display_name,
        body = new.customer_number || ' ' || new.address || ' ' || new.phone || ' ' || new.reachability_notes
     WHERE rowid IN (SELECT id FROM search_keys WHERE kind = 'client' AND ref = old.id);
END;
CREATE TRIGGER search_clients_delete AFTER DELETE ON clients BEGIN
    DELETE FROM search_index
     WHERE rowid IN (SELECT id FROM search_keys WHERE kind = 'client' AND ref = old.id);
    DELETE FROM search_keys WHERE kind = 'client' AND ref = old.id;
END;

CREATE TRIGGER search_appointments_insert AFTER INSERT ON appointments BEGIN
    INSERT INTO search_keys (kind, ref) VALUES ('appointment', new.id);
    INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (last_insert_rowid(),
        'appointment', new.id,
        coalesce((SELECT display_name FROM clients WHERE id = new.client_id), ''), new.place);
END;
CREATE TRIGGER search_appointments_update AFTER UPDATE ON appointments BEGIN
    UPDATE search_index
       SET title = coalesce((SELECT display_name FROM clients WHERE id = new.client_id), ''),
           body = new.place
     WHERE rowid IN (SELECT id FROM search_keys WHERE kind = 'appointment' AND ref = old.id);
END;
CREATE TRIGGER search_appointments_delete AFTER DELETE ON appointments BEGIN
    DELETE FROM search_index
     WHERE rowid IN (SELECT id FROM search_keys WHERE kind = 'appointment' AND ref = old.id);
    DELETE FROM search_keys WHERE kind = 'appointment' AND ref = old.id;
END;

CREATE TRIGGER search_protocols_insert AFTER INSERT ON protocols BEGIN
    INSERT INTO search_keys (kind, ref) VALUES ('protocol', new.id);
    INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (last_insert_rowid(),
        'protocol', new.id,
        concat_ws(' · ', (SELECT display_name FROM clients WHERE id = new.client_id),
                  nullif(new.topics, '')),
        concat_ws(' · ', nullif(new.place, ''), nullif(new.course, ''),
                  nullif(new.agreements, ''), nullif(new.next_steps, ''),
                  nullif(new.new_need, ''), nullif(new.strategy_change, ''),
                  nullif(new.non_appearance_reasons, ''), nullif(new.reachability, ''),
                  nullif(new.reflection, ''), nullif(new.success_notes, '')));
END;
CREATE TRIGGER search_protocols_update AFTER UPDATE ON protocols BEGIN
    UPDATE search_index
       SET title = concat_ws(' · ', (SELECT display_name FROM clients WHERE id = new.client_id),
                             nullif(new.topics, '')),
           body = concat_ws(' · ', nullif(new.place, ''), nullif(new.course, ''),
                            nullif(new.agreements, ''), nullif(new.next_steps, ''),
                            nullif(new.new_need, ''), nullif(new.strategy_change, ''),
                            nullif(new.non_appearance_reasons, ''), nullif(new.reachability, ''),
                            nullif(new.reflection, ''), nullif(new.success_notes, ''))
     WHERE rowid IN (SELECT id FROM search_keys WHERE kind = 'protocol' AND ref = old.id);
END;
CREATE TRIGGER search_protocols_delete AFTER DELETE ON protocols BEGIN
    DELETE FROM search_index
     WHERE rowid IN (SELECT id FROM search_keys WHERE kind = 'protocol' AND ref = old.id);
    DELETE FROM search_keys WHERE kind = 'protocol' AND ref = old.id;
END;

CREATE TRIGGER search_addenda_insert AFTER INSERT ON protocol_addenda BEGIN
    INSERT INTO search_keys (kind, ref) VALUES ('addendum', new.protocol_id);
    INSERT INTO search_index (rowid, kind, ref, title, body)
        VALUES (last_insert_rowid(), 'addendum', new.protocol_id, 'Nachtrag', new.text);
END;
-- the one entry of this text goes (several addenda of a protocol may read the same), then its key
CREATE TRIGGER search_addenda_delete AFTER DELETE ON protocol_addenda BEGIN
    DELETE FROM search_index WHERE rowid = (
        SELECT k.id FROM search_keys k JOIN search_index s ON s.rowid = k.id
         WHERE k.kind = 'addendum' AND k.ref = old.protocol_id AND s.body = old.text LIMIT 1);
    DELETE FROM search_keys
     WHERE kind = 'addendum' AND ref = old.protocol_id
       AND NOT EXISTS (SELECT 1 FROM search_index s WHERE s.rowid = search_keys.id);
END;

-- a renamed client is found under the new name in their protocols and appointments as well
CREATE TRIGGER search_client_protocols_rename AFTER UPDATE OF display_name ON clients
    WHEN new.display_name IS NOT old.display_name BEGIN
    UPDATE search_index
       SET title = concat_ws(' · ', new.display_name,
                             nullif((SELECT topics FROM protocols WHERE id = search_index.ref), ''))
     WHERE rowid IN (SELECT k.id FROM protocols p
                       JOIN search_keys k ON k.kind = 'protocol' AND k.ref = p.id
                      WHERE p.client_id = new.id);
END;
CREATE TRIGGER search_client_appointments_rename AFTER UPDATE OF display_name ON clients
    WHEN new.display_name IS NOT old.display_name BEGIN
    UPDATE search_index SET title = new.display_name
     WHERE rowid IN (SELECT k.id FROM appointments a
                       JOIN search_keys k ON k.kind = 'appointment' AND k.ref = a.id
                      WHERE a.client_id = new.id);
END;

-- the index rebuilt from the records (as migrations 4, 5 and 7 wrote it), then keyed
INSERT INTO search_index (kind, ref, title, body)
    SELECT 'client', id, display_name,
        customer_number || ' ' || address || ' ' || phone || ' ' || reachability_notes
    FROM clients;
INSERT INTO search_index (kind, ref, title, body)
    SELECT 'appointment', a.id, coalesce(c.display_name, ''), a.place
    FROM appointments a LEFT JOIN clients c ON c.id = a.client_id;
INSERT INTO search_index (kind, ref, title, body)
    SELECT 'protocol', p.id,
        concat_ws(' · ', c.display_name, nullif(p.topics, '')),
        concat_ws(' · ', nullif(p.place, ''), nullif(p.course, ''),
                  nullif(p.agreements, ''), nullif(p.next_steps, ''),
                  nullif(p.new_need, ''), nullif(p.strategy_change, ''),
                  nullif(p.non_appearance_reasons, ''), nullif(p.reachability, ''),
                  nullif(p.reflection, ''), nullif(p.success_notes, ''))
    FROM protocols p LEFT JOIN clients c ON c.id = p.client_id;
INSERT INTO search_index (kind, ref, title, body)
    SELECT 'addendum', protocol_id, 'Nachtrag', text FROM protocol_addenda
    ORDER BY protocol_id, position;
INSERT INTO search_keys (id, kind, ref) SELECT rowid, kind, ref FROM search_index;

-- The Protokolle list in its order (drafts first, then the newest meeting first) straight from
-- an index, a page at a time, instead of reading and sorting every protocol.
CREATE INDEX protocols_listing ON protocols ((finalized_at IS NOT NULL), met_at DESC);
