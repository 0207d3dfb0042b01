-- Scheduling (V130..V149): every run of a scheduled job, whichever replica ran it, so the jobs API
-- shows the last run and its outcome cluster-wide. Kept 30 days by the cleanup job.
CREATE TABLE scheduled_job_runs (
    id            BIGSERIAL PRIMARY KEY,
    job           TEXT NOT NULL,
    -- the Quartz instance id of the replica that ran it
    instance      TEXT NOT NULL,
    -- triggered through POST /api/v1/jobs/{name}/run rather than by its schedule
    manual        BOOLEAN NOT NULL,
    scheduled_at  TIMESTAMPTZ NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    outcome       TEXT NOT NULL CHECK (outcome IN ('running', 'success', 'failure')),
    -- the job's summary of what it did, or the failure's message
    detail        TEXT,
    CHECK ((outcome = 'running') = (finished_at IS NULL))
);
CREATE INDEX scheduled_job_runs_job_idx ON scheduled_job_runs (job, id DESC);
