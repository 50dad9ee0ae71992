-- Protocols are found by their client's name too ("Meyer Briefkasten"), and their indexed text
-- keeps the fields apart (" · ") so a snippet does not run one field into the next.

DROP TRIGGER search_protocols_insert;
DROP TRIGGER search_protocols_update;

CREATE TRIGGER search_protocols_insert AFTER INSERT ON protocols BEGIN
    INSERT INTO search_index (kind, ref, title, body) VALUES ('protocol', new.id,
        concat_ws(' · ', (SELECT display_name FROM clients WHERE id = new.client_id),
                  nullif(new.topics, '')),
        concat_ws(' · ', nullif(new.place, ''), nullif(new.course, ''),
                  nullif(new.agreements, ''), nullif(new.next_steps, ''),
                  nullif(new.new_need, ''), nullif(new.strategy_change, ''),
                  nullif(new.non_appearance_reasons, ''), nullif(new.reachability, ''),
                  nullif(new.reflection, ''), nullif(new.success_notes, '')));
END;

CREATE TRIGGER search_protocols_update AFTER UPDATE ON protocols BEGIN
    DELETE FROM search_index WHERE kind = 'protocol' AND ref = old.id;
    INSERT INTO search_index (kind, ref, title, body) VALUES ('protocol', new.id,
        concat_ws(' · ', (SELECT display_name FROM clients WHERE id = new.client_id),
                  nullif(new.topics, '')),
        concat_ws(' · ', nullif(new.place, ''), nullif(new.course, ''),
                  nullif(new.agreements, ''), nullif(new.next_steps, ''),
                  nullif(new.new_need, ''), nullif(new.strategy_change, ''),
                  nullif(new.non_appearance_reasons, ''), nullif(new.reachability, ''),
                  nullif(new.reflection, ''), nullif(new.success_notes, '')));
END;

-- a renamed client is found under the new name in their protocols as well
CREATE TRIGGER search_client_protocols_rename AFTER UPDATE OF display_name ON clients BEGIN
    UPDATE search_index
       SET title = concat_ws(' · ', new.display_name,
                             nullif((SELECT topics FROM protocols WHERE id = search_index.ref), ''))
     WHERE kind = 'protocol'
       AND ref IN (SELECT id FROM protocols WHERE client_id = new.id);
END;

DELETE FROM search_index WHERE kind = 'protocol';
INSERT INTO search_index (kind, ref, title, body)
    SELECT 'protocol', p.id,
        concat_ws(' · ', c.display_name, nullif(p.topics, '')),
        concat_ws(' · ', nullif(p.place, ''), nullif(p.course, ''),
                  nullif(p.agreements, ''), nullif(p.next_steps, ''),
                  nullif(p.new_need, ''), nullif(p.strategy_change, ''),
                  nullif(p.non_appearance_reasons, ''), nullif(p.reachability, ''),
                  nullif(p.reflection, ''), nullif(p.success_notes, ''))
    FROM protocols p LEFT JOIN clients c ON c.id = p.client_id;
