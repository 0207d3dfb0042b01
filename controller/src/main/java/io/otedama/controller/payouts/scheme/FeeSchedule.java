package io.otedama.controller.payouts.scheme;

/**
 * An account's fees in basis points of its gross credit (100 bps = 1 %). Each fee is rounded down
 * separately, so the account keeps every fraction of a satoshi: {@code net = gross - poolFee -
 * hostingFee} exactly, and no fee rounding creates dust.
 */
public record FeeSchedule(int poolFeeBps, int hostingFeeBps) {
  /** Basis points in a whole. */
  public static final int WHOLE_BPS = 10_000;

  public static final FeeSchedule NONE = new FeeSchedule(0, 0);

  public FeeSchedule {
    if (poolFeeBps < 0 || poolFeeBps > WHOLE_BPS) {
      throw new IllegalArgumentException(
          "pool fee must be 0..10000 basis points, got " + poolFeeBps);
    }
    if (hostingFeeBps < 0 || hostingFeeBps > WHOLE_BPS) {
      throw new IllegalArgumentException(
          "hosting fee must be 0..10000 basis points, got " + hostingFeeBps);
    }
    if (poolFeeBps + hostingFeeBps > WHOLE_BPS) {
      throw new IllegalArgumentException(
          "pool and hosting fees together exceed 100 %: "
              + poolFeeBps
              + " + "
              + hostingFeeBps
              + " bps");
    }
  }

  /** Splits a gross credit into fees and the net credit. */
  public FeeSplit apply(long grossSats) {
    Sats.requireAmount(grossSats, "gross credit");
    long poolFee = Sats.fractionFloor(grossSats, poolFeeBps, WHOLE_BPS);
    long hostingFee = Sats.fractionFloor(grossSats, hostingFeeBps, WHOLE_BPS);
    return new FeeSplit(grossSats, poolFee, hostingFee, grossSats - poolFee - hostingFee);
  }
}
