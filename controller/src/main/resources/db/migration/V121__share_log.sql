-- The share log and share counts (owner: shares).
--
-- shares: one row per accepted share, appended in batches (COPY into a temporary table, then
-- INSERT ... ON CONFLICT DO NOTHING), so a batch an agent replays from its offline spool is
-- stored once: the agent's share id is unique per rig. A plain table rather than daily partitions:
-- the primary key on (rig_id, share_id) has to hold across the whole table for that, which a
-- partitioned table only allows with the partition key in it. Rows arrive in time order, so a BRIN
-- index on ts serves the payout job's and the retention's time-range scans at a tiny size.
-- No foreign key to rigs: the log is written at share rate and must not wait on rig rows.
CREATE TABLE shares (
    rig_id            TEXT NOT NULL,
    share_id          TEXT NOT NULL,
    -- the account credited (Stratum miners: the <account> of <account>.<worker>); null if none
    account           TEXT,
    -- the Stratum worker name, or null for agents
    worker            TEXT,
    -- the work profile (feed) the rig mined for
    source            TEXT NOT NULL,
    -- the pool (or 'local') the job came from, and that upstream's job id
    pool              TEXT NOT NULL,
    job_id            TEXT NOT NULL,
    -- the difficulty the rig was assigned and met: what payouts credit
    difficulty        DOUBLE PRECISION NOT NULL,
    -- the difficulty of the share's hash (at least the assigned one)
    share_difficulty  DOUBLE PRECISION NOT NULL,
    -- met the upstream's target (submitted upstream; its answer is in share_upstream_results)
    upstream          BOOLEAN NOT NULL,
    -- met the block target
    block             BOOLEAN NOT NULL,
    -- when the controller received it
    ts                TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rig_id, share_id)
);
CREATE INDEX shares_ts_brin ON shares USING brin (ts);

-- The upstream's answer to each share submitted upstream (few: only shares meeting its target).
CREATE TABLE share_upstream_results (
    rig_id       TEXT NOT NULL,
    share_id     TEXT NOT NULL,
    pool         TEXT NOT NULL,
    -- accepted | rejected | stale | unanswered
    result       TEXT NOT NULL,
    detail       TEXT,
    answered_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rig_id, share_id)
);

-- Validated shares per rig, hour and outcome: what GET /api/v1/shares/summary reads. reason is
-- 'none' for accepted shares, else the reject reason's wire name (duplicate, stale,
-- low_difficulty, malformed, unauthorized, job_not_found).
CREATE TABLE share_counts (
    rig_id      TEXT NOT NULL,
    hour        TIMESTAMPTZ NOT NULL,
    result      TEXT NOT NULL CHECK (result IN ('accepted', 'rejected')),
    reason      TEXT NOT NULL,
    shares      BIGINT NOT NULL,
    -- sum of the credited difficulty (accepted shares), 0 for rejected ones
    difficulty  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (rig_id, hour, result, reason)
);
CREATE INDEX share_counts_hour_idx ON share_counts (hour);
