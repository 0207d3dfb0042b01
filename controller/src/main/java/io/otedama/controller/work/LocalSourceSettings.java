package io.otedama.controller.work;

import java.time.Duration;
import java.util.Objects;

/**
 * The built-in local source.
 *
 * @param tag the farm's tag written into every coinbase (at most 40 bytes of ASCII)
 * @param networkDifficulty the block difficulty of its jobs: easy, so that the demo finds blocks
 *     (default 0.5: a CPU rig at a few MH/s finds one every few minutes)
 * @param startHeight the height of the first block
 * @param reward the coinbase value per block, in satoshi
 * @param payoutScript the coinbase output script in hex (default {@code 51}, OP_TRUE)
 * @param fakeTransactions how many made-up transactions each block has besides the coinbase
 * @param jobInterval how often a fresh (not clean) job with a newer ntime goes out
 */
public record LocalSourceSettings(
    String tag,
    double networkDifficulty,
    long startHeight,
    long reward,
    String payoutScript,
    int fakeTransactions,
    Duration jobInterval) {
  public LocalSourceSettings {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(payoutScript, "payoutScript");
    Objects.requireNonNull(jobInterval, "jobInterval");
    if (tag.length() > 40 || !tag.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "the coinbase tag must be at most 40 printable ASCII characters");
    }
    if (!(networkDifficulty > 0) || Double.isInfinite(networkDifficulty)) {
      throw new IllegalArgumentException("networkDifficulty must be positive");
    }
    if (startHeight < 1 || reward < 0 || fakeTransactions < 0 || fakeTransactions > 1000) {
      throw new IllegalArgumentException(
          "need startHeight >= 1, reward >= 0, 0 <= fakeTransactions <= 1000");
    }
  }

  public static LocalSourceSettings defaults() {
    return new LocalSourceSettings(
        "/otedama/", 0.5, 1, 312_500_000L, "51", 5, Duration.ofSeconds(30));
  }

  public LocalSourceSettings withNetworkDifficulty(double difficulty) {
    return new LocalSourceSettings(
        tag, difficulty, startHeight, reward, payoutScript, fakeTransactions, jobInterval);
  }
}
