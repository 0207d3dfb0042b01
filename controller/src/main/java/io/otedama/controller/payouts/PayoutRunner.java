package io.otedama.controller.payouts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * What the {@code accounting} and {@code payout} jobs do, from the schedule's point of view: which
 * periods are due. Periods are aligned to the epoch ({@code [k·p, (k+1)·p)} UTC), so every replica
 * and every re-run computes the same period for the same moment, and the unique keys of {@link
 * PayoutService} make each happen once.
 */
public final class PayoutRunner {
  private final PayoutService payouts;
  private final Jdbi jdbi;
  private final Duration accountingPeriod;
  private final Duration payoutPeriod;
  private final Duration settleDelay;
  private final int maxCatchUp;
  private final Supplier<NetworkConditions> network;

  public PayoutRunner(
      PayoutService payouts,
      Jdbi jdbi,
      Duration accountingPeriod,
      Duration payoutPeriod,
      Duration settleDelay,
      int maxCatchUp,
      Supplier<NetworkConditions> network) {
    this.payouts = payouts;
    this.jdbi = jdbi;
    this.accountingPeriod = accountingPeriod;
    this.payoutPeriod = payoutPeriod;
    this.settleDelay = settleDelay;
    this.maxCatchUp = maxCatchUp;
    this.network = network;
  }

  /** The start of the aligned period of length {@code period} holding {@code t}. */
  static Instant floor(Instant t, Duration period) {
    long p = period.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), p) * p);
  }

  /**
   * Runs accounting for every complete period not yet run, oldest first (at most the catch-up limit
   * per call): from the end of the newest run, or for a fresh ledger from the first share.
   */
  public List<AccountingRun> runDueAccounting(Instant now) {
    Instant due = floor(now.minus(settleDelay), accountingPeriod);
    Optional<Instant> lastEnd =
        jdbi.withHandle(h ->
            h.createQuery("SELECT max(period_end) FROM accounting_runs")
                .mapTo(Instant.class)
                .findOne());
    Instant start =
        lastEnd.orElseGet(() -> {
          Optional<Instant> firstShare =
              jdbi.withHandle(
                  h -> h.createQuery("SELECT min(ts) FROM shares").mapTo(Instant.class).findOne());
          Instant first = firstShare.map(t -> floor(t, accountingPeriod)).orElse(due);
          Instant previous = due.minus(accountingPeriod);
          return first.isBefore(previous) ? first : previous;
        });
    List<AccountingRun> runs = new ArrayList<>();
    while (start.isBefore(due) && runs.size() < maxCatchUp) {
      Instant end = floor(start, accountingPeriod).plus(accountingPeriod);
      runs.add(payouts.runAccounting(new AccountingPeriod(start, end), network.get()));
      start = end;
    }
    return runs;
  }

  /** The payout period whose batch is due at {@code at}: the last complete one. */
  public AccountingPeriod duePayoutPeriod(Instant at) {
    Instant end = floor(at.minus(settleDelay), payoutPeriod);
    return new AccountingPeriod(end.minus(payoutPeriod), end);
  }

  /**
   * Brings accounting up to date, then creates the batch of the payout period due at {@code at}
   * (once: a re-run, a second replica or a retry after a crash gets the same batch back).
   */
  public BatchCreation createDueBatch(Instant at) {
    runDueAccounting(at);
    return payouts.createPayoutBatch(duePayoutPeriod(at));
  }
}
