-- Which rigs a hosting client may see: the rigs of their account (users.account_id). The console
-- and the rig endpoints scope client users by this table. Accounts themselves (balances, payouts)
-- belong to the payouts feature; this is only the visibility link, so it needs no accounts table.
CREATE TABLE client_rigs (
    account_id  BIGINT NOT NULL,
    rig_id      TEXT NOT NULL REFERENCES rigs (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, rig_id)
);
CREATE INDEX client_rigs_rig_idx ON client_rigs (rig_id);
