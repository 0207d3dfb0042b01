package io.otedama.controller.fleet;

import java.util.OptionalDouble;

/**
 * The hashrate the controller itself sees from a rig's accepted shares (implemented by the shares
 * feature), shown next to the hashrate the rig reports: a large gap means the rig reports more (or
 * less) than its shares show.
 */
@FunctionalInterface
public interface RigHashrateEstimates {
  /** No estimates (before the shares feature is wired). */
  RigHashrateEstimates NONE = rigId -> OptionalDouble.empty();

  /** The rig's estimate in H/s, or empty when this controller has seen no accepted share of it. */
  OptionalDouble estimatedHashrateHs(String rigId);

  /**
   * How far the estimate is from the reported hashrate, in percent of the reported one ({@code
   * (estimated - reported) / reported * 100}, one decimal), or null when either is missing or the
   * rig reports no hashrate.
   */
  static Double gapPercent(OptionalDouble estimated, double reported) {
    if (estimated.isEmpty() || !(reported > 0)) {
      return null;
    }
    return Math.round((estimated.getAsDouble() - reported) / reported * 1000) / 10.0;
  }
}
