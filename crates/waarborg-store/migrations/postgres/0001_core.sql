-- Waarborg schema 1 (PostgreSQL): the register, API keys, people and roles, the audit chain.
CREATE TABLE applications (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    version     BIGINT NOT NULL,
    lifecycle   TEXT NOT NULL,
    spec        TEXT NOT NULL,          -- AppSpec as JSON
    created_at  BIGINT NOT NULL,       -- microseconds since the epoch, UTC
    updated_at  BIGINT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE TABLE application_versions (
    app_id      TEXT NOT NULL REFERENCES applications(id),
    version     BIGINT NOT NULL,
    spec        TEXT NOT NULL,
    changed_at  BIGINT NOT NULL,
    changed_by  TEXT NOT NULL,
    PRIMARY KEY (app_id, version)
);
CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY,
    app_id        TEXT NOT NULL REFERENCES applications(id),
    hash          TEXT NOT NULL UNIQUE,  -- SHA-256 of the key; the key itself is never stored
    prefix        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    created_by    TEXT NOT NULL,
    revoked_at    BIGINT,
    last_used_at  BIGINT
);
CREATE INDEX api_keys_app ON api_keys(app_id);
CREATE TABLE users (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    password_hash  TEXT,                -- argon2id PHC string
    created_at     BIGINT NOT NULL,
    created_by     TEXT NOT NULL
);
CREATE TABLE role_grants (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id),
    role        TEXT NOT NULL,
    granted_at  BIGINT NOT NULL,
    granted_by  TEXT NOT NULL,
    revoked_at  BIGINT,
    revoked_by  TEXT
);
CREATE INDEX role_grants_user ON role_grants(user_id);
CREATE TABLE audit_events (
    seq                BIGINT PRIMARY KEY,
    ts                 BIGINT NOT NULL,
    kind               TEXT NOT NULL,
    actor              TEXT NOT NULL,
    app_id             TEXT,
    model_version      TEXT,
    decisions          TEXT NOT NULL,
    prompt_tokens      BIGINT,
    completion_tokens  BIGINT,
    energy_wh          DOUBLE PRECISION,
    detail             TEXT NOT NULL,
    content            BYTEA,            -- sealed prompt/output; NULL once purged
    content_hash       TEXT,
    retain_until       BIGINT,
    purged_at          BIGINT,
    prev_hash          TEXT NOT NULL,
    hash               TEXT NOT NULL
);
CREATE INDEX audit_events_retain ON audit_events(retain_until) WHERE content IS NOT NULL;
CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   BIGINT NOT NULL,
    hash  TEXT NOT NULL
);
