package io.otedama.controller.payouts.ledger;

import java.time.Instant;
import java.util.List;

/**
 * What {@link LedgerCheck} found; the body of {@code GET /api/v1/ledger/check}. {@code balanced} is
 * true only when every transaction sums to zero over at least two entries, all entries together sum
 * to zero, every cached balance equals the sum of its account's entries, and every reconciliation
 * with the payout tables holds.
 */
public record LedgerCheckReport(
    boolean balanced,
    Instant checkedAt,
    long transactions,
    long entries,
    long accounts,
    long entriesTotalSats,
    long unbalancedTransactionCount,
    List<UnbalancedTransaction> unbalancedTransactions,
    long balanceMismatchCount,
    List<BalanceMismatch> balanceMismatches,
    List<Reconciliation> reconciliations) {

  /** A transaction whose entries do not sum to zero, or that has fewer than two. */
  public record UnbalancedTransaction(long id, String key, long sumSats, long entries) {}

  /** An account whose cached balance differs from the sum of its entries. */
  public record BalanceMismatch(
      String account, long entriesSats, long cachedSats, long entries, long cachedEntries) {}

  /** A ledger figure compared with the payout tables it must agree with. */
  public record Reconciliation(
      String name, String description, long ledgerSats, long expectedSats, boolean ok) {}
}
