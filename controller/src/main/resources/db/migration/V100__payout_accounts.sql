-- Payouts (issue 6), part 1: the farm's client accounts, their contract terms, and which rigs
-- work for which account. Payouts own migrations V100..V119.

-- Electricity price per site, in millisatoshis per kWh (integer: no floating point money).
-- 50 sats/kWh is 50000 here; converting a fiat tariff to sats is the operator's decision.
CREATE TABLE payout_sites (
    name                      TEXT PRIMARY KEY CHECK (length(btrim(name)) > 0),
    electricity_msat_per_kwh  BIGINT NOT NULL CHECK (electricity_msat_per_kwh >= 0),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A hosting client: the contract terms under which its rigs' work is credited and paid out.
CREATE TABLE client_accounts (
    id                     BIGSERIAL PRIMARY KEY,
    name                   TEXT NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
    scheme                 TEXT NOT NULL CHECK (scheme IN ('pps', 'fpps', 'pplns', 'prop')),
    -- fees in basis points of the gross credit (100 bps = 1 %), rounded down per credit line
    pool_fee_bps           INTEGER NOT NULL CHECK (pool_fee_bps BETWEEN 0 AND 10000),
    hosting_fee_bps        INTEGER NOT NULL CHECK (hosting_fee_bps BETWEEN 0 AND 10000),
    -- a payout output below Bitcoin Core's dust limit (546 sats for P2PKH) would not relay
    payout_threshold_sats  BIGINT NOT NULL CHECK (payout_threshold_sats >= 546),
    -- validated by the service for the configured network; NULL: no payouts until set
    wallet_address         TEXT CHECK (wallet_address IS NULL OR length(wallet_address) BETWEEN 14 AND 90),
    -- electricity tariff; NULL: electricity is not charged to this account
    site                   TEXT REFERENCES payout_sites (name),
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (pool_fee_bps + hosting_fee_bps <= 10000)
);

-- Which client a rig works for; NULL: the farm's own rig (its work is the farm's).
ALTER TABLE rigs ADD COLUMN account_id BIGINT REFERENCES client_accounts (id) ON DELETE SET NULL;
CREATE INDEX rigs_account_idx ON rigs (account_id) WHERE account_id IS NOT NULL;

