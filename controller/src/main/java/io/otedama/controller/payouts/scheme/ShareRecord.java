package io.otedama.controller.payouts.scheme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One accepted share from the share log, attributed to the client account its rig worked for.
 *
 * @param id the share log's id: orders shares with the same timestamp
 * @param accountId the client account, or {@link #FARM} for rigs no client owns
 * @param rigId the rig that found it
 * @param difficulty the share difficulty it was accepted at (exact; fractional allowed)
 * @param ts when it was accepted
 */
public record ShareRecord(
    long id, long accountId, String rigId, BigDecimal difficulty, Instant ts) {
  /** The account id of the farm itself: shares of rigs without a client account. */
  public static final long FARM = 0;

  /** The order of the share log: by time, then by id. */
  public static final Comparator<ShareRecord> OLDEST_FIRST =
      Comparator.comparing(ShareRecord::ts).thenComparingLong(ShareRecord::id);

  public static final Comparator<ShareRecord> NEWEST_FIRST = OLDEST_FIRST.reversed();

  public ShareRecord {
    Objects.requireNonNull(rigId, "rigId");
    Objects.requireNonNull(difficulty, "difficulty");
    Objects.requireNonNull(ts, "ts");
    if (difficulty.signum() <= 0) {
      throw new IllegalArgumentException(
          "share " + id + " has difficulty " + difficulty + "; it must be positive");
    }
    if (accountId < 0) {
      throw new IllegalArgumentException("share " + id + " has account id " + accountId);
    }
  }
}
