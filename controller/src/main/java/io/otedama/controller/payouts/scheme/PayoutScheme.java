package io.otedama.controller.payouts.scheme;

import java.util.Locale;

/** How an account's work is turned into credits (see docs/payouts.md). */
public enum PayoutScheme {
  /** Pay per share: {@code B·d/D} per share, B the block subsidy; the farm carries the luck. */
  PPS,
  /** Full pay per share: as PPS with B = subsidy + expected transaction fees per block. */
  FPPS,
  /** Pay per last N shares: each block is split over the last N·D of share difficulty. */
  PPLNS,
  /** Proportional: each block is split over the shares of its round. */
  PROP;

  /** True for the schemes whose credits come out of actual earnings (PPLNS, PROP). */
  public boolean sharesEarnings() {
    return this == PPLNS || this == PROP;
  }

  /** The lower-case name used in the database and the API. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #wireName()} (case-insensitive) with a clear error. */
  public static PayoutScheme fromWireName(String text) {
    if (text != null) {
      for (PayoutScheme scheme : values()) {
        if (scheme.name().equalsIgnoreCase(text.trim())) {
          return scheme;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown payout scheme '" + text + "': expected one of pps, fpps, pplns, prop");
  }
}
