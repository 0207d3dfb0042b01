package io.otedama.controller.payouts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes shares the payouts can no longer need. A share may go once all of these hold: its period
 * is accounted (before the newest accounting run's end); it is before every undistributed block
 * (their PPLNS windows and PROP rounds end at the block); it is before the newest distributed block
 * (the next PROP round starts there); it is outside the PPLNS window of any block still to be found
 * (that window reaches back {@code N·D} of difficulty from a moment after the accounted end); and
 * it is older than the minimum retention (the share summaries and audits read recent shares).
 */
public final class ShareLogPruning {
  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration minRetention;
  private final Supplier<BigDecimal> windowDifficulty;

  /**
   * @param windowDifficulty N·D, the PPLNS window in difficulty at today's network difficulty
   */
  public ShareLogPruning(
      Jdbi jdbi, Clock clock, Duration minRetention, Supplier<BigDecimal> windowDifficulty) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.minRetention = minRetention;
    this.windowDifficulty = windowDifficulty;
  }

  /** What one run removed, and why it stopped where it did. */
  public record Result(Instant cutoff, int shares, int upstreamResults, String reason) {
    @Override
    public String toString() {
      return cutoff == null
          ? "nothing pruned: " + reason
          : "pruned "
              + shares
              + " shares and "
              + upstreamResults
              + " upstream results before "
              + cutoff
              + " ("
              + reason
              + ")";
    }
  }

  public Result run() {
    return jdbi.inTransaction(h -> {
      Optional<Instant> accounted =
          h.createQuery("SELECT max(period_end) FROM accounting_runs")
              .mapTo(Instant.class)
              .findOne();
      if (accounted.isEmpty()) {
        return new Result(null, 0, 0, "no accounting run yet");
      }
      Instant cutoff = accounted.get();
      String reason = "accounted until " + cutoff;
      Optional<Instant> undistributed =
          h.createQuery("SELECT min(found_at) FROM payout_blocks WHERE distributed_run_id IS NULL")
              .mapTo(Instant.class)
              .findOne();
      if (undistributed.isPresent() && undistributed.get().isBefore(cutoff)) {
        cutoff = undistributed.get();
        reason = "a block found at " + cutoff + " is not distributed yet";
      }
      Optional<Instant> lastBlock =
          h.createQuery("SELECT max(found_at) FROM payout_blocks").mapTo(Instant.class).findOne();
      if (lastBlock.isPresent() && lastBlock.get().isBefore(cutoff)) {
        cutoff = lastBlock.get();
        reason = "the current PROP round started at " + cutoff;
      }
      Optional<Instant> windowStart =
          h.createQuery(
                  """
                  SELECT ts FROM (
                    SELECT ts, sum(difficulty) OVER (ORDER BY ts DESC ROWS UNBOUNDED PRECEDING) AS cum
                      FROM shares WHERE ts <= :until) w
                   WHERE cum >= :window ORDER BY ts DESC LIMIT 1\
                  """)
              .bind("until", cutoff)
              .bind("window", windowDifficulty.get())
              .mapTo(Instant.class)
              .findOne();
      if (windowStart.isEmpty()) {
        return new Result(null, 0, 0, "the share log holds no more than one PPLNS window");
      }
      if (windowStart.get().isBefore(cutoff)) {
        cutoff = windowStart.get();
        reason = "the PPLNS window reaches back to " + cutoff;
      }
      Instant minimum = clock.instant().minus(minRetention);
      if (minimum.isBefore(cutoff)) {
        cutoff = minimum;
        reason = "shares are kept at least " + minRetention;
      }
      int shares =
          h.createUpdate("DELETE FROM shares WHERE ts < :cutoff").bind("cutoff", cutoff).execute();
      int upstream =
          h.createUpdate("DELETE FROM share_upstream_results WHERE answered_at < :cutoff")
              .bind("cutoff", cutoff)
              .execute();
      return new Result(cutoff, shares, upstream, reason);
    });
  }
}
