-- wasp-store schema version 2: what `wasp respond --apply` and `wasp fix --apply` changed.

-- One row per apply: the columns a listing shows, and the whole record as JSON (the plan, the
-- journal with AWS request ids, the evidence locations).
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The incident id of a playbook (`--param incident_id`, else wasp-TIMESTAMP), or the
    -- journal's id of a fix.
    record_id TEXT NOT NULL,
    -- `playbook` or `fix`.
    kind TEXT NOT NULL,
    -- The playbook's id (NULL for a fix) and its target.
    playbook TEXT,
    target TEXT,
    account_id TEXT NOT NULL,
    -- The identity that made the calls (sts:GetCallerIdentity).
    identity TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    steps_applied INTEGER NOT NULL,
    -- Why the run stopped (a failed step, the user), NULL when it ran to the end.
    stopped TEXT,
    document TEXT NOT NULL
) STRICT;

CREATE INDEX incidents_by_time ON incidents (started_at, id);
