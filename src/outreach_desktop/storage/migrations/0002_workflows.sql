-- Schema 2: approach workflows. Checklist answers, the home-visit timeline (call attempts,
-- letters), the conduct record, consents as far as the workflow rules ask about them, and links
-- between appointments (follow-up, new appointment at another place).

ALTER TABLE appointments ADD COLUMN first_meeting INTEGER NOT NULL DEFAULT 0
    CHECK (first_meeting IN (0, 1));
ALTER TABLE appointments ADD COLUMN spontaneous INTEGER NOT NULL DEFAULT 0
    CHECK (spontaneous IN (0, 1));
ALTER TABLE appointments ADD COLUMN predecessor_id TEXT
    REFERENCES appointments (id) ON DELETE SET NULL;
ALTER TABLE appointments ADD COLUMN relocated_from_id TEXT
    REFERENCES appointments (id) ON DELETE SET NULL;
CREATE INDEX appointments_predecessor ON appointments (predecessor_id);
CREATE INDEX appointments_status ON appointments (status, start);

-- One row per answered item; checklist id and version as answered.
CREATE TABLE checklist_answers (
    appointment_id    TEXT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    item_id           TEXT NOT NULL,
    checklist_id      TEXT NOT NULL,
    checklist_version INTEGER NOT NULL,
    value             TEXT NOT NULL,  -- JSON
    answered_at       TEXT NOT NULL,  -- local wall-clock time, ISO 8601
    answered_by       TEXT REFERENCES staff (id) ON DELETE SET NULL,
    updated_at        TEXT NOT NULL,  -- UTC
    origin_device     TEXT NOT NULL,
    PRIMARY KEY (appointment_id, item_id)
) STRICT;

CREATE TABLE call_attempts (
    id             TEXT PRIMARY KEY,
    appointment_id TEXT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    at             TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    origin_device  TEXT NOT NULL
) STRICT;
CREATE INDEX call_attempts_appointment ON call_attempts (appointment_id, at);

CREATE TABLE letters (
    appointment_id TEXT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('announcement', 'reminder')),
    sent_on        TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    origin_device  TEXT NOT NULL,
    PRIMARY KEY (appointment_id, kind)
) STRICT;

CREATE TABLE conducts (
    appointment_id       TEXT PRIMARY KEY REFERENCES appointments (id) ON DELETE CASCADE,
    started_at           TEXT,
    entered_home_at      TEXT,
    others_present_at    TEXT,
    third_party_alone_at TEXT,
    outcome              TEXT,
    outcome_at           TEXT,
    broken_off_by        TEXT CHECK (broken_off_by IN ('client', 'staff')),
    outcome_reason       TEXT NOT NULL DEFAULT '',
    updated_at           TEXT NOT NULL,
    origin_device        TEXT NOT NULL
) STRICT;

-- Outcomes recorded before schema 2 get their conduct record, so they cannot be set again.
INSERT INTO conducts (appointment_id, outcome, outcome_at, outcome_reason, updated_at, origin_device)
    SELECT id, status, start, '', updated_at, origin_device
    FROM appointments WHERE status IN ('done', 'cancelled');

-- Consent records: the columns the workflow rules need. Forms, signatures and prints follow.
CREATE TABLE consents (
    id             TEXT PRIMARY KEY,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    revision       INTEGER NOT NULL CHECK (revision > 0),
    origin_device  TEXT NOT NULL,
    client_id      TEXT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    appointment_id TEXT REFERENCES appointments (id) ON DELETE SET NULL,
    third_party_id TEXT REFERENCES third_parties (id) ON DELETE RESTRICT,
    kind           TEXT NOT NULL,
    state          TEXT NOT NULL,
    valid_from     TEXT,
    valid_until    TEXT,
    revoked_at     TEXT
) STRICT;
CREATE INDEX consents_client ON consents (client_id, kind);
CREATE INDEX consents_appointment ON consents (appointment_id, kind);
