-- Schema 8: the exchange with the office (docs/exchange-format.md). A vault is a field vault (the
-- laptop: every vault made before, and the default while meta has no 'role') or an office vault
-- (meta 'role' = 'office'). Records imported at the office live in the same domain tables as on a
-- laptop; the tables here keep the exchange's bookkeeping: the vault's own keys, the joined agency,
-- what was exported and acknowledged, trusted devices, the office's inbox with its transfer marks,
-- conflicts, and two append-only logs without personal data. Record kinds are the names of the
-- domain tables (and of the bundle members, records/<kind>.json).

-- ---- role --------------------------------------------------------------------------------------
CREATE VIEW vault_role AS
    SELECT coalesce((SELECT value FROM meta WHERE key = 'role'), 'field') AS role;

-- ---- the vault's own keys ----------------------------------------------------------------------
-- 'device': every vault (made at creation; older vaults: by the services at the first unlock
-- after this migration). 'agency': only an office vault. Made once, never changed or removed.
CREATE TABLE identities (
    holder        TEXT PRIMARY KEY CHECK (holder IN ('device', 'agency')),
    age_identity  TEXT NOT NULL CHECK (age_identity GLOB 'AGE-SECRET-KEY-1*'),
    age_recipient TEXT NOT NULL CHECK (age_recipient GLOB 'age1*'),
    sign_private  BLOB NOT NULL CHECK (length(sign_private) = 32),  -- Ed25519 seed
    sign_public   BLOB NOT NULL CHECK (length(sign_public) = 32),
    created_at    TEXT NOT NULL
) STRICT;
CREATE TRIGGER identities_agency_only_office BEFORE INSERT ON identities
    WHEN NEW.holder = 'agency' AND (SELECT role FROM vault_role) <> 'office'
    BEGIN SELECT RAISE(ABORT, 'agency identity only in an office vault'); END;
CREATE TRIGGER identities_no_update BEFORE UPDATE ON identities
    BEGIN SELECT RAISE(ABORT, 'identity kept'); END;
CREATE TRIGGER identities_no_delete BEFORE DELETE ON identities
    BEGIN SELECT RAISE(ABORT, 'identity kept'); END;

-- ---- field vault: the joined agency ------------------------------------------------------------
CREATE TABLE agency (
    singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
    name           TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,
    age_recipient  TEXT NOT NULL CHECK (age_recipient GLOB 'age1*'),
    sign_public    BLOB NOT NULL CHECK (length(sign_public) = 32),
    rules          TEXT NOT NULL DEFAULT '{}'
        CHECK (json_valid(rules) AND json_type(rules) = 'object'),  -- the setup file's settings
    retention_days INTEGER NOT NULL CHECK (retention_days >= 0),
    joined_at      TEXT NOT NULL,
    setup_file     BLOB NOT NULL  -- the signed setup file as joined
) STRICT;
CREATE TRIGGER agency_only_field BEFORE INSERT ON agency
    WHEN (SELECT role FROM vault_role) <> 'field'
    BEGIN SELECT RAISE(ABORT, 'agency joins only a field vault'); END;
-- a new setup file may change the name, rules and retention, never the agency's keys
CREATE TRIGGER agency_keys_fixed BEFORE UPDATE ON agency
    WHEN NEW.fingerprint IS NOT OLD.fingerprint OR NEW.age_recipient IS NOT OLD.age_recipient
         OR NEW.sign_public IS NOT OLD.sign_public
    BEGIN SELECT RAISE(ABORT, 'agency keys fixed'); END;

