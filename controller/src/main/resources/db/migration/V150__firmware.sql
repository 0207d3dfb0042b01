-- Firmware: signed artifacts and rollout campaigns in waves (docs/firmware.md).

CREATE TABLE firmware_artifacts (
    id              BIGSERIAL PRIMARY KEY,
    name            TEXT NOT NULL,
    version         TEXT NOT NULL,
    -- 'agent' (the agent updates itself) or 'miner' (the rig's mining firmware)
    kind            TEXT NOT NULL DEFAULT 'agent',
    -- rig models it is for; empty means any model
    models          TEXT[] NOT NULL DEFAULT '{}',
    sha256          TEXT NOT NULL,
    size_bytes      BIGINT NOT NULL,
    -- base64 Ed25519 signature over the 32-byte SHA-256 digest, and the id of the key that made it
    signature       TEXT NOT NULL,
    key_id          TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    uploaded_by     TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (name, version)
);

-- When rigs of a group may be updated. days: ISO day numbers 1 (Monday) .. 7; an end before the
-- start crosses midnight. No row: any time.
CREATE TABLE firmware_maintenance_windows (
    group_id    BIGINT PRIMARY KEY REFERENCES rig_groups (id) ON DELETE CASCADE,
    days        INTEGER[] NOT NULL,
    start_time  TIME NOT NULL,
    end_time    TIME NOT NULL,
    time_zone   TEXT NOT NULL DEFAULT 'UTC'
);

CREATE TABLE firmware_campaigns (
    id                    BIGSERIAL PRIMARY KEY,
    name                  TEXT NOT NULL,
    artifact_id           BIGINT NOT NULL REFERENCES firmware_artifacts (id),
    -- ready | running | paused | stopped | finished | cancelled
    state                 TEXT NOT NULL,
    state_reason          TEXT,
    filter_group_id       BIGINT,
    filter_model          TEXT,
    filter_version        TEXT,
    -- agents fetch the artifact with this random token in the URL (it grants only this signed
    -- artifact's bytes, while the campaign is not cancelled)
    download_token        TEXT NOT NULL UNIQUE,
    download_base_url     TEXT,
    created_by            TEXT,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at            TIMESTAMPTZ,
    finished_at           TIMESTAMPTZ
);
CREATE INDEX firmware_campaigns_state_idx ON firmware_campaigns (state);

CREATE TABLE firmware_campaign_waves (
    campaign_id        BIGINT NOT NULL REFERENCES firmware_campaigns (id) ON DELETE CASCADE,
    wave_no            INTEGER NOT NULL,
    -- percent of installed rigs at which the wave succeeds; and of failed rigs above which the
    -- campaign stops
    success_threshold  INTEGER NOT NULL,
    error_threshold    INTEGER NOT NULL,
    -- after success: 'next' starts the next wave, 'pause' waits for the operator's resume
    on_success         TEXT NOT NULL DEFAULT 'next',
    -- pending | running | succeeded | failed | incomplete | cancelled
    state              TEXT NOT NULL DEFAULT 'pending',
    started_at         TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    PRIMARY KEY (campaign_id, wave_no)
);

CREATE TABLE firmware_campaign_rigs (
    campaign_id   BIGINT NOT NULL REFERENCES firmware_campaigns (id) ON DELETE CASCADE,
    rig_id        TEXT NOT NULL REFERENCES rigs (id) ON DELETE CASCADE,
    wave_no       INTEGER NOT NULL,
    -- pending | queued | downloading | downloaded | verified | installing | installed | failed
    -- | cancelled
    state         TEXT NOT NULL DEFAULT 'pending',
    reason        TEXT,
    command_id    TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    from_version  TEXT,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, rig_id)
);
CREATE INDEX firmware_campaign_rigs_command_idx ON firmware_campaign_rigs (command_id);
CREATE INDEX firmware_campaign_rigs_wave_idx ON firmware_campaign_rigs (campaign_id, wave_no);
