package io.otedama.controller.payouts;

import io.otedama.controller.payouts.scheme.FeeSchedule;
import io.otedama.controller.payouts.scheme.PayoutScheme;
import java.util.Objects;

/** What creating a client account takes; the address and site may be null. */
public record NewClientAccount(
    String name,
    PayoutScheme scheme,
    FeeSchedule fees,
    long payoutThresholdSats,
    String walletAddress,
    String site) {
  public NewClientAccount {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a client account needs a name");
    }
    name = name.strip();
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(fees, "fees");
  }
}
