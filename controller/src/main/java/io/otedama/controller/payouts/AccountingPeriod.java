package io.otedama.controller.payouts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A half-open span of time {@code [start, end)} that accounting runs and payout batches cover. */
public record AccountingPeriod(Instant start, Instant end) {
  public AccountingPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    // PostgreSQL keeps microseconds: a period must read back equal to what was stored
    start = start.truncatedTo(ChronoUnit.MICROS);
    end = end.truncatedTo(ChronoUnit.MICROS);
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "a period must start before it ends, got " + start + " .. " + end);
    }
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** {@code <start>/<end>} in ISO-8601, as used in ledger transaction keys. */
  public String key() {
    return start + "/" + end;
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
