-- Work profiles (owner: work, versions V120..V139 with shares and stratum).
-- A profile is a named, ordered list of upstream pools (failover in list order), or the built-in
-- local source (kind 'local'). Groups of rigs are pointed at a profile; a rig in no group, or in a
-- group without a row here, mines on the configured default profile.

CREATE TABLE work_profiles (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    -- 'pools': upstream Stratum v1 pools with failover; 'local': the built-in local source
    kind        TEXT NOT NULL DEFAULT 'pools' CHECK (kind IN ('pools', 'local')),
    -- every pool of a profile mines the same algorithm: sha256d | scrypt
    algorithm   TEXT NOT NULL DEFAULT 'sha256d' CHECK (algorithm IN ('sha256d', 'scrypt')),
    description TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE work_profile_pools (
    profile_id  BIGINT NOT NULL REFERENCES work_profiles (id) ON DELETE CASCADE,
    -- failover order: 0 is the primary
    position    INTEGER NOT NULL CHECK (position >= 0),
    -- shown in logs and the pool metric label; never the URL or credentials
    name        TEXT NOT NULL,
    -- stratum+tcp://host:port or stratum+ssl://host:port
    url         TEXT NOT NULL,
    username    TEXT NOT NULL,
    -- pool passwords are conventionally 'x' or difficulty hints, not secrets; kept as given
    password    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (profile_id, position)
);

CREATE TABLE group_work_profiles (
    group_id    BIGINT PRIMARY KEY REFERENCES rig_groups (id) ON DELETE CASCADE,
    profile_id  BIGINT NOT NULL REFERENCES work_profiles (id) ON DELETE CASCADE,
    assigned_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX group_work_profiles_profile_idx ON group_work_profiles (profile_id);