-- ---- field vault: what went to the office and what its receipts said ---------------------------
-- One row per record: the revision and content hash last exported, and the receipt that
-- acknowledged exactly that revision (cleared when another revision goes out).
CREATE TABLE exported (
    record_kind       TEXT NOT NULL CHECK (record_kind IN ('clients', 'staff', 'third_parties',
                          'appointments', 'protocols', 'consents', 'anonymous_counselling')),
    record_id         TEXT NOT NULL,
    revision          INTEGER NOT NULL CHECK (revision > 0),
    content_hash      TEXT NOT NULL,
    bundle_id         TEXT NOT NULL,
    exported_at       TEXT NOT NULL,
    receipt_bundle_id TEXT,
    state             TEXT CHECK (state IN ('entered', 'rejected')),
    reason            TEXT NOT NULL DEFAULT '',
    acknowledged_at   TEXT,
    purged_at         TEXT,
    PRIMARY KEY (record_kind, record_id),
    CHECK ((state IS NULL) = (receipt_bundle_id IS NULL)
           AND (state IS NULL) = (acknowledged_at IS NULL)),
    CHECK (purged_at IS NULL OR state = 'entered')
) STRICT;
CREATE INDEX exported_acknowledged ON exported (state, acknowledged_at);
CREATE TRIGGER exported_only_field BEFORE INSERT ON exported
    WHEN (SELECT role FROM vault_role) <> 'field'
    BEGIN SELECT RAISE(ABORT, 'records are exported only from a field vault'); END;
CREATE TRIGGER exported_purged_kept BEFORE UPDATE ON exported WHEN OLD.purged_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'record purged'); END;

-- ---- both roles: sequences of the bundles a vault writes, and the bundles it took --------------
-- peer: '' for exports (one sequence per device); the device id a receipt is written for.
CREATE TABLE bundle_sequences (
    bundle_kind   TEXT NOT NULL CHECK (bundle_kind IN ('export', 'receipt', 'package')),
    peer          TEXT NOT NULL DEFAULT '',
    last_sequence INTEGER NOT NULL CHECK (last_sequence >= 1),
    PRIMARY KEY (bundle_kind, peer)
) STRICT;
CREATE TRIGGER bundle_sequences_grow BEFORE UPDATE ON bundle_sequences
    WHEN NEW.last_sequence <= OLD.last_sequence OR NEW.bundle_kind IS NOT OLD.bundle_kind
         OR NEW.peer IS NOT OLD.peer
    BEGIN SELECT RAISE(ABORT, 'sequence only grows'); END;
CREATE TRIGGER bundle_sequences_no_delete BEFORE DELETE ON bundle_sequences
    BEGIN SELECT RAISE(ABORT, 'sequence only grows'); END;

-- ---- office vault: trusted devices -------------------------------------------------------------
CREATE TABLE devices (
    device_id      TEXT PRIMARY KEY,
    fingerprint    TEXT NOT NULL UNIQUE,
    age_recipient  TEXT NOT NULL CHECK (age_recipient GLOB 'age1*'),
    sign_public    BLOB NOT NULL CHECK (length(sign_public) = 32),
    trusted_by     TEXT NOT NULL,  -- staff id or name of the person who compared the fingerprint
    trusted_at     TEXT NOT NULL,
    last_sequence  INTEGER NOT NULL DEFAULT 0,  -- kept by the trigger on imported_bundles
    last_bundle_id TEXT
) STRICT;
CREATE TRIGGER devices_only_office BEFORE INSERT ON devices
    WHEN (SELECT role FROM vault_role) <> 'office'
    BEGIN SELECT RAISE(ABORT, 'devices are trusted only by an office vault'); END;
CREATE TRIGGER devices_keys_fixed BEFORE UPDATE ON devices
    WHEN NEW.device_id IS NOT OLD.device_id OR NEW.fingerprint IS NOT OLD.fingerprint
         OR NEW.age_recipient IS NOT OLD.age_recipient OR NEW.sign_public IS NOT OLD.sign_public
    BEGIN SELECT RAISE(ABORT, 'device keys fixed'); END;

-- sender: the device id (exports) or the agency's fingerprint (receipts, packages). A bundle is
-- taken once, and only with a sequence above every one taken from its sender before.
CREATE TABLE imported_bundles (
    bundle_id   TEXT PRIMARY KEY,
    bundle_kind TEXT NOT NULL CHECK (bundle_kind IN ('export', 'receipt', 'package')),
    sender      TEXT NOT NULL,
    sequence    INTEGER NOT NULL CHECK (sequence >= 1),
    imported_at TEXT NOT NULL,
    counts      TEXT NOT NULL DEFAULT '{}',
    UNIQUE (sender, bundle_kind, sequence)
) STRICT;
CREATE TRIGGER imported_bundles_check BEFORE INSERT ON imported_bundles BEGIN
    SELECT RAISE(ABORT, 'counts are integers')
     WHERE CASE WHEN json_valid(NEW.counts) AND json_type(NEW.counts) = 'object'
                THEN EXISTS (SELECT 1 FROM json_each(NEW.counts)
                              WHERE type <> 'integer' OR value < 0)
                ELSE 1 END;
    SELECT RAISE(ABORT, 'bundle replayed')
     WHERE NEW.sequence <= (SELECT max(sequence) FROM imported_bundles
                             WHERE sender = NEW.sender AND bundle_kind = NEW.bundle_kind);
    SELECT RAISE(ABORT, 'unknown device')
     WHERE NEW.bundle_kind = 'export'
       AND NOT EXISTS (SELECT 1 FROM devices WHERE device_id = NEW.sender);
