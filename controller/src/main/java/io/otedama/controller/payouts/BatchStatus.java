package io.otedama.controller.payouts;

import java.util.Locale;

/** A payout batch is pending until its transaction is recorded, then paid. */
public enum BatchStatus {
  PENDING,
  PAID;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static BatchStatus fromWireName(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
