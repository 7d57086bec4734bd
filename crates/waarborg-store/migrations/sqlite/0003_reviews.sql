-- Waarborg schema 3 (SQLite): the review queue (drafts a person approves, edits or rejects before
-- a citizen sees them) and hand-overs to a person. Only redacted text is stored here.
CREATE TABLE reviews (
    id            TEXT PRIMARY KEY,
    app_id        TEXT NOT NULL REFERENCES applications(id),
    audit_seq     INTEGER,
    question      TEXT NOT NULL,          -- personal data redacted
    draft         TEXT NOT NULL,
    citations     TEXT NOT NULL,          -- JSON: [{source, title, text}]
    conversation  TEXT NOT NULL,
    status        TEXT NOT NULL,          -- pending, approved, rejected
    final_text    TEXT,                   -- what the citizen sees; only when approved
    edited        INTEGER NOT NULL DEFAULT 0,
    note          TEXT,
    created_at    INTEGER NOT NULL,
    decided_at    INTEGER,
    decided_by    TEXT
);
CREATE INDEX reviews_status ON reviews(status, created_at);
CREATE INDEX reviews_conversation ON reviews(conversation, created_at);
CREATE TABLE handovers (
    id            TEXT PRIMARY KEY,
    app_id        TEXT NOT NULL REFERENCES applications(id),
    conversation  TEXT NOT NULL,
    summary       TEXT NOT NULL,          -- personal data redacted
    status        TEXT NOT NULL,          -- open, closed
    created_at    INTEGER NOT NULL,
    closed_at     INTEGER,
    closed_by     TEXT
);
CREATE INDEX handovers_status ON handovers(status, created_at);
CREATE INDEX handovers_conversation ON handovers(conversation);
