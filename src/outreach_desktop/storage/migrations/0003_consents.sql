-- Schema 3: consent records in full — what each kind names, how it was given, the signature
-- image and the signed form (kept inside the vault), and the history of every change.

ALTER TABLE consents ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE consents ADD COLUMN topics TEXT NOT NULL DEFAULT '';
ALTER TABLE consents ADD COLUMN others_present TEXT NOT NULL DEFAULT '[]';  -- JSON [[name, role]]
ALTER TABLE consents ADD COLUMN scope TEXT;
ALTER TABLE consents ADD COLUMN participation_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE consents ADD COLUMN main_caseworker_id TEXT REFERENCES staff (id) ON DELETE SET NULL;
ALTER TABLE consents ADD COLUMN given_how TEXT;
ALTER TABLE consents ADD COLUMN given_at TEXT;
ALTER TABLE consents ADD COLUMN oral_documented_by TEXT REFERENCES staff (id) ON DELETE SET NULL;
ALTER TABLE consents ADD COLUMN oral_witness TEXT NOT NULL DEFAULT '';
ALTER TABLE consents ADD COLUMN language TEXT NOT NULL DEFAULT 'de';
ALTER TABLE consents ADD COLUMN form_version TEXT NOT NULL DEFAULT '';
ALTER TABLE consents ADD COLUMN refused_at TEXT;
ALTER TABLE consents ADD COLUMN revoked_how TEXT NOT NULL DEFAULT '';
ALTER TABLE consents ADD COLUMN signature_png BLOB;
ALTER TABLE consents ADD COLUMN signed_pdf BLOB;
ALTER TABLE consents ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

-- Consents written before schema 3 (demo data) were signed on paper.
UPDATE consents SET given_how = 'paper' WHERE state = 'signed' AND given_how IS NULL;

CREATE TABLE consent_events (
    consent_id    TEXT NOT NULL REFERENCES consents (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    at            TEXT NOT NULL,  -- local wall-clock time
    event         TEXT NOT NULL,
    detail        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (consent_id, position)
) STRICT;
