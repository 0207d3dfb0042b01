-- Payouts, part 3: what the farm earned (blocks found by the local source, upstream pool
-- earnings per period), the accounting runs that distribute it, and the credit lines they booked.

-- Blocks found by the local work source, booked once their coinbase can be spent.
CREATE TABLE payout_blocks (
    hash                 TEXT PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    height               BIGINT NOT NULL CHECK (height >= 0),
    subsidy_sats         BIGINT NOT NULL CHECK (subsidy_sats >= 0),
    fees_sats            BIGINT NOT NULL CHECK (fees_sats >= 0),
    network_difficulty   NUMERIC NOT NULL CHECK (network_difficulty > 0),
    found_at             TIMESTAMPTZ NOT NULL,
    booked_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the accounting run that distributed it; NULL while undistributed
    distributed_run_id   BIGINT,
    CHECK (subsidy_sats + fees_sats > 0)
);
CREATE INDEX payout_blocks_found_idx ON payout_blocks (found_at, height);

-- What an upstream pool paid the farm for a period.
CREATE TABLE pool_earnings (
    id                   BIGSERIAL PRIMARY KEY,
    pool                 TEXT NOT NULL CHECK (length(btrim(pool)) > 0),
    period_start         TIMESTAMPTZ NOT NULL,
    period_end           TIMESTAMPTZ NOT NULL,
    amount_sats          BIGINT NOT NULL CHECK (amount_sats > 0),
    booked_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    distributed_run_id   BIGINT,
    CHECK (period_start < period_end),
    UNIQUE (pool, period_start, period_end)
);

-- One accounting run per period; periods never overlap, so nothing is credited twice.
CREATE TABLE accounting_runs (
    id                                BIGSERIAL PRIMARY KEY,
    period_start                      TIMESTAMPTZ NOT NULL,
    period_end                        TIMESTAMPTZ NOT NULL,
    -- the network conditions PPS and FPPS credits were valued at
    block_subsidy_sats                BIGINT NOT NULL CHECK (block_subsidy_sats >= 0),
    expected_fees_per_block_sats      BIGINT NOT NULL CHECK (expected_fees_per_block_sats >= 0),
    network_difficulty                NUMERIC NOT NULL CHECK (network_difficulty > 0),
    pplns_window_factor               NUMERIC NOT NULL CHECK (pplns_window_factor > 0),
    ran_at                            TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- what the run did, for the job's outcome and the API
    blocks_distributed                INTEGER NOT NULL DEFAULT 0,
    pool_earnings_distributed         INTEGER NOT NULL DEFAULT 0,
    earnings_distributed_sats         BIGINT NOT NULL DEFAULT 0,
    credited_gross_sats               BIGINT NOT NULL DEFAULT 0,
    fees_sats                         BIGINT NOT NULL DEFAULT 0,
    electricity_sats                  BIGINT NOT NULL DEFAULT 0,
    dust_sats                         BIGINT NOT NULL DEFAULT 0,
    CHECK (period_start < period_end),
    UNIQUE (period_start, period_end),
    CONSTRAINT accounting_runs_no_overlap
        EXCLUDE USING gist (tstzrange(period_start, period_end, '[)') WITH &&)
);

ALTER TABLE payout_blocks ADD FOREIGN KEY (distributed_run_id) REFERENCES accounting_runs (id);
ALTER TABLE pool_earnings ADD FOREIGN KEY (distributed_run_id) REFERENCES accounting_runs (id);

-- Each credit (or charge) an accounting run booked for an account, for statements and the API.
CREATE TABLE payout_credits (
    id                   BIGSERIAL PRIMARY KEY,
    run_id               BIGINT NOT NULL REFERENCES accounting_runs (id),
    client_account_id    BIGINT NOT NULL REFERENCES client_accounts (id),
    -- 'block', 'pool_earning', 'pps', 'electricity'
    source               TEXT NOT NULL CHECK (source IN ('block', 'pool_earning', 'pps', 'electricity')),
    source_ref           TEXT NOT NULL,
    scheme               TEXT NOT NULL CHECK (scheme IN ('pps', 'fpps', 'pplns', 'prop')),
    gross_sats           BIGINT NOT NULL CHECK (gross_sats >= 0),
    pool_fee_sats        BIGINT NOT NULL CHECK (pool_fee_sats >= 0),
    hosting_fee_sats     BIGINT NOT NULL CHECK (hosting_fee_sats >= 0),
    electricity_sats     BIGINT NOT NULL CHECK (electricity_sats >= 0),
    -- gross - fees - electricity; negative for an electricity charge
    net_sats             BIGINT NOT NULL,
    -- the energy an electricity line charged for, in watt-seconds
    energy_ws            NUMERIC,
    ledger_transaction_id BIGINT NOT NULL REFERENCES ledger_transactions (id),
    CHECK (net_sats = gross_sats - pool_fee_sats - hosting_fee_sats - electricity_sats),
    UNIQUE (client_account_id, source, source_ref)
);
CREATE INDEX payout_credits_run_idx ON payout_credits (run_id);