END;
CREATE TRIGGER imported_bundles_device AFTER INSERT ON imported_bundles
    WHEN NEW.bundle_kind = 'export' BEGIN
    UPDATE devices SET last_sequence = NEW.sequence, last_bundle_id = NEW.bundle_id
     WHERE device_id = NEW.sender;
END;
CREATE TRIGGER imported_bundles_no_update BEFORE UPDATE ON imported_bundles
    BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER imported_bundles_no_delete BEFORE DELETE ON imported_bundles
    BEGIN SELECT RAISE(ABORT, 'append-only'); END;

-- ---- office vault: records awaiting entry into VerBIS / the e-Akte -----------------------------
-- One row per imported record at its current revision; a person may reject that revision (with a
-- reason); receipted_* says which revision the last receipt to its device named.
CREATE TABLE inbox (
    record_kind        TEXT NOT NULL CHECK (record_kind IN ('clients', 'staff', 'third_parties',
                           'appointments', 'protocols', 'consents', 'anonymous_counselling')),
    record_id          TEXT NOT NULL,
    device_id          TEXT NOT NULL REFERENCES devices (device_id) ON DELETE RESTRICT,
    revision           INTEGER NOT NULL CHECK (revision > 0),
    content_hash       TEXT NOT NULL,
    bundle_id          TEXT NOT NULL REFERENCES imported_bundles (bundle_id) ON DELETE RESTRICT,
    imported_at        TEXT NOT NULL,
    rejected_reason    TEXT,
    rejected_by        TEXT,
    rejected_at        TEXT,
    receipted_revision INTEGER,
    receipt_bundle_id  TEXT,
    receipted_at       TEXT,
    PRIMARY KEY (record_kind, record_id),
    CHECK ((rejected_at IS NULL) = (rejected_by IS NULL)
           AND (rejected_at IS NULL) = (rejected_reason IS NULL)),
    CHECK ((receipted_at IS NULL) = (receipt_bundle_id IS NULL)
           AND (receipted_at IS NULL) = (receipted_revision IS NULL))
) STRICT;
CREATE INDEX inbox_device ON inbox (device_id, record_kind);
CREATE TRIGGER inbox_no_older_revision BEFORE UPDATE ON inbox
    WHEN NEW.revision < OLD.revision OR NEW.device_id IS NOT OLD.device_id
    BEGIN SELECT RAISE(ABORT, 'inbox keeps the newest revision of its device'); END;

-- A mark is set once, for the revision the inbox holds, and never changed or removed.
CREATE TABLE transfer_marks (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    mark        TEXT NOT NULL CHECK (mark IN ('verbis', 'eakte', 'benefits')),
    marked_by   TEXT NOT NULL,  -- staff id or name
    marked_at   TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id, revision, mark),
    FOREIGN KEY (record_kind, record_id) REFERENCES inbox (record_kind, record_id)
        ON DELETE RESTRICT
) STRICT;
CREATE TRIGGER transfer_marks_current_revision BEFORE INSERT ON transfer_marks
    WHEN NEW.revision IS NOT (SELECT revision FROM inbox
                               WHERE record_kind = NEW.record_kind AND record_id = NEW.record_id)
    BEGIN SELECT RAISE(ABORT, 'mark for another revision'); END;
CREATE TRIGGER transfer_marks_no_update BEFORE UPDATE ON transfer_marks
    BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER transfer_marks_no_delete BEFORE DELETE ON transfer_marks
    BEGIN SELECT RAISE(ABORT, 'append-only'); END;

