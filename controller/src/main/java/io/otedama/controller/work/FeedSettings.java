package io.otedama.controller.work;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WorkFeed} slices sessions and keeps jobs.
 *
 * @param plannedRigs the rigs each session's layout has room for (default 65,536)
 * @param preferredRollBytes extranonce2 bytes a rig keeps to roll where possible (default 2)
 * @param minRollVersionBits version bits a rig keeps when version windows are cut (default 4)
 * @param maxJobs jobs kept for late shares: older ones are forgotten (default 32)
 * @param supersededRetention how long a superseded job is kept to answer "stale" rather than "job
 *     not found" (default 2 minutes)
 * @param dedupCapacity the most accepted shares remembered per job (default 4,194,304)
 * @param maxNtimeWindowBits slot bits that may go into per-rig ntime windows when extranonce2 and
 *     version windows are too small for the planned rigs (default 10: up to 1,024 windows)
 * @param updateFanoutRate rigs per second an update job (one that does not replace the jobs before
 *     it: no clean-jobs flag, same session) is delivered to, spread evenly, so a large fleet's
 *     update does not take every core for a moment; 0 delivers it at once, as clean jobs always are
 *     (default 5,000: 10,000 rigs in 2 s)
 */
public record FeedSettings(
    long plannedRigs,
    int preferredRollBytes,
    int minRollVersionBits,
    int maxJobs,
    Duration supersededRetention,
    int dedupCapacity,
    int maxNtimeWindowBits,
    int updateFanoutRate) {
  /** The default {@link #maxNtimeWindowBits()}. */
  public static final int DEFAULT_NTIME_WINDOW_BITS = 10;

  /** The default {@link #updateFanoutRate()}. */
  public static final int DEFAULT_UPDATE_FANOUT_RATE = 5_000;

  public static final FeedSettings DEFAULTS =
      new FeedSettings(65_536, 2, 4, 32, Duration.ofMinutes(2), 1 << 22);

  /** Settings with the default {@link #maxNtimeWindowBits()}. */
  public FeedSettings(
      long plannedRigs,
      int preferredRollBytes,
      int minRollVersionBits,
      int maxJobs,
      Duration supersededRetention,
      int dedupCapacity) {
    this(
        plannedRigs,
        preferredRollBytes,
        minRollVersionBits,
        maxJobs,
        supersededRetention,
        dedupCapacity,
        DEFAULT_NTIME_WINDOW_BITS,
        DEFAULT_UPDATE_FANOUT_RATE);
  }

  public FeedSettings {
    Objects.requireNonNull(supersededRetention, "supersededRetention");
    if (plannedRigs < 1 || plannedRigs > SliceLayout.MAX_PLANNED_RIGS) {
      throw new IllegalArgumentException(
          "plannedRigs must be 1.." + SliceLayout.MAX_PLANNED_RIGS + ", got " + plannedRigs);
    }
    if (preferredRollBytes < 1 || minRollVersionBits < 0 || maxJobs < 1 || dedupCapacity < 16) {
      throw new IllegalArgumentException(
          "need preferredRollBytes >= 1, minRollVersionBits >= 0, maxJobs >= 1, dedupCapacity >="
              + " 16");
    }
    if (updateFanoutRate < 0) {
      throw new IllegalArgumentException(
          "updateFanoutRate must be 0 (at once) or more, got " + updateFanoutRate);
    }
    if (maxNtimeWindowBits < 0 || maxNtimeWindowBits > SliceLayout.MAX_NTIME_WINDOW_BITS) {
      throw new IllegalArgumentException(
          "maxNtimeWindowBits must be 0.."
              + SliceLayout.MAX_NTIME_WINDOW_BITS
              + ", got "
              + maxNtimeWindowBits);
    }
  }

  public FeedSettings withPlannedRigs(long rigs) {
    return new FeedSettings(
        rigs,
        preferredRollBytes,
        minRollVersionBits,
        maxJobs,
        supersededRetention,
        dedupCapacity,
        maxNtimeWindowBits,
        updateFanoutRate);
  }

  public FeedSettings withMaxNtimeWindowBits(int bits) {
    return new FeedSettings(
        plannedRigs,
        preferredRollBytes,
        minRollVersionBits,
        maxJobs,
        supersededRetention,
        dedupCapacity,
        bits,
        updateFanoutRate);
  }

  public FeedSettings withUpdateFanoutRate(int rigsPerSecond) {
    return new FeedSettings(
        plannedRigs,
        preferredRollBytes,
        minRollVersionBits,
        maxJobs,
        supersededRetention,
        dedupCapacity,
        maxNtimeWindowBits,
        rigsPerSecond);
  }
}
