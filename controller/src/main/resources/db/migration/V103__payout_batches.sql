-- Payouts, part 4: payout batches. One batch per period (the unique key is what makes creating a
-- batch idempotent across re-runs, crashes and racing replicas); paying a batch records its txid.

CREATE TABLE payout_batches (
    id                          BIGSERIAL PRIMARY KEY,
    period_start                TIMESTAMPTZ NOT NULL,
    period_end                  TIMESTAMPTZ NOT NULL,
    status                      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid')),
    network                     TEXT NOT NULL,
    total_sats                  BIGINT NOT NULL DEFAULT 0 CHECK (total_sats >= 0),
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    ledger_transaction_id       BIGINT REFERENCES ledger_transactions (id),
    txid                        TEXT UNIQUE CHECK (txid ~ '^[0-9a-f]{64}$'),
    network_fee_sats            BIGINT CHECK (network_fee_sats >= 0),
    paid_at                     TIMESTAMPTZ,
    paid_ledger_transaction_id  BIGINT REFERENCES ledger_transactions (id),
    CHECK (period_start < period_end),
    UNIQUE (period_start, period_end),
    CHECK ((status = 'paid') = (txid IS NOT NULL AND paid_at IS NOT NULL))
);

CREATE TABLE payout_batch_items (
    batch_id           BIGINT NOT NULL REFERENCES payout_batches (id),
    client_account_id  BIGINT NOT NULL REFERENCES client_accounts (id),
    address            TEXT NOT NULL,
    amount_sats        BIGINT NOT NULL CHECK (amount_sats > 0),
    PRIMARY KEY (batch_id, client_account_id)
);

-- Accounts over their threshold that a batch could not pay, and why (e.g. no valid address).
CREATE TABLE payout_batch_skips (
    batch_id           BIGINT NOT NULL REFERENCES payout_batches (id),
    client_account_id  BIGINT NOT NULL REFERENCES client_accounts (id),
    payable_sats       BIGINT NOT NULL,
    reason             TEXT NOT NULL,
    PRIMARY KEY (batch_id, client_account_id)
);