-- ---- both roles: versions kept side by side for a person to decide -----------------------------
-- fields: the other version's fields (JSON, as in the bundle). Only the resolution is ever set,
-- once. sender: the device id (or the agency's fingerprint) the other version came from.
CREATE TABLE conflicts (
    id           INTEGER PRIMARY KEY,
    record_kind  TEXT NOT NULL CHECK (record_kind IN ('clients', 'staff', 'third_parties',
                     'appointments', 'protocols', 'consents', 'anonymous_counselling')),
    record_id    TEXT NOT NULL,
    sender       TEXT NOT NULL,
    revision     INTEGER NOT NULL CHECK (revision > 0),
    content_hash TEXT NOT NULL,
    fields       TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'object'),
    bundle_id    TEXT NOT NULL,
    found_at     TEXT NOT NULL,
    resolved_at  TEXT,
    resolved_by  TEXT,
    resolution   TEXT CHECK (resolution IN ('kept', 'replaced', 'merged')),
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)
           AND (resolved_at IS NULL) = (resolution IS NULL))
) STRICT;
CREATE UNIQUE INDEX conflicts_open ON conflicts (record_kind, record_id, content_hash)
    WHERE resolved_at IS NULL;
CREATE TRIGGER conflicts_only_resolution BEFORE UPDATE ON conflicts
    WHEN OLD.resolved_at IS NOT NULL OR NEW.id IS NOT OLD.id
         OR NEW.record_kind IS NOT OLD.record_kind OR NEW.record_id IS NOT OLD.record_id
         OR NEW.sender IS NOT OLD.sender OR NEW.revision IS NOT OLD.revision
         OR NEW.content_hash IS NOT OLD.content_hash OR NEW.fields IS NOT OLD.fields
         OR NEW.bundle_id IS NOT OLD.bundle_id OR NEW.found_at IS NOT OLD.found_at
    BEGIN SELECT RAISE(ABORT, 'conflict resolved once'); END;

-- ---- both roles: logs without personal data, append-only ---------------------------------------
CREATE TABLE sync_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL
        CHECK (action IN ('export', 'import', 'receipt', 'purge', 'join', 'trust')),
    bundle_id TEXT,
    counts    TEXT NOT NULL DEFAULT '{}',
    result    TEXT NOT NULL CHECK (result IN ('ok', 'refused', 'already', 'failed')),
    detail    TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 300)  -- German, ids only
) STRICT;
CREATE TRIGGER sync_log_counts BEFORE INSERT ON sync_log BEGIN
    SELECT RAISE(ABORT, 'counts are integers')
     WHERE CASE WHEN json_valid(NEW.counts) AND json_type(NEW.counts) = 'object'
                THEN EXISTS (SELECT 1 FROM json_each(NEW.counts)
                              WHERE type <> 'integer' OR value < 0)
                ELSE 1 END;
END;
CREATE TRIGGER sync_log_no_update BEFORE UPDATE ON sync_log
    BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER sync_log_no_delete BEFORE DELETE ON sync_log
    BEGIN SELECT RAISE(ABORT, 'append-only'); END;

CREATE TABLE deletion_log (
    id                INTEGER PRIMARY KEY,
    at                TEXT NOT NULL,
    record_kind       TEXT NOT NULL CHECK (record_kind IN ('clients', 'staff', 'third_parties',
                          'appointments', 'protocols', 'consents', 'anonymous_counselling')),
    count             INTEGER NOT NULL CHECK (count > 0),
    receipt_bundle_id TEXT NOT NULL
) STRICT;
CREATE TRIGGER deletion_log_no_update BEFORE UPDATE ON deletion_log
    BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER deletion_log_no_delete BEFORE DELETE ON deletion_log
    BEGIN SELECT RAISE(ABORT, 'append-only'); END;

-- ---- role, continued ---------------------------------------------------------------------------
-- The role is fixed once the vault takes part in an exchange (a joined agency, an agency identity,
-- an exported record or a trusted device): an office vault never turns into a laptop that purges.
CREATE VIEW exchange_started AS
    SELECT EXISTS (SELECT 1 FROM identities WHERE holder = 'agency')
        OR EXISTS (SELECT 1 FROM agency)
        OR EXISTS (SELECT 1 FROM exported)
        OR EXISTS (SELECT 1 FROM devices) AS started;

