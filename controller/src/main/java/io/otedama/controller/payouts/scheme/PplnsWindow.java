package io.otedama.controller.payouts.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The PPLNS window: the last {@code N·D} of share difficulty before a block, D the block's network
 * difficulty.
 *
 * <p>The walk follows p2pool's {@code WeightsSkipList} ({@code p2pool/skiplists.py}, {@code
 * apply_delta}): starting at the block and going back through the share log, each share adds its
 * difficulty until the window is full; the share that straddles the window's far edge adds only the
 * part that still fits ({@code desired_weight - total_weight}). Shares are counted in share-log
 * order (time, then id), so the block-finding share itself is in the window. When the log holds
 * less than the window, every share counts whole and the block is split over what there is (as in
 * p2pool, where the weights are normalised by their total).
 */
public final class PplnsWindow {
  private PplnsWindow() {}

  /** The window size {@code N·D} for window factor N and network difficulty D. */
  public static BigDecimal size(BigDecimal windowFactor, BigDecimal networkDifficulty) {
    if (windowFactor.signum() <= 0 || networkDifficulty.signum() <= 0) {
      throw new IllegalArgumentException(
          "PPLNS window needs N > 0 and D > 0, got N=" + windowFactor + ", D=" + networkDifficulty);
    }
    return windowFactor.multiply(networkDifficulty);
  }

  /**
   * Weights of the window ending at the newest of {@code shares}.
   *
   * @param shares the shares up to and including the block-finding share, any order; at least the
   *     last {@code windowSize} of difficulty of them (more are ignored)
   */
  public static DifficultyWeights walk(List<ShareRecord> shares, BigDecimal windowSize) {
    if (windowSize.signum() <= 0) {
      throw new IllegalArgumentException("PPLNS window must be positive, got " + windowSize);
    }
    List<ShareRecord> newestFirst = new ArrayList<>(shares);
    newestFirst.sort(ShareRecord.NEWEST_FIRST);
    TreeMap<Long, BigDecimal> byAccount = new TreeMap<>();
    BigDecimal remaining = windowSize;
    for (ShareRecord share : newestFirst) {
      BigDecimal counted = share.difficulty().min(remaining);
      byAccount.merge(share.accountId(), counted, BigDecimal::add);
      remaining = remaining.subtract(counted);
      if (remaining.signum() == 0) {
        break;
      }
    }
    return new DifficultyWeights(byAccount, windowSize.subtract(remaining));
  }
}
