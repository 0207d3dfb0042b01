package io.otedama.controller.payouts.scheme;

/** The Bitcoin block subsidy: 50 BTC halved every 210 000 blocks (consensus rule). */
public final class BlockSubsidy {
  private static final long INITIAL = 50 * Sats.PER_BTC;
  private static final long HALVING_INTERVAL = 210_000;

  private BlockSubsidy() {}

  public static long atHeight(long height) {
    if (height < 0) {
      throw new IllegalArgumentException("block height must not be negative, got " + height);
    }
    long halvings = height / HALVING_INTERVAL;
    return halvings >= 64 ? 0 : INITIAL >> halvings;
  }
}
