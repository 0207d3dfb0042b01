-- Payouts, part 2: the double-entry ledger. Append-only; every transaction's entries sum to zero
-- (checked at commit by a deferred constraint trigger); balances are derived from the entries
-- (view ledger_account_balances) and cached in ledger_balances (kept by a trigger, verified by
-- the ledger check). Amounts are signed satoshis: debit positive, credit negative.

CREATE TABLE ledger_accounts (
    id                 BIGSERIAL PRIMARY KEY,
    -- 'farm:wallet', 'client:42:earnings', ... (see docs/payouts.md, chart of accounts)
    code               TEXT NOT NULL UNIQUE,
    kind               TEXT NOT NULL CHECK (kind IN (
                           'wallet', 'pool_income', 'revenue', 'dust', 'payouts_clearing',
                           'client_earnings', 'client_fees', 'client_electricity', 'client_payouts')),
    client_account_id  BIGINT REFERENCES client_accounts (id),
    normal_side        TEXT NOT NULL CHECK (normal_side IN ('debit', 'credit')),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((client_account_id IS NOT NULL) = (kind LIKE 'client\_%')),
    UNIQUE (client_account_id, kind)
);

CREATE TABLE ledger_transactions (
    id               BIGSERIAL PRIMARY KEY,
    -- what the transaction books, e.g. 'block:<hash>:distribution': the same event is booked once
    idempotency_key  TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    description      TEXT NOT NULL,
    booked_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE ledger_entries (
    id              BIGSERIAL PRIMARY KEY,
    transaction_id  BIGINT NOT NULL REFERENCES ledger_transactions (id),
    account_id      BIGINT NOT NULL REFERENCES ledger_accounts (id),
    amount_sats     BIGINT NOT NULL CHECK (amount_sats <> 0),
    memo            TEXT
);
CREATE INDEX ledger_entries_tx_idx ON ledger_entries (transaction_id, id);
CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_id);

-- Append-only: corrections are new, reversing transactions, never edits.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- At commit, every ledger transaction that gained entries must sum to zero over at least two
-- entries. The trigger fires per entry row, but only the transaction's newest entry does the sum,
-- so a transaction of n entries costs n index probes and one scan, not n scans.
CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total  NUMERIC;
    n      BIGINT;
BEGIN
    IF NEW.id <> (SELECT max(id) FROM ledger_entries WHERE transaction_id = NEW.transaction_id) THEN
        RETURN NULL;
    END IF;
    SELECT sum(amount_sats), count(*) INTO total, n
      FROM ledger_entries WHERE transaction_id = NEW.transaction_id;
    IF total <> 0 OR n < 2 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance: % entries summing to % sats',
            NEW.transaction_id, n, total USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();

-- A transaction row without entries is refused at commit too.
CREATE FUNCTION ledger_check_not_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ledger_entries WHERE transaction_id = NEW.id) THEN
        RAISE EXCEPTION 'ledger transaction % (%) has no entries', NEW.id, NEW.idempotency_key
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_transactions_not_empty AFTER INSERT ON ledger_transactions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_not_empty();

-- Derived balances: the truth.
CREATE VIEW ledger_account_balances AS
SELECT a.id AS account_id, a.code, a.kind, a.client_account_id, a.normal_side,
       coalesce(sum(e.amount_sats), 0)::BIGINT AS balance_sats,
       count(e.id) AS entry_count
  FROM ledger_accounts a
  LEFT JOIN ledger_entries e ON e.account_id = a.id
 GROUP BY a.id;

-- Cached balances for fast reads; kept by the trigger below, verified by the ledger check.
CREATE TABLE ledger_balances (
    account_id    BIGINT PRIMARY KEY REFERENCES ledger_accounts (id),
    balance_sats  BIGINT NOT NULL,
    entry_count   BIGINT NOT NULL
);

CREATE FUNCTION ledger_cache_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ledger_balances AS b (account_id, balance_sats, entry_count)
    VALUES (NEW.account_id, NEW.amount_sats, 1)
    ON CONFLICT (account_id) DO UPDATE
        SET balance_sats = b.balance_sats + EXCLUDED.balance_sats,
            entry_count = b.entry_count + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER ledger_entries_cache_balance AFTER INSERT ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_cache_balance();
