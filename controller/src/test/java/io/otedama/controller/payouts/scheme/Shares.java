package io.otedama.controller.payouts.scheme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Builds share records for scheme tests: ids in creation order, times in whole hours. */
final class Shares {
  static final Instant DAY = Instant.parse("2025-01-01T00:00:00Z");
  private final AtomicLong ids = new AtomicLong();

  ShareRecord at(int hour, long account, String difficulty) {
    return new ShareRecord(
        ids.incrementAndGet(),
        account,
        "rig-" + account,
        new BigDecimal(difficulty),
        DAY.plusSeconds(hour * 3600L));
  }

  static BigDecimal d(String value) {
    return new BigDecimal(value);
  }
}
