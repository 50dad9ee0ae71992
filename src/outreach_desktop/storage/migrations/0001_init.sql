-- Schema 1: vault metadata, staff, clients, third parties, appointments.
-- Every record: UUID, created/updated (UTC ISO 8601), revision, origin device.
-- search_text holds a case- and accent-folded copy for search; it lives only in this encrypted file.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
    id             TEXT PRIMARY KEY,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    revision       INTEGER NOT NULL CHECK (revision > 0),
    origin_device  TEXT NOT NULL,
    name           TEXT NOT NULL,
    department     TEXT NOT NULL CHECK (department IN ('m-and-i', 'benefits')),
    phone          TEXT NOT NULL DEFAULT '',
    is_team_leader INTEGER NOT NULL DEFAULT 0 CHECK (is_team_leader IN (0, 1)),
    is_owner       INTEGER NOT NULL DEFAULT 0 CHECK (is_owner IN (0, 1)),
    search_text    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX staff_single_owner ON staff (is_owner) WHERE is_owner = 1;

CREATE TABLE clients (
    id                 TEXT PRIMARY KEY,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    revision           INTEGER NOT NULL CHECK (revision > 0),
    origin_device      TEXT NOT NULL,
    display_name       TEXT NOT NULL,
    customer_number    TEXT NOT NULL DEFAULT '',
    address            TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    preferred_language TEXT NOT NULL DEFAULT 'de',
    reachability_notes TEXT NOT NULL DEFAULT '',
    main_caseworker_id TEXT REFERENCES staff (id) ON DELETE RESTRICT,
    in_own_caseload    INTEGER NOT NULL DEFAULT 1 CHECK (in_own_caseload IN (0, 1)),
    search_text        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX clients_search ON clients (search_text);
CREATE INDEX clients_main_caseworker ON clients (main_caseworker_id);

CREATE TABLE third_parties (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    revision      INTEGER NOT NULL CHECK (revision > 0),
    origin_device TEXT NOT NULL,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    search_text   TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE appointments (
    id                   TEXT PRIMARY KEY,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    revision             INTEGER NOT NULL CHECK (revision > 0),
    origin_device        TEXT NOT NULL,
    approach             TEXT NOT NULL
        CHECK (approach IN ('walk-and-talk', 'accompaniment', 'home-visit')),
    start                TEXT NOT NULL,
    planned_duration_min INTEGER NOT NULL,
    buffer_min           INTEGER NOT NULL,
    place                TEXT NOT NULL DEFAULT '',
    client_id            TEXT REFERENCES clients (id) ON DELETE RESTRICT,
    third_party_id       TEXT REFERENCES third_parties (id) ON DELETE RESTRICT,
    status               TEXT NOT NULL DEFAULT 'planned',
    search_text          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX appointments_start ON appointments (start);
CREATE INDEX appointments_client ON appointments (client_id);
CREATE INDEX appointments_third_party ON appointments (third_party_id);

CREATE TABLE appointment_staff (
    appointment_id TEXT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    staff_id       TEXT NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
    position       INTEGER NOT NULL,
    PRIMARY KEY (appointment_id, staff_id)
) STRICT;
CREATE INDEX appointment_staff_staff ON appointment_staff (staff_id);
