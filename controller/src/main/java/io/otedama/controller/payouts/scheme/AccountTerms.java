package io.otedama.controller.payouts.scheme;

import java.util.Objects;

/** What the schemes need to know of an account's contract: its scheme and its fees. */
public record AccountTerms(PayoutScheme scheme, FeeSchedule fees) {
  public AccountTerms {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(fees, "fees");
  }
}
