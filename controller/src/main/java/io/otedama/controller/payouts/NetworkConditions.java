package io.otedama.controller.payouts;

import io.otedama.controller.payouts.scheme.Sats;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a share was worth on the network during a period: PPS values shares at {@code subsidy·d/D},
 * FPPS at {@code (subsidy + expected fees)·d/D}. The scheduler takes them from the work source (the
 * current job's coinbase value and nBits) when it runs the period.
 *
 * @param expectedFeesPerBlockSats the transaction fees a block is expected to collect (e.g. the
 *     average over the period's blocks)
 */
public record NetworkConditions(
    long blockSubsidySats, long expectedFeesPerBlockSats, BigDecimal networkDifficulty) {
  public NetworkConditions {
    Objects.requireNonNull(networkDifficulty, "networkDifficulty");
    Sats.requireAmount(blockSubsidySats, "block subsidy");
    Sats.requireAmount(expectedFeesPerBlockSats, "expected fees per block");
    if (networkDifficulty.signum() <= 0) {
      throw new IllegalArgumentException(
          "network difficulty must be positive, got " + networkDifficulty);
    }
  }
}
