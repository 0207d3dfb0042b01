package io.otedama.controller.payouts;

import io.otedama.controller.payouts.address.BitcoinNetwork;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Farm-wide payout settings.
 *
 * @param network the network payouts are made on; addresses for others are refused
 * @param pplnsWindowFactor N: the PPLNS window is N times the block's network difficulty
 * @param maxTelemetryGap two power samples further apart than this are a gap (rig off or not
 *     reporting): the time between them is not billed
 */
public record PayoutSettings(
    BitcoinNetwork network, BigDecimal pplnsWindowFactor, Duration maxTelemetryGap) {
  public PayoutSettings {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(pplnsWindowFactor, "pplnsWindowFactor");
    Objects.requireNonNull(maxTelemetryGap, "maxTelemetryGap");
    if (pplnsWindowFactor.signum() <= 0) {
      throw new IllegalArgumentException(
          "the PPLNS window factor N must be positive, got " + pplnsWindowFactor);
    }
    if (maxTelemetryGap.isNegative() || maxTelemetryGap.isZero()) {
      throw new IllegalArgumentException(
          "the telemetry gap limit must be positive, got " + maxTelemetryGap);
    }
  }

  /** Mainnet, N = 2, gaps over 5 minutes not billed. */
  public static PayoutSettings defaults(BitcoinNetwork network) {
    return new PayoutSettings(network, BigDecimal.valueOf(2), Duration.ofMinutes(5));
  }
}
