package io.otedama.controller.payouts.scheme;

import java.util.Objects;

/** What one account is credited from one earning (or one PPS period), and its fees. */
public record CreditShare(long accountId, PayoutScheme scheme, FeeSplit split) {
  public CreditShare {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(split, "split");
    if (accountId <= 0) {
      throw new IllegalArgumentException("credits go to client accounts, not " + accountId);
    }
  }

  public long grossSats() {
    return split.grossSats();
  }
}
