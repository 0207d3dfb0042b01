package io.otedama.controller.work;

import java.time.Duration;
import java.util.Objects;

/**
 * How vardiff steers a rig's share difficulty.
 *
 * @param targetShareInterval the wanted time between shares (default 10 s)
 * @param retargetInterval the shortest time between two changes, also the measuring window (default
 *     30 s)
 * @param maxStep the largest factor of one change, up or down (default 4)
 * @param tolerance no change while the measured rate is within this fraction of the target (default
 *     0.3: 7–13 s per share is left alone)
 * @param minDifficulty the lowest difficulty (default 1e-6: slow CPU rigs)
 * @param maxDifficulty the highest difficulty (default 1e15)
 */
public record VardiffSettings(
    Duration targetShareInterval,
    Duration retargetInterval,
    double maxStep,
    double tolerance,
    double minDifficulty,
    double maxDifficulty) {
  public static final VardiffSettings DEFAULTS =
      new VardiffSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 4, 0.3, 1e-6, 1e15);

  public VardiffSettings {
    Objects.requireNonNull(targetShareInterval, "targetShareInterval");
    Objects.requireNonNull(retargetInterval, "retargetInterval");
    if (targetShareInterval.isNegative() || targetShareInterval.isZero()) {
      throw new IllegalArgumentException("the target share interval must be positive");
    }
    if (retargetInterval.isNegative() || retargetInterval.isZero()) {
      throw new IllegalArgumentException("the retarget interval must be positive");
    }
    if (!(maxStep > 1)) {
      throw new IllegalArgumentException("maxStep must be above 1, got " + maxStep);
    }
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), got " + tolerance);
    }
    if (!(minDifficulty > 0 && maxDifficulty >= minDifficulty)) {
      throw new IllegalArgumentException(
          "need 0 < minDifficulty <= maxDifficulty, got " + minDifficulty + ", " + maxDifficulty);
    }
  }

  /** A difficulty within the bounds. */
  public double clamp(double difficulty) {
    return Math.max(minDifficulty, Math.min(maxDifficulty, difficulty));
  }
}
