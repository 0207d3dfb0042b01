-- The durable command queue: a command is a row first, then an MQTT message.
CREATE TABLE commands (
    id              TEXT PRIMARY KEY,
    rig_id          TEXT NOT NULL REFERENCES rigs (id) ON DELETE CASCADE,
    type            TEXT NOT NULL,
    args            JSONB NOT NULL DEFAULT '{}'::jsonb,
    -- queued | sent | acked | succeeded | failed | timed_out
    status          TEXT NOT NULL,
    issued_by       TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    acked_at        TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    result_message  TEXT,
    result_details  JSONB
);
CREATE INDEX commands_rig_created_idx ON commands (rig_id, created_at DESC);
CREATE INDEX commands_open_idx ON commands (expires_at) WHERE status IN ('queued', 'sent', 'acked');
CREATE INDEX commands_retry_idx ON commands (next_attempt_at) WHERE status = 'queued';
