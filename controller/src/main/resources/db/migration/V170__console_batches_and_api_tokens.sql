-- Console (owner: console, versions V170..V179): bulk command batches and named API tokens.

-- One command sent to many rigs: each rig's command is an ordinary row in commands pointing here,
-- so progress is a count over those rows and nothing about delivery changes.
CREATE TABLE command_batches (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    args        JSONB NOT NULL DEFAULT '{}'::jsonb,
    -- how many rigs the batch was for, fixed when it is created
    total       INTEGER NOT NULL CHECK (total >= 0),
    -- rigs whose command could not be queued (gone since the selection), with the reason
    refused     JSONB NOT NULL DEFAULT '[]'::jsonb,
    issued_by   TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    -- set once every rig's command row exists (or was refused)
    queued_at   TIMESTAMPTZ
);
CREATE INDEX command_batches_created_idx ON command_batches (created_at DESC);

ALTER TABLE commands ADD COLUMN batch_id TEXT REFERENCES command_batches (id) ON DELETE SET NULL;
CREATE INDEX commands_batch_idx ON commands (batch_id, status) WHERE batch_id IS NOT NULL;

-- Named API tokens: long-lived bearer tokens an admin creates for scripts, acting with a role no
-- higher than their user's. Session tokens (from a login) have no name and act with the user's
-- role. The token itself is shown once; only its SHA-256 is kept, as for every token.
ALTER TABLE api_tokens ADD COLUMN id BIGSERIAL UNIQUE;
ALTER TABLE api_tokens ADD COLUMN name TEXT;
ALTER TABLE api_tokens ADD COLUMN role TEXT
    CHECK (role IS NULL OR role IN ('admin', 'operator', 'viewer', 'client'));
ALTER TABLE api_tokens ADD COLUMN created_by TEXT;
CREATE INDEX api_tokens_named_idx ON api_tokens (user_id) WHERE name IS NOT NULL;
