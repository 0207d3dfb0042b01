-- Users, their bearer tokens, failed logins (for lockout) and the audit log.

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    -- pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>: slow and salted (human passwords)
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer', 'client')),
    -- client users see only their own account's rigs and payouts; accounts arrive with payouts
    account_id    BIGINT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Opaque bearer tokens: only their SHA-256 is kept (a random 256-bit token needs no slow hash).
CREATE TABLE api_tokens (
    token_sha256 BYTEA PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
CREATE INDEX api_tokens_expires_idx ON api_tokens (expires_at);

-- Failed logins per username (known or not), counted over a sliding window for lockout.
CREATE TABLE login_failures (
    id             BIGSERIAL PRIMARY KEY,
    username       TEXT NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    remote_address TEXT
);
CREATE INDEX login_failures_user_at_idx ON login_failures (username, at);

-- Every mutating API call: who, what, when, from where, and how it ended.
CREATE TABLE audit_log (
    id             BIGSERIAL PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL,
    actor          TEXT,
    actor_role     TEXT,
    action         TEXT NOT NULL,
    path           TEXT NOT NULL,
    status         INTEGER NOT NULL,
    remote_address TEXT,
    detail         TEXT
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC);
