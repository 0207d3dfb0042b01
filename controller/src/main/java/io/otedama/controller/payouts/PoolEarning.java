package io.otedama.controller.payouts;

import io.otedama.controller.payouts.scheme.Sats;
import java.util.Objects;

/**
 * What an upstream pool paid the farm for a period (entered through the API or imported). It is
 * split over the shares the farm's rigs found in that period.
 */
public record PoolEarning(String pool, AccountingPeriod period, long amountSats) {
  public PoolEarning {
    Objects.requireNonNull(period, "period");
    if (pool == null || pool.isBlank()) {
      throw new IllegalArgumentException("a pool earning needs the pool's name");
    }
    pool = pool.strip();
    Sats.requireAmount(amountSats, "pool earning");
    if (amountSats == 0) {
      throw new IllegalArgumentException("a pool earning of 0 sats has nothing to book");
    }
  }

  /** The ledger key of its booking. */
  String key() {
    return "pool-earning:" + pool + ":" + period.key();
  }
}
