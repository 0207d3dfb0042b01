package io.otedama.agent.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before attempt {@code n} (0-based) wait a uniformly random
 * time in {@code [0, min(max, base * 2^n))}. The randomness is the point: after a broker restart
 * 10,000 rigs spread their reconnects over the whole window instead of arriving in the same second,
 * and rigs that keep failing spread further apart.
 */
public final class ReconnectBackoff {
  private final long baseMillis;
  private final long maxMillis;
  private final RandomGenerator random;

  public ReconnectBackoff(Duration base, Duration max, RandomGenerator random) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < base <= max, got base " + base + ", max " + max);
    }
    this.baseMillis = base.toMillis();
    this.maxMillis = max.toMillis();
    this.random = random;
  }

  /** The upper bound of the wait before attempt {@code attempt}. */
  public long windowMillis(int attempt) {
    int shift = Math.min(Math.max(attempt, 0), 30);
    long window = baseMillis << shift;
    return window <= 0 || window > maxMillis ? maxMillis : window;
  }

  /** A random wait before attempt {@code attempt}. */
  public Duration delay(int attempt) {
    return Duration.ofMillis(random.nextLong(windowMillis(attempt)));
  }
}