CREATE TRIGGER meta_role_insert BEFORE INSERT ON meta WHEN NEW.key = 'role' BEGIN
    SELECT RAISE(ABORT, 'vault role unknown') WHERE NEW.value NOT IN ('field', 'office');
    SELECT RAISE(ABORT, 'vault role fixed')
     WHERE NEW.value IS NOT (SELECT role FROM vault_role) AND (SELECT started FROM exchange_started);
END;
CREATE TRIGGER meta_role_update BEFORE UPDATE ON meta
    WHEN 'role' IN (OLD.key, NEW.key) AND (NEW.key IS NOT OLD.key OR NEW.value IS NOT OLD.value)
BEGIN
    SELECT RAISE(ABORT, 'vault role unknown')
     WHERE NEW.key = 'role' AND NEW.value NOT IN ('field', 'office');
    SELECT RAISE(ABORT, 'vault role fixed') WHERE (SELECT started FROM exchange_started);
END;
CREATE TRIGGER meta_role_delete BEFORE DELETE ON meta
    WHEN OLD.key = 'role' AND OLD.value <> 'field' AND (SELECT started FROM exchange_started)
    BEGIN SELECT RAISE(ABORT, 'vault role fixed'); END;

-- ---- the purge: the one way finalized protocols, their addenda and given consents go -----------
-- The database allows it only for a record a receipt acknowledged as entered at the very revision
-- stored here: one changed after it was sent, or one no receipt names, stays.
DROP TRIGGER protocols_final_delete;
CREATE TRIGGER protocols_final_delete BEFORE DELETE ON protocols
    WHEN OLD.finalized_at IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM exported
         WHERE record_kind = 'protocols' AND record_id = OLD.id
           AND revision = OLD.revision AND state = 'entered')
    BEGIN SELECT RAISE(ABORT, 'protocol finalized'); END;

DROP TRIGGER addenda_no_delete;
CREATE TRIGGER addenda_no_delete BEFORE DELETE ON protocol_addenda
    WHEN NOT EXISTS (
        SELECT 1 FROM protocols p JOIN exported e
            ON e.record_kind = 'protocols' AND e.record_id = p.id
           AND e.revision = p.revision AND e.state = 'entered'
         WHERE p.id = OLD.protocol_id)
    BEGIN SELECT RAISE(ABORT, 'protocol finalized'); END;

-- a consent given, refused or revoked (or carrying a signature) is evidence: kept until acknowledged
CREATE TRIGGER consents_kept BEFORE DELETE ON consents
    WHEN (OLD.state NOT IN ('prepared', 'printed') OR OLD.signature_png IS NOT NULL
          OR OLD.signed_pdf IS NOT NULL)
     AND NOT EXISTS (
        SELECT 1 FROM exported
         WHERE record_kind = 'consents' AND record_id = OLD.id
           AND revision = OLD.revision AND state = 'entered')
    BEGIN SELECT RAISE(ABORT, 'consent kept'); END;
CREATE TRIGGER consent_events_kept BEFORE DELETE ON consent_events
    WHEN EXISTS (
        SELECT 1 FROM consents c
         WHERE c.id = OLD.consent_id
           AND (c.state NOT IN ('prepared', 'printed') OR c.signature_png IS NOT NULL
                OR c.signed_pdf IS NOT NULL)
           AND NOT EXISTS (
               SELECT 1 FROM exported e
                WHERE e.record_kind = 'consents' AND e.record_id = c.id
                  AND e.revision = c.revision AND e.state = 'entered'))
    BEGIN SELECT RAISE(ABORT, 'consent kept'); END;

-- the full-text index loses an addendum with it (schema 4 indexed addenda but never removed them),
-- and deletes there remove the entries at once instead of leaving them behind until a merge
CREATE TRIGGER search_addenda_delete AFTER DELETE ON protocol_addenda BEGIN
    DELETE FROM search_index WHERE rowid = (
        SELECT rowid FROM search_index
         WHERE kind = 'addendum' AND ref = old.protocol_id AND body = old.text LIMIT 1);
END;
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
