package io.otedama.controller.payouts.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Proves the ledger's invariants from the stored rows, in one repeatable-read snapshot so that
 * bookings committing meanwhile cannot make it see half a transaction. It reads every entry: run it
 * on demand and from a job, not per request of a busy page.
 */
public final class LedgerCheck {
  /** At most this many offending rows are listed; the counts are always complete. */
  static final int LISTED = 100;

  private final Jdbi jdbi;
  private final Clock clock;

  public LedgerCheck(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public LedgerCheckReport run() {
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        handle -> {
          handle.execute("SET TRANSACTION READ ONLY");
          return check(handle);
        });
  }

  private LedgerCheckReport check(Handle handle) {
    long transactions = count(handle, "SELECT count(*) FROM ledger_transactions");
    long entries = count(handle, "SELECT count(*) FROM ledger_entries");
    long accounts = count(handle, "SELECT count(*) FROM ledger_accounts");
    long total = count(handle, "SELECT coalesce(sum(amount_sats), 0) FROM ledger_entries");

    String unbalancedSql =
        """
        SELECT t.id, t.idempotency_key,
               coalesce(sum(e.amount_sats), 0) AS sum_sats, count(e.id) AS entries
          FROM ledger_transactions t
          LEFT JOIN ledger_entries e ON e.transaction_id = t.id
         GROUP BY t.id
        HAVING coalesce(sum(e.amount_sats), 0) <> 0 OR count(e.id) < 2\
        """;
    long unbalancedCount = count(handle, "SELECT count(*) FROM (" + unbalancedSql + ") u");
    List<LedgerCheckReport.UnbalancedTransaction> unbalanced =
        handle
            .createQuery(unbalancedSql + " ORDER BY t.id LIMIT " + LISTED)
            .map((rs, ctx) ->
                new LedgerCheckReport.UnbalancedTransaction(
                    rs.getLong("id"),
                    rs.getString("idempotency_key"),
                    rs.getLong("sum_sats"),
                    rs.getLong("entries")))
            .list();

    String mismatchSql =
        """
        SELECT a.id, a.code,
               coalesce(d.sum_sats, 0) AS entries_sats, coalesce(b.balance_sats, 0) AS cached_sats,
               coalesce(d.n, 0) AS entries, coalesce(b.entry_count, 0) AS cached_entries
          FROM ledger_accounts a
          LEFT JOIN (SELECT account_id, sum(amount_sats) AS sum_sats, count(*) AS n
                       FROM ledger_entries GROUP BY account_id) d ON d.account_id = a.id
          LEFT JOIN ledger_balances b ON b.account_id = a.id
         WHERE coalesce(d.sum_sats, 0) <> coalesce(b.balance_sats, 0)
            OR coalesce(d.n, 0) <> coalesce(b.entry_count, 0)\
        """;
    long mismatchCount = count(handle, "SELECT count(*) FROM (" + mismatchSql + ") m");
    List<LedgerCheckReport.BalanceMismatch> mismatches =
        handle
            .createQuery(mismatchSql + " ORDER BY a.id LIMIT " + LISTED)
            .map((rs, ctx) ->
                new LedgerCheckReport.BalanceMismatch(
                    rs.getString("code"),
                    rs.getLong("entries_sats"),
                    rs.getLong("cached_sats"),
                    rs.getLong("entries"),
                    rs.getLong("cached_entries")))
            .list();

    List<LedgerCheckReport.Reconciliation> reconciliations = reconcile(handle);
    boolean balanced =
        unbalancedCount == 0
            && mismatchCount == 0
            && total == 0
            && reconciliations.stream().allMatch(LedgerCheckReport.Reconciliation::ok);
    return new LedgerCheckReport(
        balanced,
        clock.instant(),
        transactions,
        entries,
        accounts,
        total,
        unbalancedCount,
        unbalanced,
        mismatchCount,
        mismatches,
        reconciliations);
  }

