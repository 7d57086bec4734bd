-- Waarborg schema 2 (PostgreSQL): models and versions, datasets, snapshots and lineage,
-- incidents, rights requests.
CREATE TABLE models (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    backend     TEXT NOT NULL,
    source      TEXT NOT NULL,
    licence     TEXT NOT NULL,
    card        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE TABLE model_versions (
    id              TEXT PRIMARY KEY,
    model_id        TEXT NOT NULL REFERENCES models(id),
    label           TEXT NOT NULL,
    weights_sha256  TEXT NOT NULL,
    parameters      TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    created_by      TEXT NOT NULL,
    UNIQUE (model_id, label)
);
-- Append-only: the latest row for an alias is where it points.
CREATE TABLE model_aliases (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alias             TEXT NOT NULL,
    model_version_id  TEXT NOT NULL REFERENCES model_versions(id),
    set_at            BIGINT NOT NULL,
    set_by            TEXT NOT NULL
);
CREATE INDEX model_aliases_alias ON model_aliases(alias, id);
CREATE TABLE datasets (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    description  TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE TABLE snapshots (
    id          TEXT PRIMARY KEY,       -- sha256:<hex> of the manifest
    dataset_id  TEXT NOT NULL REFERENCES datasets(id),
    provenance  TEXT NOT NULL,
    report_ref  TEXT,
    records     BIGINT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX snapshots_dataset ON snapshots(dataset_id);
CREATE TABLE lineage (
    snapshot_id  TEXT NOT NULL REFERENCES snapshots(id),
    target_kind  TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (snapshot_id, target_kind, target_id)
);
CREATE TABLE incidents (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    app_id             TEXT REFERENCES applications(id),
    audit_seq          BIGINT,
    description        TEXT NOT NULL,
    reported_by        TEXT NOT NULL,
    reported_at        BIGINT NOT NULL,
    status             TEXT NOT NULL,
    status_changed_at  BIGINT NOT NULL
);
CREATE TABLE incident_updates (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id  TEXT NOT NULL REFERENCES incidents(id),
    status       TEXT NOT NULL,
    note         TEXT NOT NULL,
    changed_at   BIGINT NOT NULL,
    changed_by   TEXT NOT NULL
);
CREATE TABLE rights_requests (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    subject_hash  TEXT NOT NULL,
    received_at   BIGINT NOT NULL,
    deadline      BIGINT NOT NULL,
    status        TEXT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX rights_requests_subject ON rights_requests(subject_hash);
