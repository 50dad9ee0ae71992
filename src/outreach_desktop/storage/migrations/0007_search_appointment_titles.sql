-- Appointments are found by their client's name too ("Müller Bahnhof"), like protocols.

DROP TRIGGER search_appointments_insert;
DROP TRIGGER search_appointments_update;

CREATE TRIGGER search_appointments_insert AFTER INSERT ON appointments BEGIN
    INSERT INTO search_index (kind, ref, title, body) VALUES ('appointment', new.id,
        coalesce((SELECT display_name FROM clients WHERE id = new.client_id), ''), new.place);
END;

CREATE TRIGGER search_appointments_update AFTER UPDATE ON appointments BEGIN
    DELETE FROM search_index WHERE kind = 'appointment' AND ref = old.id;
    INSERT INTO search_index (kind, ref, title, body) VALUES ('appointment', new.id,
        coalesce((SELECT display_name FROM clients WHERE id = new.client_id), ''), new.place);
END;

CREATE TRIGGER search_client_appointments_rename AFTER UPDATE OF display_name ON clients BEGIN
    UPDATE search_index SET title = new.display_name
     WHERE kind = 'appointment'
       AND ref IN (SELECT id FROM appointments WHERE client_id = new.id);
END;

DELETE FROM search_index WHERE kind = 'appointment';
INSERT INTO search_index (kind, ref, title, body)
    SELECT 'appointment', a.id, coalesce(c.display_name, ''), a.place
    FROM appointments a LEFT JOIN clients c ON c.id = a.client_id;
