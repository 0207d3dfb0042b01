package io.otedama.controller.shares;

import java.time.Duration;
import java.time.Instant;

/**
 * A rig's hashrate estimated from the difficulty of its accepted shares: {@code Σ difficulty × 2^32
 * / window} over a sliding window kept in buckets (e.g. 60 buckets of 10 s for 10 minutes). Until
 * the rig has been seen for a whole window, the time since its first share is the window.
 *
 * <p>Thread-safe.
 */
public final class HashrateEstimate {
  private static final double TWO_POW_32 = 4294967296.0;

  private final long bucketMillis;
  private final double[] sums;
  private final long[] bucketIndex;
  private long firstMillis = -1;

  public HashrateEstimate(Duration window, int buckets) {
    if (buckets < 1 || window.toMillis() < buckets) {
      throw new IllegalArgumentException("need a window of at least one millisecond per bucket");
    }
    this.bucketMillis = window.toMillis() / buckets;
    this.sums = new double[buckets];
    this.bucketIndex = new long[buckets];
    java.util.Arrays.fill(bucketIndex, -1);
  }

  /** Adds an accepted share credited with {@code difficulty}. */
  public synchronized void add(double difficulty, Instant at) {
    long ms = at.toEpochMilli();
    if (firstMillis < 0) {
      firstMillis = ms;
    }
    long index = ms / bucketMillis;
    int slot = (int) (index % sums.length);
    if (bucketIndex[slot] != index) {
      bucketIndex[slot] = index;
      sums[slot] = 0;
    }
    sums[slot] += difficulty;
  }

  /** Hashes per second over the window ending at {@code now}; 0 without shares. */
  public synchronized double hashesPerSecond(Instant now) {
    if (firstMillis < 0) {
      return 0;
    }
    long ms = now.toEpochMilli();
    long newest = ms / bucketMillis;
    long oldest = newest - sums.length + 1;
    double sum = 0;
    for (int i = 0; i < sums.length; i++) {
      if (bucketIndex[i] >= oldest && bucketIndex[i] <= newest) {
        sum += sums[i];
      }
    }
    long windowMillis = bucketMillis * sums.length;
    long seen = Math.max(bucketMillis, ms - firstMillis);
    double seconds = Math.min(windowMillis, seen) / 1000.0;
    return sum * TWO_POW_32 / seconds;
  }
}
