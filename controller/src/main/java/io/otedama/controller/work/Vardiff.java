package io.otedama.controller.work;

import java.time.Duration;
import java.time.Instant;

/**
 * One rig's variable difficulty. Every accepted share adds its (assigned) difficulty to the current
 * window; once a window of {@link VardiffSettings#retargetInterval()} has passed, the hashrate it
 * shows ({@code Σ difficulty × 2^32 / seconds}) gives the difficulty that would yield one share per
 * {@link VardiffSettings#targetShareInterval()}: {@code Σ difficulty × target / window}. The change
 * is clamped to {@link VardiffSettings#maxStep()} either way, skipped when the rate is within the
 * tolerance, and a window without any share divides by the full step (the rig may be far too slow
 * for its difficulty). A fixed difficulty (Stratum password {@code d=N}) never changes.
 *
 * <p>Thread-safe (the share path and the retarget tick may run on different threads).
 */
public final class Vardiff {
  private final VardiffSettings settings;
  private final boolean fixed;
  private double difficulty;
  private double previousDifficulty;
  private Instant changedAt;
  private Instant windowStart;
  private double windowDifficultySum;
  private int windowShares;

  private Vardiff(VardiffSettings settings, double start, boolean fixed, Instant now) {
    this.settings = settings;
    this.fixed = fixed;
    this.difficulty = fixed ? start : settings.clamp(start);
    this.previousDifficulty = difficulty;
    this.changedAt = now;
    this.windowStart = now;
  }

  /** Vardiff starting at {@code start} (clamped to the bounds). */
  public static Vardiff variable(VardiffSettings settings, double start, Instant now) {
    return new Vardiff(settings, start, false, now);
  }

  /** A fixed difficulty that never changes. */
  public static Vardiff fixed(VardiffSettings settings, double difficulty, Instant now) {
    if (!(difficulty > 0) || Double.isInfinite(difficulty)) {
      throw new IllegalArgumentException("a fixed difficulty must be positive, got " + difficulty);
    }
    return new Vardiff(settings, difficulty, true, now);
  }

  public synchronized double difficulty() {
    return difficulty;
  }

  /** The difficulty before the last change (the same as the current one before any change). */
  public synchronized double previousDifficulty() {
    return previousDifficulty;
  }

  /** When the difficulty last changed. */
  public synchronized Instant changedAt() {
    return changedAt;
  }

  public boolean isFixed() {
    return fixed;
  }

  /**
   * The lowest difficulty a share received at {@code now} may have: the current one, or the
   * previous one within {@code grace} of a change (the rig had not yet received the new work).
   */
  public synchronized double acceptableDifficulty(Instant now, Duration grace) {
    if (previousDifficulty < difficulty && now.isBefore(changedAt.plus(grace))) {
      return previousDifficulty;
    }
    return difficulty;
  }

  /** Counts an accepted share that was mined at {@code assignedDifficulty}. */
  public synchronized void recordShare(double assignedDifficulty) {
    windowDifficultySum += assignedDifficulty;
    windowShares++;
  }

  /**
   * Retargets when a full window has passed since the last change; returns the new difficulty, or
   * NaN when it stays.
   */
  public synchronized double retarget(Instant now) {
    if (fixed) {
      return Double.NaN;
    }
    Duration elapsed = Duration.between(windowStart, now);
    if (elapsed.compareTo(settings.retargetInterval()) < 0) {
      return Double.NaN;
    }
    double seconds = elapsed.toNanos() / 1e9;
    double target = settings.targetShareInterval().toNanos() / 1e9;
    double wanted;
    if (windowShares == 0) {
      wanted = difficulty / settings.maxStep();
    } else {
      double ideal = windowDifficultySum * target / seconds;
      if (Math.abs(ideal / difficulty - 1) <= settings.tolerance()) {
        windowStart = now;
        windowDifficultySum = 0;
        windowShares = 0;
        return Double.NaN;
      }
      wanted = ideal;
    }
    wanted =
        Math.max(
            difficulty / settings.maxStep(), Math.min(difficulty * settings.maxStep(), wanted));
    wanted = settings.clamp(wanted);
    windowStart = now;
    windowDifficultySum = 0;
    windowShares = 0;
    if (wanted == difficulty) {
      return Double.NaN;
    }
    previousDifficulty = difficulty;
    difficulty = wanted;
    changedAt = now;
    return wanted;
  }

  /** Sets the difficulty at once (e.g. {@code mining.suggest_difficulty}), within the bounds. */
  public synchronized void set(double newDifficulty, Instant now) {
    if (fixed) {
      return;
    }
    double clamped = settings.clamp(newDifficulty);
    if (clamped != difficulty) {
      previousDifficulty = difficulty;
      difficulty = clamped;
      changedAt = now;
    }
    windowStart = now;
    windowDifficultySum = 0;
    windowShares = 0;
  }
}
