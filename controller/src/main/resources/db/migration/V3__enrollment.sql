-- Enrollment tokens: single- or N-use, expiring; only the SHA-256 of the token is kept.
CREATE TABLE enrollment_tokens (
    id           BIGSERIAL PRIMARY KEY,
    token_sha256 BYTEA NOT NULL UNIQUE,
    uses_total   INTEGER NOT NULL CHECK (uses_total >= 1),
    uses_left    INTEGER NOT NULL CHECK (uses_left >= 0),
    -- rigs enrolled with this token join this group
    group_id     BIGINT REFERENCES rig_groups (id) ON DELETE SET NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
