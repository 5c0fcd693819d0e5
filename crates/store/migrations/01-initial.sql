-- wasp-store schema version 1. Times are UTC RFC 3339 text with nanoseconds
-- (`2026-01-02T03:04:05.000000000Z`), so text order is time order.

-- Every saved review: the columns a listing shows, and the whole review as JSON.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    saved_at TEXT NOT NULL,
    collected_at TEXT NOT NULL,
    account_id TEXT NOT NULL,
    -- JSON array of the regions read, in the review's order.
    regions TEXT NOT NULL,
    -- Same account, sorted regions and left-out lines: see `scope_key`.
    scope_key TEXT NOT NULL,
    source TEXT NOT NULL,
    coverage TEXT NOT NULL,
    lens_version TEXT NOT NULL,
    high_risk_questions INTEGER NOT NULL,
    medium_risk_questions INTEGER NOT NULL,
    met INTEGER NOT NULL,
    not_met INTEGER NOT NULL,
    failed_findings INTEGER NOT NULL,
    gaps INTEGER NOT NULL,
    -- The `wasp_review::Review`, as serde_json writes it.
    document TEXT NOT NULL
) STRICT;

CREATE INDEX reviews_by_time ON reviews (saved_at, id);
CREATE INDEX reviews_by_account ON reviews (account_id, saved_at, id);
CREATE INDEX reviews_by_scope ON reviews (scope_key, saved_at, id);

-- A named review.
CREATE TABLE milestones (
    name TEXT PRIMARY KEY NOT NULL,
    review_id INTEGER NOT NULL REFERENCES reviews (id),
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX milestones_by_review ON milestones (review_id);

-- Rules that mute findings until they expire; a NULL column matches anything.
CREATE TABLE suppressions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    check_id TEXT NOT NULL,
    resource TEXT,
    account TEXT,
    region TEXT,
    -- JSON object of tag key to value; every one must match.
    tags TEXT NOT NULL,
    reason TEXT NOT NULL,
    -- `YYYY-MM-DD`.
    expires TEXT,
    created_at TEXT NOT NULL
) STRICT;

-- "WASP" in ASCII: marks the file as a wasp database.
PRAGMA application_id = 1463898960;
