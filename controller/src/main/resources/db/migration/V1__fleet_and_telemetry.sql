-- The shared core of the schema: rigs, their groups and events, and raw telemetry.
-- Both the fleet feature (REST, enrollment, liveness) and the telemetry ingest (MQTT edge) depend
-- on these columns; change them only together. Migration version ranges by owner:
--   V1        this shared core
--   V2..V49   fleet, auth, commands, REST-side features
--   V50..V99  MQTT edge and telemetry ingest/maintenance
--   V100+     later features (work, shares, payouts, firmware, power, ...)

CREATE TABLE rig_groups (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    -- what the operator groups by: site, rack, model, or anything else they name
    kind        TEXT NOT NULL DEFAULT 'group',
    description TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE rigs (
    -- the rig id is also the rig's MQTT username and its topic segment (protocol's RigId syntax)
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    -- MAC address and/or serial as reported at enrollment; never the IP (IPs change)
    hardware_id         TEXT NOT NULL UNIQUE,
    model               TEXT,
    group_id            BIGINT REFERENCES rig_groups (id) ON DELETE SET NULL,
    -- 'agent' for Otedama agents, 'stratum' for third-party miners on the Stratum port
    source              TEXT NOT NULL DEFAULT 'agent',
    -- SHA-256 of the random 256-bit MQTT secret: a random secret needs no slow hash
    mqtt_secret_sha256  BYTEA,
    -- online | stale | offline (never seen rigs are offline with last_seen NULL)
    status              TEXT NOT NULL DEFAULT 'offline',
    status_changed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    agent_version       TEXT,
    devices             JSONB NOT NULL DEFAULT '[]'::jsonb,
    capabilities        JSONB NOT NULL DEFAULT '[]'::jsonb,
    ip_address          TEXT,
    -- latest figures, kept current by the telemetry batch writer so lists sort and filter in SQL
    hashrate_hs         DOUBLE PRECISION NOT NULL DEFAULT 0,
    temperature_c       REAL,
    fan_rpm             INTEGER,
    power_w             REAL,
    accepted_shares     BIGINT NOT NULL DEFAULT 0,
    rejected_shares     BIGINT NOT NULL DEFAULT 0,
    uptime_s            BIGINT,
    last_seen           TIMESTAMPTZ,
    last_telemetry_at   TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX rigs_status_idx ON rigs (status);
CREATE INDEX rigs_group_idx ON rigs (group_id);
CREATE INDEX rigs_name_idx ON rigs (lower(name));

-- Every status change (online/stale/offline) and other lifecycle events of a rig.
CREATE TABLE rig_events (
    id          BIGSERIAL PRIMARY KEY,
    rig_id      TEXT NOT NULL REFERENCES rigs (id) ON DELETE CASCADE,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    kind        TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    detail      TEXT
);
CREATE INDEX rig_events_rig_at_idx ON rig_events (rig_id, at DESC);

-- Raw telemetry, one row per accepted message, appended in batches with COPY.
-- Partitioned by day; the service creates partitions ahead (telemetry_pYYYYMMDD).
CREATE TABLE telemetry (
    rig_id        TEXT NOT NULL,
    ts            TIMESTAMPTZ NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL,
    hashrate_hs   DOUBLE PRECISION NOT NULL,
    temperature_c REAL,
    fan_rpm       INTEGER,
    power_w       REAL,
    accepted      BIGINT,
    rejected      BIGINT,
    uptime_s      BIGINT,
    -- per-device detail as reported (protocol's device entries)
    devices       JSONB
) PARTITION BY RANGE (ts);
CREATE INDEX telemetry_rig_ts_idx ON telemetry (rig_id, ts);
