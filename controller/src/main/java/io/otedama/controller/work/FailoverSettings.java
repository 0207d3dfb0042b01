package io.otedama.controller.work;

import java.time.Duration;
import java.util.Objects;

/**
 * When a profile leaves a pool and when it comes back.
 *
 * @param maxConsecutiveRejects this many rejected shares in a row make the profile switch to the
 *     next pool (default 10)
 * @param rejectCooldown a pool left for rejects is not used again for this long, unless no other
 *     pool works (default 5 minutes)
 * @param initialBackoff the wait after a round in which no pool could be reached (default 1 s),
 *     doubled each further round up to {@code maxBackoff} (default 60 s)
 * @param primaryProbeInterval how often a profile on a backup pool checks whether a pool before it
 *     in the list is healthy again (connects, authorizes and sends a job), and switches back if so
 *     (default 30 s)
 */
public record FailoverSettings(
    int maxConsecutiveRejects,
    Duration rejectCooldown,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration primaryProbeInterval) {
  public FailoverSettings {
    Objects.requireNonNull(rejectCooldown, "rejectCooldown");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(primaryProbeInterval, "primaryProbeInterval");
    if (maxConsecutiveRejects < 1) {
      throw new IllegalArgumentException("maxConsecutiveRejects must be at least 1");
    }
  }

  public static FailoverSettings defaults() {
    return new FailoverSettings(
        10,
        Duration.ofMinutes(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30));
  }
}
