-- Schema 11: talks with a third party about the client in the client's absence, each under a
-- release from confidentiality (Schweigepflichtentbindung) that names that third party. The
-- least that documents such a talk: when, with whom, under which release, an optional short
-- note. Kept, never rewritten; they go with their release when it is purged.

CREATE TABLE third_party_talks (
    id             TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    third_party_id TEXT NOT NULL REFERENCES third_parties (id) ON DELETE RESTRICT,
    release_id     TEXT NOT NULL REFERENCES consents (id) ON DELETE CASCADE,
    appointment_id TEXT REFERENCES appointments (id) ON DELETE SET NULL,
    talked_at      TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at     TEXT NOT NULL,
    origin_device  TEXT NOT NULL
) STRICT;
CREATE INDEX third_party_talks_client ON third_party_talks (client_id, talked_at);
CREATE INDEX third_party_talks_release ON third_party_talks (release_id);

CREATE TRIGGER third_party_talks_kept BEFORE UPDATE ON third_party_talks
    BEGIN SELECT RAISE(ABORT, 'third-party talk kept'); END;

-- the domain checks the release's validity; the database at least that it is one, of this
-- client, naming this third party
CREATE TRIGGER third_party_talks_under_release BEFORE INSERT ON third_party_talks
    WHEN NOT EXISTS (SELECT 1 FROM consents
                      WHERE id = NEW.release_id AND kind = 'confidentiality-release'
                        AND client_id = NEW.client_id AND third_party_id = NEW.third_party_id)
    BEGIN SELECT RAISE(ABORT, 'no release for this talk'); END;
