-- power/: PDUs and switches polled over SNMP, which rig hangs on which outlet, every outlet action
-- (operator, watchdog, curtailment) and curtailment events with the rigs they touched.

CREATE TABLE power_devices (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    -- 'pdu' or 'switch'
    kind          TEXT NOT NULL,
    host          TEXT NOT NULL,
    port          INTEGER NOT NULL DEFAULT 161,
    -- apc-rpdu | apc-rpdu2 | raritan-px2 | generic | if-mib
    profile       TEXT NOT NULL,
    site          TEXT,
    -- {"version":"v2c","community":..} or {"version":"v3","user":..,"authPassphrase":..,"privPassphrase":..}
    credentials   JSONB NOT NULL,
    -- generic profile: the OIDs to read and write
    generic_oids  JSONB,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE outlet_mappings (
    rig_id         TEXT PRIMARY KEY REFERENCES rigs (id) ON DELETE CASCADE,
    device_id      TEXT NOT NULL REFERENCES power_devices (id) ON DELETE CASCADE,
    outlet_index   INTEGER NOT NULL,
    -- what the PDU must report as this outlet's name before anything is written to it
    outlet_name    TEXT NOT NULL,
    nameplate_w    REAL,
    watchdog       BOOLEAN NOT NULL DEFAULT true,
    UNIQUE (device_id, outlet_index)
);

CREATE TABLE power_actions (
    id            BIGSERIAL PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL,
    rig_id        TEXT,
    device_id     TEXT,
    outlet_index  INTEGER,
    site          TEXT,
    -- cycle | off | on
    action        TEXT NOT NULL,
    -- operator | watchdog | curtailment
    trigger       TEXT NOT NULL,
    actor         TEXT NOT NULL,
    -- done | refused | failed
    result        TEXT NOT NULL,
    detail        TEXT
);
CREATE INDEX power_actions_device_at_idx ON power_actions (device_id, at DESC);
CREATE INDEX power_actions_rig_at_idx ON power_actions (rig_id, at DESC);
CREATE INDEX power_actions_site_at_idx ON power_actions (site, at DESC);

CREATE TABLE curtailment_events (
    id               BIGSERIAL PRIMARY KEY,
    -- target: bring fleet power down to kw; reduce: take kw off the power measured at the start
    mode             TEXT NOT NULL,
    kw               DOUBLE PRECISION NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL,
    ramp_seconds     INTEGER NOT NULL DEFAULT 0,
    -- scheduled | active | restoring | done | cancelled
    status           TEXT NOT NULL DEFAULT 'scheduled',
    baseline_w       DOUBLE PRECISION,
    goal_w           DOUBLE PRECISION,
    measured_w       DOUBLE PRECISION,
    target_met       BOOLEAN,
    last_checked_at  TIMESTAMPTZ,
    last_restore_at  TIMESTAMPTZ,
    created_by       TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE curtailment_rigs (
    event_id     BIGINT NOT NULL REFERENCES curtailment_events (id) ON DELETE CASCADE,
    rig_id       TEXT NOT NULL REFERENCES rigs (id) ON DELETE CASCADE,
    -- power-mode | outlet-off
    method       TEXT NOT NULL,
    curtailed_at TIMESTAMPTZ NOT NULL,
    power_w      DOUBLE PRECISION,
    restored_at  TIMESTAMPTZ,
    PRIMARY KEY (event_id, rig_id)
);
