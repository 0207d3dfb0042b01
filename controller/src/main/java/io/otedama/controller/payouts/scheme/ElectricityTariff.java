package io.otedama.controller.payouts.scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Electricity priced in millisatoshis per kWh (a whole number, so the tariff itself is exact; 50
 * sats/kWh is 50 000 msat/kWh). The charge for measured energy is {@code floor(Ws · msatPerKwh /
 * 3.6e9)} satoshis: rounded down, in the client's favour. The fraction is not money anybody holds,
 * so it is not dust.
 */
public final class ElectricityTariff {
  /** Watt-seconds per kWh times millisatoshis per satoshi. */
  private static final BigDecimal WS_PER_KWH_TIMES_MSAT_PER_SAT =
      BigDecimal.valueOf(3_600_000_000L);

  private ElectricityTariff() {}

  public static long chargeSats(BigDecimal energyWattSeconds, long msatPerKwh) {
    if (energyWattSeconds.signum() < 0 || msatPerKwh < 0) {
      throw new IllegalArgumentException(
          "electricity needs energy >= 0 and price >= 0, got "
              + energyWattSeconds
              + " Ws at "
              + msatPerKwh
              + " msat/kWh");
    }
    return energyWattSeconds
        .multiply(BigDecimal.valueOf(msatPerKwh))
        .divide(WS_PER_KWH_TIMES_MSAT_PER_SAT, 0, RoundingMode.FLOOR)
        .longValueExact();
  }
}
