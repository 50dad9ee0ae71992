-- Guards the database keeps whatever the code does: an addendum and a countersignature belong
-- to a finalized protocol; anonymous counselling keeps no text at all; the follow-up of a
-- finalized protocol is not deleted (it would change the protocol).

CREATE TRIGGER addenda_only_when_final BEFORE INSERT ON protocol_addenda
    WHEN (SELECT finalized_at FROM protocols WHERE id = NEW.protocol_id) IS NULL
    BEGIN SELECT RAISE(ABORT, 'protocol draft: no addenda'); END;

CREATE TRIGGER protocols_countersign_insert BEFORE INSERT ON protocols
    WHEN NEW.finalized_at IS NULL
         AND (NEW.countersigned_by IS NOT NULL OR NEW.countersigned_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'protocol draft: no countersignature'); END;

CREATE TRIGGER protocols_countersign_update BEFORE UPDATE ON protocols
    WHEN NEW.finalized_at IS NULL
         AND (NEW.countersigned_by IS NOT NULL OR NEW.countersigned_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'protocol draft: no countersignature'); END;

CREATE TRIGGER anonymous_no_text_insert BEFORE INSERT ON anonymous_counselling
    WHEN NEW.search_text <> ''
    BEGIN SELECT RAISE(ABORT, 'anonymous counselling keeps no text'); END;

CREATE TRIGGER anonymous_no_text_update BEFORE UPDATE ON anonymous_counselling
    WHEN NEW.search_text <> ''
    BEGIN SELECT RAISE(ABORT, 'anonymous counselling keeps no text'); END;

CREATE TRIGGER appointments_keep_final_follow_up BEFORE DELETE ON appointments
    WHEN EXISTS (SELECT 1 FROM protocols WHERE follow_up_id = OLD.id AND finalized_at IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'follow-up of a finalized protocol'); END;
