-- Maintenance (V130..V149): telemetry rollups. Raw telemetry (V1, daily partitions) is kept days;
-- these aggregates are kept months (1-minute) and years (1-hour). Written by the Quartz jobs
-- telemetry-rollup (upserts, so a re-run or a late row just recomputes the bucket) and pruned by
-- telemetry-retention. Averages are over the samples in the bucket (the hourly one weighted by
-- each minute's samples); energy for billing is not derived from rollups: the payouts' EnergyMeter
-- integrates raw power samples, so raw rows are dropped only after accounting has run past them.
CREATE TABLE telemetry_1m (
    rig_id            TEXT NOT NULL,
    bucket            TIMESTAMPTZ NOT NULL,
    samples           INTEGER NOT NULL CHECK (samples > 0),
    hashrate_avg_hs   DOUBLE PRECISION NOT NULL,
    hashrate_max_hs   DOUBLE PRECISION NOT NULL,
    temperature_max_c REAL,
    fan_rpm_avg       REAL,
    power_avg_w       REAL,
    -- counters at the bucket's last sample (agents report running totals)
    accepted_last     BIGINT,
    rejected_last     BIGINT,
    PRIMARY KEY (rig_id, bucket)
);
CREATE INDEX telemetry_1m_bucket_idx ON telemetry_1m (bucket);

CREATE TABLE telemetry_1h (LIKE telemetry_1m INCLUDING ALL);

-- How far each rollup is complete: buckets before done_until are final unless late rows arrive
-- (each run also recomputes a look-back window for those).
CREATE TABLE telemetry_rollup_state (
    rollup      TEXT PRIMARY KEY CHECK (rollup IN ('1m', '1h')),
    done_until  TIMESTAMPTZ NOT NULL
);
