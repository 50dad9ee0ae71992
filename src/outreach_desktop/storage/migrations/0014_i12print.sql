-- Schema 11: a PDF of a letter or a memory protocol saved outside the vault, noted as consent
-- forms note theirs in their history ("pdf-saved"): what (kind, wording) and when, no path and
-- no content. Notes are appended, never rewritten; they go with their appointment or protocol.

CREATE TABLE saved_pdfs (
    id             TEXT PRIMARY KEY,
    appointment_id TEXT REFERENCES appointments (id) ON DELETE CASCADE,
    protocol_id    TEXT REFERENCES protocols (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    form_version   TEXT NOT NULL DEFAULT '',
    saved_at       TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    origin_device  TEXT NOT NULL,
    CHECK ((appointment_id IS NULL) <> (protocol_id IS NULL))
) STRICT;
CREATE INDEX saved_pdfs_appointment ON saved_pdfs (appointment_id, saved_at);
CREATE INDEX saved_pdfs_protocol ON saved_pdfs (protocol_id, saved_at);

CREATE TRIGGER saved_pdfs_kept BEFORE UPDATE ON saved_pdfs
    BEGIN SELECT RAISE(ABORT, 'saved pdf note kept'); END;
