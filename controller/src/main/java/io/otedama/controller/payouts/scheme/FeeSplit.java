package io.otedama.controller.payouts.scheme;

/** A gross credit and what becomes of it: {@code gross = poolFee + hostingFee + net}. */
public record FeeSplit(long grossSats, long poolFeeSats, long hostingFeeSats, long netSats) {
  public FeeSplit {
    if (grossSats < 0 || poolFeeSats < 0 || hostingFeeSats < 0 || netSats < 0) {
      throw new IllegalArgumentException("fee split amounts must not be negative");
    }
    if (Math.addExact(Math.addExact(poolFeeSats, hostingFeeSats), netSats) != grossSats) {
      throw new IllegalArgumentException(
          "fee split does not add up: "
              + poolFeeSats
              + " + "
              + hostingFeeSats
              + " + "
              + netSats
              + " != "
              + grossSats);
    }
  }

  public long feesSats() {
    return poolFeeSats + hostingFeeSats;
  }
}