  /** The ledger against the payout tables whose money it books. */
  private List<LedgerCheckReport.Reconciliation> reconcile(Handle handle) {
    List<LedgerCheckReport.Reconciliation> out = new ArrayList<>();
    out.add(
        reconciliation(
            handle,
            "undistributed_earnings",
            "farm:pool_income holds exactly the booked blocks and pool earnings no accounting run"
                + " has distributed yet",
            "SELECT -coalesce(sum(e.amount_sats), 0) FROM ledger_entries e"
                + " JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'pool_income'",
            """
            SELECT coalesce((SELECT sum(subsidy_sats + fees_sats) FROM payout_blocks
                              WHERE distributed_run_id IS NULL), 0)
                 + coalesce((SELECT sum(amount_sats) FROM pool_earnings
                              WHERE distributed_run_id IS NULL), 0)\
            """));
    out.add(
        reconciliation(
            handle,
            "payouts_in_clearing",
            "farm:payouts_clearing holds exactly the totals of the batches not yet paid",
            "SELECT -coalesce(sum(e.amount_sats), 0) FROM ledger_entries e"
                + " JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'payouts_clearing'",
            "SELECT coalesce(sum(total_sats), 0) FROM payout_batches WHERE status = 'pending'"));
    out.add(
        reconciliation(
            handle,
            "wallet",
            "farm:wallet is every earning booked, less paid batches and their network fees",
            "SELECT coalesce(sum(e.amount_sats), 0) FROM ledger_entries e"
                + " JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'wallet'",
            """
            SELECT coalesce((SELECT sum(subsidy_sats + fees_sats) FROM payout_blocks), 0)
                 + coalesce((SELECT sum(amount_sats) FROM pool_earnings), 0)
                 - coalesce((SELECT sum(total_sats + coalesce(network_fee_sats, 0))
                               FROM payout_batches WHERE status = 'paid'), 0)\
            """));
    out.add(
        reconciliation(
            handle,
            "client_earnings",
            "client earnings accounts hold exactly the gross of the credit lines",
            "SELECT -coalesce(sum(e.amount_sats), 0) FROM ledger_entries e"
                + " JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'client_earnings'",
            "SELECT coalesce(sum(gross_sats), 0) FROM payout_credits"));
    out.add(
        reconciliation(
            handle,
            "client_fees",
            "client fee accounts hold exactly the pool and hosting fees of the credit lines",
            "SELECT coalesce(sum(e.amount_sats), 0) FROM ledger_entries e"
                + " JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'client_fees'",
            "SELECT coalesce(sum(pool_fee_sats + hosting_fee_sats), 0) FROM payout_credits"));
    out.add(
        reconciliation(
            handle,
            "client_electricity",
            "client electricity accounts hold exactly the electricity lines",
            "SELECT coalesce(sum(e.amount_sats), 0) FROM ledger_entries e"
                + " JOIN ledger_accounts a ON a.id = e.account_id"
                + " WHERE a.kind = 'client_electricity'",
            "SELECT coalesce(sum(electricity_sats), 0) FROM payout_credits"));
    out.add(
        reconciliation(
            handle,
            "client_payouts",
            "client payout accounts hold exactly the items of all payout batches",
            "SELECT coalesce(sum(e.amount_sats), 0) FROM ledger_entries e"
                + " JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'client_payouts'",
            "SELECT coalesce(sum(amount_sats), 0) FROM payout_batch_items"));
    return out;
  }

  private static LedgerCheckReport.Reconciliation reconciliation(
      Handle handle, String name, String description, String ledgerSql, String expectedSql) {
    long ledger = count(handle, ledgerSql);
    long expected = count(handle, expectedSql);
    return new LedgerCheckReport.Reconciliation(
        name, description, ledger, expected, ledger == expected);
  }

  private static long count(Handle handle, String sql) {
    return handle.createQuery(sql).mapTo(Long.class).one();
  }
}
